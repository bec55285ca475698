package dev.hipflex.triage.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.triage.domain.CatalogSnapshot;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.TriageEngine;
import dev.hipflex.triage.messaging.TriageEvents;
import dev.hipflex.triage.repository.RecommendationEntity;
import dev.hipflex.triage.repository.SymptomReportEntity;
import dev.hipflex.triage.repository.TriageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Turns a valid report into its one recommendation: computed by the engine, stored (one per report
 * id), and announced on {@code recommendations} through the outbox in the same transaction.
 */
@ApplicationScoped
public class TriageService {

    private final TriageRepository repository;
    private final ReportCodec codec;
    private final Outbox outbox;

    public TriageService(TriageRepository repository, ReportCodec codec, Outbox outbox) {
        this.repository = repository;
        this.codec = codec;
        this.outbox = outbox;
    }

    /** Returns true when this call made the recommendation, false when the report had one already (a redelivery). */
    @WithTransaction
    public Uni<Boolean> recommend(SymptomReport report, CatalogSnapshot catalog) {
        return repository.recommendation(report.reportId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            Recommendation recommendation = TriageEngine.recommend(report, catalog);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            RecommendationEntity row = new RecommendationEntity();
            row.reportId = report.reportId();
            row.userId = report.userId();
            row.level = recommendation.level().name();
            row.body = codec.toJson(recommendation);
            row.createdAt = now;
            return rememberReport(report, now)
                    .chain(() -> row.persist())
                    .call(() -> outbox.add(TriageEvents.RECOMMENDATIONS_TOPIC, report.userId(),
                            TriageEvents.recommendationMade(recommendation)))
                    .replaceWith(true);
        });
    }

    /** Reports other producers put straight on the topic are recorded here, so their status can be asked for. */
    private Uni<Void> rememberReport(SymptomReport report, OffsetDateTime now) {
        return repository.report(report.reportId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            SymptomReportEntity row = new SymptomReportEntity();
            row.reportId = report.reportId();
            row.userId = report.userId();
            row.body = codec.toJson(report);
            row.bodyHash = codec.hash(report);
            row.receivedAt = now;
            return row.persist().replaceWithVoid();
        });
    }
}
