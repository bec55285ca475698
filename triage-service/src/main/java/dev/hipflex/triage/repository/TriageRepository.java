package dev.hipflex.triage.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Reports and recommendations; callers hold the session or transaction. */
@ApplicationScoped
public class TriageRepository {

    public Uni<SymptomReportEntity> report(UUID reportId) {
        return SymptomReportEntity.findById(reportId);
    }

    public Uni<RecommendationEntity> recommendation(UUID reportId) {
        return RecommendationEntity.findById(reportId);
    }

    /** The person's recommendations, newest first; ties broken by report id so pages are stable. */
    public Uni<List<RecommendationEntity>> recommendationsOf(String userId, int offset, int limit) {
        return RecommendationEntity.<RecommendationEntity>find("userId", Sort.descending("createdAt").and("reportId"), userId)
                .range(offset, offset + limit - 1).list();
    }

    public Uni<Long> countRecommendationsOf(String userId) {
        return RecommendationEntity.count("userId", userId);
    }
}
