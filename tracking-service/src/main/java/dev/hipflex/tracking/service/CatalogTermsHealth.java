package dev.hipflex.tracking.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: tracking records check-ins and plans without the catalog, and fetches its terms on first use. Marked
 * degraded, with the reason, while a newer catalog it cannot measure with is offered and the last good terms are in use.
 */
@Readiness
@ApplicationScoped
public class CatalogTermsHealth implements HealthCheck {

    private final CatalogTerms terms;

    public CatalogTermsHealth(CatalogTerms terms) {
        this.terms = terms;
    }

    @Override
    public HealthCheckResponse call() {
        CatalogTerms.Rejected rejected = terms.rejected();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("Catalog terms").up()
                .withData("loaded", terms.loaded())
                .withData("degraded", rejected != null);
        if (rejected != null) {
            health.withData("reason", "the catalog offered cannot be used: " + String.join("; ", rejected.missing()));
        }
        return health.build();
    }
}
