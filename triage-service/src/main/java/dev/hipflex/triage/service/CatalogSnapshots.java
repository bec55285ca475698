package dev.hipflex.triage.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.hipflex.triage.domain.CatalogSnapshot;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Triage's local copy of the catalog, fetched over REST from catalog-service and refreshed when a
 * {@code catalog-updates} event says the content changed. While the catalog cannot be reached,
 * {@link #current()} waits and retries instead of failing, so no report is lost for that reason.
 */
@ApplicationScoped
public class CatalogSnapshots {

    private static final Logger LOG = Logger.getLogger(CatalogSnapshots.class);
    private static final int PAGE = 100;

    private final CatalogClient catalog;
    private volatile CatalogSnapshot current;

    public CatalogSnapshots(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    void onStart(@Observes StartupEvent event) {
        current().subscribe().with(s -> { }, e -> LOG.error("Catalog snapshot never loaded", e));
    }

    public boolean loaded() {
        return current != null;
    }

    /** The snapshot; the first call (and any call before the catalog has answered once) waits for it. */
    public Uni<CatalogSnapshot> current() {
        CatalogSnapshot snapshot = current;
        if (snapshot != null) {
            return Uni.createFrom().item(snapshot);
        }
        return refresh()
                .onFailure().invoke(e -> LOG.warnf("Catalog not reachable yet, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    /** Fetches the catalog again; keeps the previous snapshot if this fails. */
    public Uni<CatalogSnapshot> refresh() {
        return catalog.version().chain(version -> {
            CatalogSnapshot known = current;
            if (known != null && known.version().equals(version.version())) {
                return Uni.createFrom().item(known);
            }
            return Uni.combine().all()
                    .unis(exercises(0, new ArrayList<>()), catalog.protocols(), catalog.redFlags(),
                            catalog.rootCauseChecklist(), catalog.muscles())
                    .with((exercises, protocols, redFlags, checklist, muscles) -> new CatalogSnapshot(version.version(),
                            List.copyOf(exercises), protocols.items(), redFlags.items(), checklist, muscles.items()))
                    .invoke(snapshot -> {
                        current = snapshot;
                        LOG.infof("Catalog snapshot at content version %s (%d exercises)", snapshot.version(),
                                snapshot.exercises().size());
                    });
        });
    }

    private Uni<List<CatalogSnapshot.Exercise>> exercises(int offset, List<CatalogSnapshot.Exercise> sofar) {
        return catalog.exercises(PAGE, offset).chain(page -> {
            sofar.addAll(page.items());
            return page.nextOffset() == null ? Uni.createFrom().item(sofar) : exercises(page.nextOffset(), sofar);
        });
    }
}
