package dev.hipflex.catalog.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.messaging.CatalogUpdates;
import dev.hipflex.catalog.domain.CatalogContent.Entry;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.domain.ContentValidator;
import dev.hipflex.catalog.domain.ContentViolation;
import dev.hipflex.catalog.repository.CatalogItemEntity;
import dev.hipflex.catalog.repository.CatalogRepository;
import dev.hipflex.catalog.repository.ContentVersionEntity;
import dev.hipflex.catalog.service.ContentChange.Action;
import dev.hipflex.common.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes content in one transaction per change, under a database lock so that writers on several
 * instances take turns. Every change is validated against the whole catalog as stored, then
 * recorded with its new content version and its {@code catalog-updates} event (transactional outbox).
 */
@ApplicationScoped
public class ContentWriter {

    private static final Logger LOG = Logger.getLogger(ContentWriter.class);

    /** Thrown inside the transaction when a change would leave the catalog inconsistent; rolls it back. */
    public static class InvalidChange extends RuntimeException {
        private final transient List<ContentViolation> violations;

        InvalidChange(List<ContentViolation> violations) {
            super(violations.toString());
            this.violations = violations;
        }

        public List<ContentViolation> violations() {
            return violations;
        }
    }

    private final CatalogRepository repository;
    private final Outbox outbox;

    public ContentWriter(CatalogRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    /**
     * Loads the bundled content unless this very bundle was loaded before (so restarts are free and
     * running twice does no harm). Items an earlier bundle brought and this one drops are removed;
     * items editors created stay.
     */
    @WithTransaction
    public Uni<ContentChange> loadBundle(CatalogContent bundle, String bundleHash) {
        return repository.lockContent()
                .chain(repository::latestVersion)
                .chain(latest -> repository.allItems().chain(rows -> {
                    if (latest != null && latest.bundleHash.equals(bundleHash)) {
                        return Uni.createFrom().item(new ContentChange(null, null, Action.UNCHANGED,
                                ContentCodec.fromRows(rows), latest.version, latest.version, latest.createdAt));
                    }
                    OffsetDateTime now = now();
                    Map<String, CatalogItemEntity> stored = new HashMap<>();
                    rows.forEach(row -> stored.put(row.kind + "/" + row.slug, row));
                    Uni<Void> writes = Uni.createFrom().voidItem();
                    for (Entry entry : bundle.entries()) {
                        CatalogItemEntity row = stored.remove(entry.kind().name() + "/" + entry.slug());
                        writes = writes.call(() -> upsert(row, entry, CatalogItemEntity.FROM_BUNDLE, now));
                    }
                    for (CatalogItemEntity leftover : stored.values()) {
                        if (CatalogItemEntity.FROM_BUNDLE.equals(leftover.origin)) {
                            writes = writes.call(leftover::delete);
                        }
                    }
                    return writes.chain(repository::allItems).chain(after -> record(ContentCodec.fromRows(after),
                            null, null, Action.BUNDLE_LOADED, latest, bundleHash, "content bundle " + bundleHash, now));
                }));
    }

    /**
     * Applies {@code change} to the stored catalog and stores {@code kind/slug} as it is afterwards
     * ({@code value} null deletes it). Throws {@link InvalidChange} when the result does not validate.
     */
    @WithTransaction
    public Uni<ContentChange> apply(ContentKind kind, String slug, Action action, Object value,
            UnaryOperator<CatalogContent> change) {
        return repository.lockContent()
                .chain(repository::latestVersion)
                .chain(latest -> repository.allItems().chain(rows -> {
                    CatalogContent after = change.apply(ContentCodec.fromRows(rows));
                    List<ContentViolation> violations = ContentValidator.validate(after);
                    if (!violations.isEmpty()) {
                        return Uni.createFrom().failure(new InvalidChange(violations));
                    }
                    OffsetDateTime now = now();
                    CatalogItemEntity row = rows.stream()
                            .filter(r -> r.kind.equals(kind.name()) && r.slug.equals(slug)).findFirst().orElse(null);
                    Uni<?> write = value == null ? row.delete()
                            : upsert(row, new Entry(kind, slug, value), CatalogItemEntity.FROM_EDITOR, now);
                    String bundleHash = latest == null ? "none" : latest.bundleHash;
                    // The event is stored with the change, so a committed change is always announced.
                    return write.chain(() -> record(after, kind, slug, action, latest, bundleHash,
                            action.name().toLowerCase() + " " + kind.path() + "/" + slug, now))
                            .call(done -> outbox.add(CatalogUpdates.TOPIC, slug, CatalogUpdates.event(done)));
                }));
    }

    private Uni<CatalogItemEntity> upsert(CatalogItemEntity row, Entry entry, String origin, OffsetDateTime now) {
        CatalogItemEntity target = row != null ? row : new CatalogItemEntity();
        String body = ContentCodec.toJson(entry.value());
        if (row != null && body.equals(row.body) && origin.equals(row.origin)) {
            return Uni.createFrom().item(row);
        }
        target.kind = entry.kind().name();
        target.slug = entry.slug();
        target.title = entry.value() instanceof dev.hipflex.catalog.domain.Content.Item item ? item.title() : null;
        target.body = body;
        target.origin = origin;
        target.updatedAt = now;
        return target.persist();
    }

    private Uni<ContentChange> record(CatalogContent content, ContentKind kind, String slug, Action action,
            ContentVersionEntity previous, String bundleHash, String reason, OffsetDateTime now) {
        ContentVersionEntity version = new ContentVersionEntity();
        version.version = ContentCodec.version(content);
        version.bundleHash = bundleHash;
        version.reason = reason;
        version.createdAt = now;
        LOG.infof("Catalog content version %s (%s)", version.version, reason);
        return version.persist().replaceWith(new ContentChange(kind, slug, action, content,
                previous == null ? null : previous.version, version.version, now));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
