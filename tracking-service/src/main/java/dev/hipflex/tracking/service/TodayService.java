package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.PlanAdaptation;
import dev.hipflex.tracking.repository.AdaptationHistoryRepository;
import dev.hipflex.tracking.repository.AdaptationHistoryRepository.AdaptationHistory;
import dev.hipflex.tracking.repository.PlanEntity;
import io.smallrye.mutiny.Uni;

/**
 * Today's session of the adapting plan: the plan's exercises replayed through the person's feedback and waking ratings
 * (see {@link PlanAdaptation}), with the catalog's dose steps, held still while a root-cause experiment runs.
 */
@ApplicationScoped
public class TodayService {

    /** How far before the plan's start waking ratings count towards the baseline. */
    private static final int BASELINE_DAYS_BEFORE_START = 14;

    /** The adapted plan and what it was worked out from. */
    public record Today(PlanEntity plan, LocalDate day, PlanAdaptation.Adapted adapted, LocalDate lastSession,
            CatalogTerms.Terms terms) {
    }

    private final PlanService plans;
    private final AdaptationHistoryRepository histories;
    private final CatalogTerms catalog;
    private final ExperimentService experiments;
    private final ObjectMapper json;
    private final Clock clock;

    public TodayService(PlanService plans, AdaptationHistoryRepository histories, CatalogTerms catalog,
            ExperimentService experiments, ObjectMapper json, Clock clock) {
        this.plans = plans;
        this.histories = histories;
        this.catalog = catalog;
        this.experiments = experiments;
        this.json = json;
        this.clock = clock;
    }

    /** 404 without a plan. */
    public Uni<Today> of(String userId) {
        return find(userId).map(today -> {
            if (today == null) {
                throw ProblemException.notFound("plan for", userId);
            }
            return today;
        });
    }

    /** Null without a plan. */
    public Uni<Today> find(String userId) {
        return plans.of(userId).chain(plan -> {
            if (plan == null) {
                return Uni.createFrom().nullItem();
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(plan.timeZone)));
            return Uni.combine().all()
                    .unis(histories.since(userId, plan.startDate,
                            plan.startDate.minusDays(BASELINE_DAYS_BEFORE_START)), catalog.get(),
                            experiments.freezes(userId))
                    .with((history, terms, frozen) -> today(plan, today, history, terms, frozen));
        });
    }

    private Today today(PlanEntity plan, LocalDate today, AdaptationHistory history, CatalogTerms.Terms terms,
            List<PlanAdaptation.Freeze> frozen) {
        PlanAdaptation.Adapted adapted = PlanAdaptation.adapt(exercises(plan), terms.steps(),
                new HashSet<>(history.excluded()), history.sessions(), history.waking(), frozen, plan.startDate, today);
        return new Today(plan, today, adapted, history.lastSession(), terms);
    }

    private List<String> exercises(PlanEntity plan) {
        try {
            return json.readValue(plan.exercises, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
