package dev.hipflex.tracking.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.tracking.domain.RecommendationSummary;
import dev.hipflex.tracking.repository.PlanEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Each person's plan: made by their first recommendation, changed by later ones. */
@ApplicationScoped
public class PlanService {

    private final ObjectMapper json;

    public PlanService(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Creates or updates the person's plan. A plan starts on the person's local date of the
     * recommendation; a see-professional or urgent-care recommendation marks it "see a professional
     * first" instead of silently starting it. The same recommendation again changes nothing.
     */
    @WithTransaction
    public Uni<PlanEntity> apply(RecommendationSummary recommendation) {
        return PlanEntity.<PlanEntity>findById(recommendation.userId()).chain(existing -> {
            if (existing != null && existing.reportId.equals(recommendation.reportId())) {
                return Uni.createFrom().item(existing);
            }
            PlanEntity plan = existing != null ? existing : new PlanEntity();
            ZoneId zone = ZoneId.of(recommendation.timeZone());
            LocalDate day = recommendation.at().atZone(zone).toLocalDate();
            String status = recommendation.seeProfessionalFirst() ? PlanEntity.SEE_PROFESSIONAL_FIRST : PlanEntity.ACTIVE;
            if (existing == null || !PlanEntity.ACTIVE.equals(existing.status) && PlanEntity.ACTIVE.equals(status)) {
                // A new plan, or one that may start now after waiting for a professional: day 1 is today.
                plan.startDate = day;
            }
            plan.userId = recommendation.userId();
            plan.status = status;
            plan.timeZone = recommendation.timeZone();
            plan.protocol = recommendation.protocol();
            plan.level = recommendation.level();
            plan.reportId = recommendation.reportId();
            plan.exercises = write(recommendation.exercises());
            plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return plan.persist();
        });
    }

    /**
     * Starts the person's plan today (their local date in {@code zone}), or restarts it: day 1 is today
     * again. Works without a recommendation too; a plan marked "see a professional first" starts
     * only because the person asked for it here.
     */
    @WithTransaction
    public Uni<PlanEntity> start(String userId, ZoneId zone) {
        return PlanEntity.<PlanEntity>findById(userId).chain(existing -> {
            PlanEntity plan = existing != null ? existing : new PlanEntity();
            if (existing == null) {
                plan.userId = userId;
                plan.protocol = CatalogTerms.PROTOCOL;
                plan.level = "self-started";
                plan.exercises = "[]";
            }
            plan.status = PlanEntity.ACTIVE;
            plan.timeZone = zone.getId();
            plan.startDate = LocalDate.now(zone);
            plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return plan.persist();
        });
    }

    /** Pauses the plan; 404 when there is none. Starting it again restarts it from day 1. */
    @WithTransaction
    public Uni<PlanEntity> pause(String userId) {
        return PlanEntity.<PlanEntity>findById(userId).chain(plan -> {
            if (plan == null) {
                return Uni.createFrom().failure(dev.hipflex.common.problem.ProblemException.notFound("plan for", userId));
            }
            plan.status = PlanEntity.PAUSED;
            plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return Uni.createFrom().item(plan);
        });
    }

    @WithSession
    public Uni<PlanEntity> of(String userId) {
        return PlanEntity.findById(userId);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
