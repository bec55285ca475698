package dev.hipflex.triage.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Triage is ready once it holds a catalog snapshot to decide with. A newer catalog it cannot use leaves it ready
 * (it answers every report from its last good snapshot) and marked degraded, naming the version and what it lacks.
 */
@Readiness
@ApplicationScoped
public class CatalogSnapshotReadiness implements HealthCheck {

    private final CatalogSnapshots snapshots;

    public CatalogSnapshotReadiness(CatalogSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("Catalog snapshot").status(snapshots.loaded());
        String version = snapshots.version();
        if (version != null) {
            health.withData("contentVersion", version);
        }
        CatalogSnapshots.Rejected rejected = snapshots.rejected();
        health.withData("degraded", rejected != null);
        if (rejected != null) {
            health.withData("rejectedVersion", rejected.version())
                    .withData("reason", "catalog content version " + rejected.version() + " cannot be used: "
                            + String.join("; ", rejected.missing()));
        }
        return health.build();
    }
}
