package dev.hipflex.triage.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Triage is ready while its pipeline can publish (transactions initialised) and is not stuck in one batch. */
@Readiness
@ApplicationScoped
public class SymptomReportPipelineReadiness implements HealthCheck {

    private final SymptomReportPipeline pipeline;
    private final Duration stalledAfter;

    public SymptomReportPipelineReadiness(SymptomReportPipeline pipeline,
            @ConfigProperty(name = "hipflex.triage.pipeline.stalled-after", defaultValue = "PT60S") Duration stalledAfter) {
        this.pipeline = pipeline;
        this.stalledAfter = stalledAfter;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Symptom report pipeline").status(pipeline.ready(stalledAfter)).build();
    }
}
