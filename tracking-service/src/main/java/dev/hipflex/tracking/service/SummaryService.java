package dev.hipflex.tracking.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.FunctionalScale;
import dev.hipflex.tracking.domain.RecommendationSummary;
import dev.hipflex.tracking.domain.RootCauseExperiment;
import dev.hipflex.tracking.domain.Summary;
import dev.hipflex.tracking.repository.FunctionalAssessmentRepository;
import dev.hipflex.tracking.repository.LatestRecommendationRepository;
import dev.hipflex.tracking.repository.LatestRecommendationRepository.StoredRecommendation;
import dev.hipflex.tracking.repository.PlanEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Gathers a person's summary (see {@link Summary}) from what tracking holds: the plan, the days and check-ins since it
 * started, the adherence computed from them, the latest recommendation's facts, kept here from triage's events, the
 * root-cause experiments' results and the PSFS assessments.
 */
@ApplicationScoped
public class SummaryService {

    // The parts of a recommendation's facts the summary shows; the rest of the event's data is skipped.
    record Facts(String level, List<Summary.FiredRule> rules, PlanPart plan) {
    }

    record PlanPart(List<PhasePart> phases) {
    }

    record PhasePart(String phase, List<ItemPart> items) {
    }

    record ItemPart(String exercise, Summary.Dose dose) {
    }

    private final PlanService plans;
    private final AdherenceService adherence;
    private final LatestRecommendationRepository recommendations;
    private final ExperimentService experiments;
    private final FunctionalAssessmentRepository assessments;
    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper json;
    private final ObjectReader facts;

    public SummaryService(PlanService plans, AdherenceService adherence, LatestRecommendationRepository recommendations,
            ExperimentService experiments, FunctionalAssessmentRepository assessments, Pool pool, Clock clock,
            ObjectMapper json) {
        this.plans = plans;
        this.adherence = adherence;
        this.recommendations = recommendations;
        this.experiments = experiments;
        this.assessments = assessments;
        this.pool = pool;
        this.clock = clock;
        this.json = json;
        this.facts = json.readerFor(Facts.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Keeps a recommendation's facts (the event's data) when it is the person's newest. */
    public Uni<Void> keep(RecommendationSummary recommendation, String event) {
        try {
            JsonNode data = json.readTree(event).get("data");
            return recommendations.keep(recommendation, json.writeValueAsString(data));
        } catch (IOException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("unreadable recommendation event: " + e.getMessage()));
        }
    }

    /** The person's summary; 404 when tracking holds neither a plan nor a recommendation for them. */
    public Uni<Summary> of(String userId) {
        return experiments.list(userId).map(SummaryService::results).chain(results -> of(userId, results));
    }

    private Uni<Summary> of(String userId, List<Summary.ExperimentResult> results) {
        return plans.of(userId).chain(plan -> recommendations.of(userId).chain(stored -> {
            if (plan == null && stored == null) {
                return Uni.createFrom().failure(ProblemException.notFound("summary for", userId));
            }
            Summary.Recommendation recommendation = stored == null ? null : recommendation(stored);
            ZoneId zone = plan == null ? ZoneId.of("UTC") : ZoneId.of(plan.timeZone);
            Uni<List<Summary.FunctionAssessment>> function = function(userId, zone);
            if (plan == null) {
                return function.map(psfs -> {
                    Instant now = clock.instant();
                    return new Summary(userId, now, LocalDate.ofInstant(now, zone), recommendation, null, List.of(),
                            null, results, psfs);
                });
            }
            return function.chain(psfs -> adherence.terms().chain(terms -> pool
                    .withConnection(c -> adherence.basis(c, userId)).map(basis -> {
                        Instant now = clock.instant();
                        Adherence figures = basis.at(now, terms);
                        return new Summary(userId, now, figures.asOf(), recommendation, outline(plan),
                                Summary.painRatings(basis.days(), basis.checkIns(), figures.asOf()), figures, results,
                                psfs);
                    })));
        }));
    }

    /** The PSFS assessments, the start first, each with the person's local day it was recorded. */
    private Uni<List<Summary.FunctionAssessment>> function(String userId, ZoneId zone) {
        return pool.withConnection(c -> assessments.of(c, userId).chain(recorded -> assessments.recorded(c, userId)
                .map(at -> {
                    List<Summary.FunctionAssessment> list = new ArrayList<>();
                    for (FunctionalScale.Assessment a : recorded) {
                        list.add(new Summary.FunctionAssessment(a, at.containsKey(a.week())
                                ? at.get(a.week()).atZoneSameInstant(zone).toLocalDate() : null));
                    }
                    return list;
                })));
    }

    /** The experiments with a result, newest first. */
    static List<Summary.ExperimentResult> results(List<ExperimentService.Tracked> tracked) {
        List<Summary.ExperimentResult> results = new ArrayList<>();
        for (ExperimentService.Tracked t : tracked) {
            RootCauseExperiment.Progress p = t.progress();
            if (p.result() == null) {
                continue;
            }
            RootCauseExperiment.Stage change = p.change();
            results.add(new Summary.ExperimentResult(t.stored().item(), t.stored().start(), p.changeFrom(),
                    change != null ? change.end() : t.stored().endedByPerson(),
                    change != null ? change.reason().word() : RootCauseExperiment.EndReason.ENDED_BY_PERSON.word(),
                    p.result().outcome().word(), p.result().baselineMean(), p.result().changeMean(), p.result().p(),
                    p.result().baselineRatings(), p.result().changeRatings(), p.confirmation()));
        }
        return results;
    }

    private Summary.Recommendation recommendation(StoredRecommendation stored) {
        Facts read;
        try {
            read = facts.readValue(stored.facts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Summary.Exercise> exercises = new ArrayList<>();
        if (read.plan() != null && read.plan().phases() != null) {
            for (PhasePart phase : read.plan().phases()) {
                for (ItemPart item : phase.items() == null ? List.<ItemPart>of() : phase.items()) {
                    if (item.exercise() != null) {
                        exercises.add(new Summary.Exercise(phase.phase(), item.exercise(), item.dose()));
                    }
                }
            }
        }
        return new Summary.Recommendation(stored.reportId(), stored.recommendedAt().toInstant(), read.level(),
                read.rules() == null ? List.of() : read.rules(), exercises);
    }

    private List<String> exercises(PlanEntity plan) {
        try {
            return List.of(json.readValue(plan.exercises, String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Summary.PlanOutline outline(PlanEntity plan) {
        return new Summary.PlanOutline(plan.status, plan.startDate, plan.protocol, exercises(plan));
    }
}
