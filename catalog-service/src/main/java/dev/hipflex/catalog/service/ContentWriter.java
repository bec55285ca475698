package dev.hipflex.catalog.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.messaging.CatalogUpdates;
import dev.hipflex.catalog.domain.CatalogContent.Entry;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.domain.ContentValidator;
import dev.hipflex.catalog.domain.ContentViolation;
import dev.hipflex.catalog.domain.ServiceDependencies;
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

    /**
     * Thrown inside the transaction when a change would leave the catalog inconsistent or take away what another
     * service depends on; rolls it back.
     */
    public static class InvalidChange extends RuntimeException {
        private final transient List<ContentViolation> violations;
        private final transient List<ServiceDependencies.Broken> broken;

        InvalidChange(List<ContentViolation> violations, List<ServiceDependencies.Broken> broken) {
            super(violations + " " + broken);
            this.violations = violations;
            this.broken = broken;
        }

        public List<ContentViolation> violations() {
            return violations;
        }

        /** The services' dependencies the change would break. */
        public List<ServiceDependencies.Broken> broken() {
            return broken;
        }
    }

    private final CatalogRepository repository;
    private final Outbox outbox;

    public ContentWriter(CatalogRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    /** What loading a bundle did: the change it made, and the bundled items it left alone because editors changed or deleted them. */
    public record BundleLoad(ContentChange change, List<String> notApplied) {
    }

    /**
     * Loads the bundled content unless this very bundle was loaded before (so restarts are free and running twice
     * does no harm). An item an editor changed keeps the editor's version, and one an editor deleted stays deleted;
     * the bundle's version of either is logged as not applied: editors' work is never lost to a release. Items an
     * earlier bundle brought and this one drops are removed; items editors created stay. Each item the bundle changes
     * is announced on {@code catalog-updates}, so running services refresh. Content that would be invalid, or lack
     * what another service depends on, is refused with an {@link IllegalStateException} naming every problem.
     */
    @WithTransaction
    public Uni<BundleLoad> loadBundle(CatalogContent bundle, String bundleHash) {
        return repository.lockContent()
                .chain(repository::latestVersion)
                .chain(latest -> repository.allItems().chain(rows -> {
                    if (latest != null && latest.bundleHash.equals(bundleHash)) {
                        return Uni.createFrom().item(new BundleLoad(new ContentChange(null, null, Action.UNCHANGED,
                                ContentCodec.fromRows(rows), latest.version, latest.version, latest.createdAt), List.of()));
                    }
                    return repository.editorDeletions().chain(deleted -> merge(bundle, bundleHash, latest, rows, deleted));
                }));
    }

    private record ItemChange(ContentKind kind, String slug, Action action) {
    }

    private Uni<BundleLoad> merge(CatalogContent bundle, String bundleHash, ContentVersionEntity latest,
            List<CatalogItemEntity> rows, Set<String> deletedByEditors) {
        OffsetDateTime now = now();
        Map<String, CatalogItemEntity> stored = new HashMap<>();
        rows.forEach(row -> stored.put(row.kind + "/" + row.slug, row));
        List<ItemChange> changes = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (Entry entry : bundle.entries()) {
            String key = entry.kind().name() + "/" + entry.slug();
            CatalogItemEntity row = stored.remove(key);
            if (row != null && row.body.equals(ContentCodec.toJson(entry.value()))) {
                continue;
            }
            if (row == null && deletedByEditors.contains(key)
                    || row != null && CatalogItemEntity.FROM_EDITOR.equals(row.origin)) {
                notApplied.add(entry.kind().path() + "/" + entry.slug());
                continue;
            }
            changes.add(new ItemChange(entry.kind(), entry.slug(), row == null ? Action.CREATED : Action.UPDATED));
            writes = writes.call(() -> upsert(row, entry, CatalogItemEntity.FROM_BUNDLE, now));
        }
        for (CatalogItemEntity leftover : stored.values()) {
            if (CatalogItemEntity.FROM_BUNDLE.equals(leftover.origin)) {
                changes.add(new ItemChange(ContentKind.valueOf(leftover.kind), leftover.slug, Action.DELETED));
                writes = writes.call(leftover::delete);
            }
        }
        if (!notApplied.isEmpty()) {
            LOG.warnf("Content bundle %s: %d bundled items not applied, editors changed or deleted them: %s", bundleHash,
                    notApplied.size(), String.join(", ", notApplied));
        }
        return writes.chain(repository::allItems).chain(after -> {
            CatalogContent content = ContentCodec.fromRows(after);
            refuseUnusable(content, bundleHash);
            return record(content, null, null, Action.BUNDLE_LOADED, latest, bundleHash, "content bundle " + bundleHash, now);
        }).call(loaded -> announce(loaded, changes, latest == null)).map(loaded -> new BundleLoad(loaded, List.copyOf(notApplied)));
    }

    private static void refuseUnusable(CatalogContent content, String bundleHash) {
        List<ContentViolation> violations = ContentValidator.validate(content);
        List<ServiceDependencies.Broken> unmet = ServiceDependencies.unmet(content);
        if (!violations.isEmpty() || !unmet.isEmpty()) {
            List<String> problems = new ArrayList<>();
            violations.forEach(v -> problems.add(v.toString()));
            unmet.forEach(b -> problems.add(b.toString()));
            throw new IllegalStateException("Content bundle " + bundleHash + " is not loaded: with the editors' changes "
                    + "kept, the catalog would be invalid or lack what other services depend on:\n"
                    + String.join("\n", problems));
        }
    }

    /** One event per changed item; not on the first load, when no service can hold a snapshot yet. */
    private Uni<Void> announce(ContentChange loaded, List<ItemChange> changes, boolean firstLoad) {
        Uni<Void> events = Uni.createFrom().voidItem();
        if (firstLoad) {
            return events;
        }
        for (ItemChange item : changes) {
            ContentChange change = new ContentChange(item.kind(), item.slug(), item.action(), loaded.content(),
                    loaded.previousVersion(), loaded.version(), loaded.at());
            events = events.call(() -> outbox.add(CatalogUpdates.TOPIC, item.slug(), CatalogUpdates.event(change)));
        }
        return events;
    }

    /**
     * Applies {@code change} to the stored catalog and stores {@code kind/slug} as it is afterwards
     * ({@code value} null deletes it). Throws {@link InvalidChange} when the result does not validate or takes away
     * what another service depends on.
     */
    @WithTransaction
    public Uni<ContentChange> apply(ContentKind kind, String slug, Action action, Object value,
            UnaryOperator<CatalogContent> change) {
        return repository.lockContent()
                .chain(repository::latestVersion)
                .chain(latest -> repository.allItems().chain(rows -> {
                    CatalogContent before = ContentCodec.fromRows(rows);
                    CatalogContent after = change.apply(before);
                    List<ContentViolation> violations = ContentValidator.validate(after);
                    List<ServiceDependencies.Broken> broken = ServiceDependencies.brokenBy(before, after);
                    if (!violations.isEmpty() || !broken.isEmpty()) {
                        return Uni.createFrom().failure(new InvalidChange(violations, broken));
                    }
                    OffsetDateTime now = now();
                    CatalogItemEntity row = rows.stream()
                            .filter(r -> r.kind.equals(kind.name()) && r.slug.equals(slug)).findFirst().orElse(null);
                    // An item created again is the editors' once more: a bundle no longer skips it as deleted.
                    Uni<Void> forget = action == Action.CREATED ? repository.forgetEditorDeletion(kind.name(), slug)
                            : Uni.createFrom().voidItem();
                    Uni<?> write = forget.chain(() -> value == null ? delete(row, now)
                            : upsert(row, new Entry(kind, slug, value), CatalogItemEntity.FROM_EDITOR, now));
                    String bundleHash = latest == null ? "none" : latest.bundleHash;
                    // The event is stored with the change, so a committed change is always announced.
                    return write.chain(() -> record(after, kind, slug, action, latest, bundleHash,
                            action.name().toLowerCase() + " " + kind.path() + "/" + slug, now))
                            .call(done -> outbox.add(CatalogUpdates.TOPIC, slug, CatalogUpdates.event(done)));
                }));
    }

    /** Deletes an item for an editor; a bundled one is remembered, so that a later bundle does not bring it back. */
    private Uni<Void> delete(CatalogItemEntity row, OffsetDateTime now) {
        Uni<Void> deleted = row.delete();
        return CatalogItemEntity.FROM_BUNDLE.equals(row.origin)
                ? deleted.chain(() -> repository.recordEditorDeletion(row.kind, row.slug, now)) : deleted;
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
