package dev.hipflex.triage.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.hipflex.triage.service.CatalogSnapshots;
import io.smallrye.mutiny.Uni;

/** Refreshes the catalog snapshot when catalog-service announces a change (every instance hears every change). */
@ApplicationScoped
public class CatalogUpdatesListener {

    private static final Logger LOG = Logger.getLogger(CatalogUpdatesListener.class);

    private final CatalogSnapshots snapshots;

    public CatalogUpdatesListener(CatalogSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Incoming("catalog-updates")
    public Uni<Void> onUpdate(String event) {
        return snapshots.refresh().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Catalog refresh failed, keeping the current snapshot: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
