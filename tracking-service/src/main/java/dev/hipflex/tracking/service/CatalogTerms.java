package dev.hipflex.tracking.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.hipflex.tracking.domain.PlanAdaptation;
import dev.hipflex.tracking.domain.RecoveryStage;
import dev.hipflex.tracking.domain.Schedule;
import io.smallrye.mutiny.Uni;

/**
 * What tracking measures against, taken from the catalog and never from constants: the protocol's
 * schedule, the recovery timeline's stages, the exercise slugs a session may name, and the root-cause
 * checklist's items an experiment may change (optional: without them only experiments wait). Fetched on first
 * use (retried while the catalog is away) and again when catalog-service announces a change. A catalog
 * that lacks any of them is not taken: tracking keeps its last good terms, logs what is missing and
 * reports itself degraded, so content never stops sessions from being recorded.
 */
@ApplicationScoped
public class CatalogTerms {

    /** The protocol plans follow (the catalog's complete release protocol). */
    public static final String PROTOCOL = "complete-release-protocol";

    /**
     * @param steps what the catalog says about stepping each exercise (see {@link PlanAdaptation})
     * @param checklist the root-cause checklist's item slugs, the items a root-cause experiment may change; empty
     *        while the catalog serves no checklist (experiments wait, everything else goes on)
     * @param titles each exercise's title, as the person reads it
     */
    public record Terms(Schedule schedule, List<RecoveryStage> stages, Set<String> exercises,
            Map<String, PlanAdaptation.ExerciseSteps> steps, Set<String> checklist, Map<String, String> titles) {

        /** The exercise's title; its slug while the catalog gives none. */
        public String title(String exercise) {
            return titles.getOrDefault(exercise, exercise);
        }
    }

    /** Why the catalog last fetched was not taken; null while all is well. */
    public record Rejected(List<String> missing) {
    }

    private static final Logger LOG = Logger.getLogger(CatalogTerms.class);

    private final CatalogClient catalog;
    private volatile Terms terms;
    private volatile Rejected rejected;

    public CatalogTerms(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    public Uni<Terms> get() {
        Terms known = terms;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return refresh()
                .onFailure().invoke(e -> LOG.warnf("No usable catalog yet, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }

    /** True once terms are held; they are fetched on first use. */
    public boolean loaded() {
        return terms != null;
    }

    public Rejected rejected() {
        return rejected;
    }

    /**
     * Fetches the terms again and takes them if tracking can measure with them; otherwise keeps the previous ones
     * (and fails only while there are none). Keeps the previous ones, too, if the catalog cannot be reached.
     */
    public Uni<Terms> refresh() {
        return Uni.combine().all().unis(protocol(), catalog.recoveryTimeline(), exercises(0, new ArrayList<>()),
                checklist()).with(CatalogTerms::fetched)
                .chain(this::take);
    }

    /** What was fetched: the terms if complete, else what is missing. */
    private record Fetched(Terms terms, List<String> missing) {
    }

    private static Fetched fetched(CatalogClient.Protocol protocol, CatalogClient.Timeline timeline,
            List<CatalogClient.ExerciseRef> exercises, CatalogClient.Checklist checklist) {
        List<String> missing = new ArrayList<>();
        CatalogClient.Schedule s = protocol == null ? null : protocol.schedule();
        if (protocol == null) {
            missing.add("protocol " + PROTOCOL + " is missing");
        } else if (s == null || s.dailyForWeeks() == null || s.thenSessionsPerWeek() == null
                || s.thenSessionsPerWeek().min() == null || s.thenSessionsPerWeek().max() == null || s.totalWeeks() == null) {
            missing.add("protocol " + PROTOCOL + " has no complete schedule");
        }
        if (timeline == null || timeline.stages() == null || timeline.stages().isEmpty()) {
            missing.add("the recovery timeline has no stages");
        }
        if (exercises.isEmpty()) {
            missing.add("the catalog has no exercises");
        }
        if (!missing.isEmpty()) {
            return new Fetched(null, missing);
        }
        Schedule schedule = new Schedule(s.dailyForWeeks(), s.thenSessionsPerWeek().min(), s.thenSessionsPerWeek().max(),
                s.totalWeeks());
        List<RecoveryStage> stages = timeline.stages().stream().map(st -> new RecoveryStage(st.slug(), st.order(),
                st.title(), st.fromDay(), st.toDay(), st.summary(), st.whatToExpect())).toList();
        Set<String> slugs = new HashSet<>();
        Map<String, PlanAdaptation.ExerciseSteps> steps = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (CatalogClient.ExerciseRef e : exercises) {
            slugs.add(e.slug());
            steps.put(e.slug(), steps(e));
            if (e.title() != null && !e.title().isBlank()) {
                titles.put(e.slug(), e.title());
            }
        }
        Set<String> items = new HashSet<>();
        if (checklist != null && checklist.steps() != null) {
            checklist.steps().stream().filter(step -> step != null && step.slug() != null)
                    .forEach(step -> items.add(step.slug()));
        }
        return new Fetched(new Terms(schedule, stages, Set.copyOf(slugs), Map.copyOf(steps), Set.copyOf(items),
                Map.copyOf(titles)),
                List.of());
    }

    /** The exercise's dose steps as the adapting plan uses them; a step the catalog gives incompletely is left out. */
    static PlanAdaptation.ExerciseSteps steps(CatalogClient.ExerciseRef e) {
        Map<String, Integer> start = new HashMap<>();
        List<PlanAdaptation.DoseStep> steps = new ArrayList<>();
        for (CatalogClient.DoseStep s : e.doseSteps() == null ? List.<CatalogClient.DoseStep>of() : e.doseSteps()) {
            if (s == null || s.variable() == null || s.range() == null || s.range().min() == null
                    || s.range().max() == null || s.step() == null) {
                continue;
            }
            steps.add(new PlanAdaptation.DoseStep(s.variable(), s.range().min(), s.range().max(), s.step()));
            CatalogClient.Range dose = dose(e.dose(), s.variable());
            if (dose != null && dose.min() != null) {
                start.put(s.variable(), dose.min());
            }
        }
        return new PlanAdaptation.ExerciseSteps(e.slug(), start, steps,
                e.progressions() == null ? List.of() : e.progressions(),
                e.regressions() == null ? List.of() : e.regressions());
    }

    private static CatalogClient.Range dose(CatalogClient.Dose d, String variable) {
        if (d == null) {
            return null;
        }
        return switch (variable) {
            case "sets" -> d.sets();
            case "reps" -> d.reps();
            case "holdSeconds" -> d.holdSeconds();
            case "minutes" -> d.minutes();
            default -> null;
        };
    }

    private Uni<Terms> take(Fetched fetched) {
        if (fetched.terms() != null) {
            terms = fetched.terms();
            rejected = null;
            return Uni.createFrom().item(fetched.terms());
        }
        rejected = new Rejected(fetched.missing());
        Terms known = terms;
        if (known == null) {
            return Uni.createFrom().failure(
                    new IllegalStateException("the catalog cannot be used: " + String.join("; ", fetched.missing())));
        }
        LOG.warnf("The catalog cannot be used (%s); tracking keeps measuring with the terms it had",
                String.join("; ", fetched.missing()));
        return Uni.createFrom().item(known);
    }

    /** The protocol, or null when the catalog answers that it has none. */
    private Uni<CatalogClient.Protocol> protocol() {
        return catalog.protocol(PROTOCOL).onFailure(CatalogTerms::notFound).recoverWithNull();
    }

    /** The checklist, or null when the catalog answers that it has none. */
    private Uni<CatalogClient.Checklist> checklist() {
        return catalog.rootCauseChecklist().onFailure(CatalogTerms::notFound).recoverWithNull();
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    private Uni<List<CatalogClient.ExerciseRef>> exercises(int offset, List<CatalogClient.ExerciseRef> sofar) {
        return catalog.exercises(100, offset).chain(page -> {
            sofar.addAll(page.items());
            return page.nextOffset() == null ? Uni.createFrom().item(sofar) : exercises(page.nextOffset(), sofar);
        });
    }
}
