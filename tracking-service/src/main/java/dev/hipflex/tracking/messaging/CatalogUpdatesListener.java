package dev.hipflex.tracking.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.hipflex.tracking.service.CatalogTerms;
import io.smallrye.mutiny.Uni;

/**
 * Refreshes the catalog terms when catalog-service announces a change (every instance hears every change), so a
 * release's new schedule or exercise reaches running instances. Terms not fetched yet are fetched fresh on first use.
 */
@ApplicationScoped
public class CatalogUpdatesListener {

    private static final Logger LOG = Logger.getLogger(CatalogUpdatesListener.class);

    private final CatalogTerms terms;

    public CatalogUpdatesListener(CatalogTerms terms) {
        this.terms = terms;
    }

    @Incoming("catalog-updates")
    public Uni<Void> onUpdate(String event) {
        if (!terms.loaded()) {
            return Uni.createFrom().voidItem();
        }
        return terms.refresh().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Catalog refresh failed, keeping the current terms: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
