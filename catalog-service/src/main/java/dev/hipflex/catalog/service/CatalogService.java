package dev.hipflex.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.domain.Content.Slugged;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.domain.ContentValidator;
import dev.hipflex.catalog.domain.ContentViolation;
import dev.hipflex.catalog.domain.ServiceDependencies;
import dev.hipflex.catalog.service.ContentChange.Action;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.problem.Problem;
import dev.hipflex.common.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The catalog: serves reads from an in-memory snapshot of the stored content, and applies editors'
 * changes through {@link ContentWriter} (which stores each change's event), refreshing the snapshot.
 */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);

    private final ContentWriter writer;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private volatile CatalogSnapshot snapshot;

    public CatalogService(ContentWriter writer, OutboxRelay relay, ObjectMapper json) {
        this.writer = writer;
        this.relay = relay;
        this.json = json;
    }

    /**
     * Validates the bundled content and loads it before the service takes traffic, announcing what it changed; bad
     * content, or content that lacks what other services depend on, stops start-up.
     */
    void onStart(@Observes StartupEvent event) throws Throwable {
        CatalogContent bundle = ContentBundleReader.read();
        List<ContentViolation> violations = ContentValidator.validate(bundle);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The content bundle is invalid:\n" + violations);
        }
        ContentChange loaded = VertxContextSupport.subscribeAndAwait(
                () -> writer.loadBundle(bundle, ContentCodec.version(bundle))).change();
        refresh(loaded);
        relay.soon();
        LOG.infof("Catalog ready at content version %s (%s)", loaded.version(), loaded.action());
    }

    public CatalogSnapshot snapshot() {
        CatalogSnapshot current = snapshot;
        if (current == null) {
            throw new ProblemException(503, "Catalog loading", "The catalog content is still loading", null);
        }
        return current;
    }

    /** Adds a new item of {@code kind}; its slug must be free. */
    public Uni<ContentChange> create(ContentKind kind, Slugged item) {
        if (item.slug() == null || item.slug().isBlank()) {
            throw ProblemException.badRequest("slug", "is required");
        }
        return change(kind, item.slug(), Action.CREATED, item, content -> {
            if (content.find(kind, item.slug()).isPresent()) {
                throw ProblemException.conflict("A " + kind.noun() + " with slug '" + item.slug() + "' already exists",
                        List.of(new Problem.FieldError("slug", "is already taken")));
            }
            return content.with(kind, item.slug(), item);
        });
    }

    /** Replaces the item of {@code kind} at {@code slug}; slugs never change, clients link to them. */
    public Uni<ContentChange> replace(ContentKind kind, String slug, Slugged item) {
        if (!slug.equals(item.slug())) {
            throw ProblemException.badRequest("slug", "must match the slug in the path ('" + slug + "'); slugs never change");
        }
        return change(kind, slug, Action.UPDATED, item, content -> {
            require(content, kind, slug);
            return content.with(kind, slug, item);
        });
    }

    /** Deletes the item of {@code kind} at {@code slug}; refused while another item names it. */
    public Uni<ContentChange> delete(ContentKind kind, String slug) {
        return change(kind, slug, Action.DELETED, null, content -> {
            require(content, kind, slug);
            return content.without(kind, slug);
        });
    }

    private static Object require(CatalogContent content, ContentKind kind, String slug) {
        return content.find(kind, slug).orElseThrow(() -> ProblemException.notFound(kind.noun(), slug));
    }

    private Uni<ContentChange> change(ContentKind kind, String slug, Action action, Object value,
            java.util.function.UnaryOperator<CatalogContent> apply) {
        return writer.apply(kind, slug, action, value, apply)
                .onFailure(ContentWriter.InvalidChange.class)
                .transform(e -> asProblem(kind, slug, action, (ContentWriter.InvalidChange) e))
                .invoke(this::refresh)
                .invoke(relay::soon);
    }

    /**
     * An editor's own item that is invalid is a 400. Taking away what another service depends on is a 409 naming
     * each service, item and reason; so is removing an item that other items still name.
     */
    private static ProblemException asProblem(ContentKind kind, String slug, Action action,
            ContentWriter.InvalidChange invalid) {
        String self = kind.path() + "/" + slug;
        List<ContentViolation> own = ContentValidator.about(invalid.violations(), self);
        if (action != Action.DELETED && !own.isEmpty()) {
            return ProblemException.invalid(own.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ServiceDependencies.Broken broken : invalid.broken()) {
            ServiceDependencies.Dependency dependency = broken.dependency();
            errors.add(new Problem.FieldError(dependency.item(), "is needed by " + dependency.service() + ", which "
                    + dependency.reason() + "; after this change it " + broken.problem()));
        }
        invalid.violations().forEach(v -> errors.add(new Problem.FieldError(v.item() + "." + v.field(), v.message())));
        if (invalid.broken().isEmpty()) {
            return ProblemException.conflict("The change would leave the catalog inconsistent", errors);
        }
        Set<String> services = new TreeSet<>();
        invalid.broken().forEach(b -> services.add(b.dependency().service()));
        return ProblemException.conflict("The change would take away what " + String.join(" and ", services)
                + " depend" + (services.size() == 1 ? "s" : "") + " on", errors);
    }

    private void refresh(ContentChange change) {
        snapshot = new CatalogSnapshot(change.content(), change.version(), change.at(), json);
    }
}
