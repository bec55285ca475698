package dev.hipflex.triage.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Triage is ready only once it holds a catalog snapshot to decide with. */
@Readiness
@ApplicationScoped
public class CatalogSnapshotReadiness implements HealthCheck {

    private final CatalogSnapshots snapshots;

    public CatalogSnapshotReadiness(CatalogSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Catalog snapshot").status(snapshots.loaded()).build();
    }
}
