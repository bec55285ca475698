package dev.hipflex.tracking.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.hipflex.tracking.domain.PlanAdaptation;
import dev.hipflex.tracking.domain.PlanAdaptation.Change;
import dev.hipflex.tracking.service.CatalogTerms;
import dev.hipflex.tracking.service.TodayService;
import dev.hipflex.tracking.service.TodayService.Today;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/plan/today")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Plan")
public class MyPlanTodayResource {

    /** A dose variable today, with the catalog's range and step it moves within. */
    public record DoseView(int value, int min, int max, int step) {
    }

    /** An exercise of today's session: its dose and its place along the catalog's progressions. */
    public record ExerciseView(String exercise, Map<String, DoseView> dose, List<String> easier, List<String> harder) {
    }

    /** One change, with the rule, the figures it used, the source and a sentence for the person. */
    public record ChangeView(LocalDate day, LocalDate sessionDay, String rule, int version, String source,
            String direction, String exercise, String toExercise, String variable, Integer from, Integer to,
            Map<String, Object> figures, String sentence) {
    }

    /**
     * @param changes the changes since the last session (made after it or because of it), oldest first
     * @param history every change of this plan, oldest first
     */
    public record TodayView(LocalDate day, LocalDate lastSession, List<ExerciseView> exercises, List<ChangeView> changes,
            List<ChangeView> history) {
    }

    private final TodayService today;
    private final JsonWebToken token;

    public MyPlanTodayResource(TodayService today, JsonWebToken token) {
        this.today = today;
        this.token = token;
    }

    @GET
    @Operation(summary = "Today's session of your adapting plan", description = "Your plan's exercises at their current "
            + "doses, where each stands along the catalog's progressions, and every change with its rule, figures, "
            + "source and why. 404 until you have a plan.")
    public Uni<TodayView> today() {
        return today.of(token.getSubject()).map(MyPlanTodayResource::view);
    }

    static TodayView view(Today t) {
        List<ExerciseView> exercises = t.adapted().plan().stream().map(p -> exercise(p, t)).toList();
        List<ChangeView> history = t.adapted().changes().stream().map(c -> change(c, t.terms())).toList();
        List<ChangeView> since = t.adapted().changes().stream()
                .filter(c -> t.lastSession() == null || !c.sessionDay().isBefore(t.lastSession())
                        || c.day().isAfter(t.lastSession()))
                .map(c -> change(c, t.terms())).toList();
        return new TodayView(t.day(), t.lastSession(), exercises, since, history);
    }

    private static ExerciseView exercise(PlanAdaptation.Prescription p, Today t) {
        PlanAdaptation.ExerciseSteps steps = t.terms().steps().get(p.exercise());
        Map<String, DoseView> dose = new LinkedHashMap<>();
        if (steps != null) {
            for (PlanAdaptation.DoseStep s : steps.steps()) {
                dose.put(s.variable(), new DoseView(p.dose().get(s.variable()), s.min(), s.max(), s.step()));
            }
        }
        return new ExerciseView(p.exercise(), dose, steps == null ? List.of() : steps.regressions(),
                steps == null ? List.of() : steps.progressions());
    }

    static ChangeView change(Change c, CatalogTerms.Terms terms) {
        return new ChangeView(c.day(), c.sessionDay(), c.rule().id(), c.rule().version(), c.rule().source(),
                c.direction(), c.fromExercise(), c.toExercise(), c.variable(), c.from(), c.to(), c.figures(),
                c.sentence(terms::title));
    }
}
