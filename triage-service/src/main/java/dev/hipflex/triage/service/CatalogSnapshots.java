package dev.hipflex.triage.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.hipflex.triage.domain.CatalogIndex;
import dev.hipflex.triage.domain.CatalogSnapshot;
import dev.hipflex.triage.domain.TriageEngine;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Triage's local copy of the catalog, fetched over REST from catalog-service and refreshed when a
 * {@code catalog-updates} event says the content changed. While the catalog cannot be reached,
 * {@link #current()} waits and retries instead of failing, so no report is lost for that reason.
 * A fetched catalog that the engine cannot decide with (it lacks a protocol the plans are built from)
 * is not taken: triage keeps deciding with its last good snapshot, logs what is missing and reports
 * itself degraded, so content never stops reports from being answered. The engine's index of a snapshot is built
 * when the snapshot is taken and replaced with it, so no report pays for building it.
 */
@ApplicationScoped
public class CatalogSnapshots {

    /** The protocols the engine builds plans and extras from: the complete release protocol, the runners' warm-up, the movement breaks. */
    static final List<String> REQUIRED_PROTOCOLS = TriageEngine.PROTOCOLS_USED;

    /** A content version that was fetched and not taken, and why. */
    public record Rejected(String version, List<String> missing) {
    }

    private static final Logger LOG = Logger.getLogger(CatalogSnapshots.class);
    private static final int PAGE = 100;

    /** A snapshot in use and the engine's index of it. */
    private record Taken(CatalogSnapshot snapshot, CatalogIndex index) {
    }

    private final CatalogClient catalog;
    private volatile Taken current;
    private volatile Rejected rejected;

    public CatalogSnapshots(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    void onStart(@Observes StartupEvent event) {
        current().subscribe().with(s -> { }, e -> LOG.error("Catalog snapshot never loaded", e));
    }

    public boolean loaded() {
        return current != null;
    }

    /** The content version last fetched and not taken because the engine cannot use it; null while all is well. */
    public Rejected rejected() {
        return rejected;
    }

    /** The content version in use, or null before the first usable snapshot. */
    public String version() {
        Taken taken = current;
        return taken == null ? null : taken.snapshot().version();
    }

    /** The snapshot; the first call (and any call before the catalog has answered once) waits for it. */
    public Uni<CatalogSnapshot> current() {
        return taken().map(Taken::snapshot);
    }

    /** The engine's index of the snapshot in use; waits as {@link #current()} does. */
    public Uni<CatalogIndex> index() {
        return taken().map(Taken::index);
    }

    private Uni<Taken> taken() {
        Taken taken = current;
        if (taken != null) {
            return Uni.createFrom().item(taken);
        }
        return fetch()
                .onFailure().invoke(e -> LOG.warnf("No usable catalog yet, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    /**
     * Fetches the catalog again and takes it if the engine can use it; otherwise keeps the previous snapshot (and
     * fails only while there is none). Keeps the previous snapshot, too, if the catalog cannot be reached.
     */
    public Uni<CatalogSnapshot> refresh() {
        return fetch().map(Taken::snapshot);
    }

    private Uni<Taken> fetch() {
        return catalog.version().chain(version -> {
            Taken known = current;
            Rejected refused = rejected;
            if (known != null && known.snapshot().version().equals(version.version())) {
                // The catalog serves the version in use again: whatever was refused is no longer offered.
                rejected = null;
                return Uni.createFrom().item(known);
            }
            if (known != null && refused != null && refused.version().equals(version.version())) {
                return Uni.createFrom().item(known);
            }
            return Uni.combine().all()
                    .unis(exercises(0, new ArrayList<>()), catalog.protocols(), catalog.redFlags(),
                            catalog.rootCauseChecklist(), catalog.muscles())
                    .with((exercises, protocols, redFlags, checklist, muscles) -> new CatalogSnapshot(version.version(),
                            List.copyOf(exercises), protocols.items(), redFlags.items(), checklist, muscles.items()))
                    .chain(this::take);
        });
    }

    private Uni<Taken> take(CatalogSnapshot fetched) {
        List<String> missing = missing(fetched);
        if (missing.isEmpty()) {
            Taken taken = new Taken(fetched, CatalogIndex.of(fetched));
            current = taken;
            rejected = null;
            LOG.infof("Catalog snapshot at content version %s (%d exercises)", fetched.version(), fetched.exercises().size());
            return Uni.createFrom().item(taken);
        }
        rejected = new Rejected(fetched.version(), missing);
        Taken known = current;
        if (known == null) {
            return Uni.createFrom().failure(new IllegalStateException("catalog content version " + fetched.version()
                    + " cannot be used: " + String.join("; ", missing)));
        }
        LOG.warnf("Catalog content version %s cannot be used (%s); triage keeps deciding with version %s",
                fetched.version(), String.join("; ", missing), known.snapshot().version());
        return Uni.createFrom().item(known);
    }

    /** What the engine needs and {@code snapshot} lacks; empty when it can decide with it. */
    static List<String> missing(CatalogSnapshot snapshot) {
        List<String> missing = new ArrayList<>();
        if (snapshot.exercises() == null || snapshot.exercises().isEmpty()) {
            missing.add("it has no exercises");
        }
        for (String slug : REQUIRED_PROTOCOLS) {
            Optional<CatalogSnapshot.Protocol> protocol = snapshot.protocols() == null ? Optional.empty()
                    : snapshot.protocol(slug);
            if (protocol.isEmpty()) {
                missing.add("protocol " + slug + " is missing");
            } else if (protocol.get().phases() == null || protocol.get().phases().isEmpty()) {
                missing.add("protocol " + slug + " has no phases");
            }
        }
        return missing;
    }

    private Uni<List<CatalogSnapshot.Exercise>> exercises(int offset, List<CatalogSnapshot.Exercise> sofar) {
        return catalog.exercises(PAGE, offset).chain(page -> {
            sofar.addAll(page.items());
            return page.nextOffset() == null ? Uni.createFrom().item(sofar) : exercises(page.nextOffset(), sofar);
        });
    }
}
