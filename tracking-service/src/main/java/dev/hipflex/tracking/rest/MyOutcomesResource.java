package dev.hipflex.tracking.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.hipflex.tracking.domain.AdherencePolicy;
import dev.hipflex.tracking.domain.Escalations.Escalation;
import dev.hipflex.tracking.domain.FunctionalScale;
import dev.hipflex.tracking.domain.FunctionalScale.Assessment;
import dev.hipflex.tracking.domain.FunctionalScale.AssessmentRequest;
import dev.hipflex.tracking.service.OutcomeService;
import dev.hipflex.tracking.service.OutcomeService.Outcomes;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Outcomes")
public class MyOutcomesResource {

    /** One assessment with its mean. */
    public record AssessmentView(int week, List<FunctionalScale.Rating> ratings, double mean) {

        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.week(), a.ratings(), a.mean());
        }
    }

    /**
     * The latest assessment's change from the start and the rule that judged it, with the rule's thresholds (points on
     * the mean, points on one activity) so that apps say what "meaningful" means without keeping their own copy.
     */
    public record FunctionView(int week, double startMean, double mean, double meanChange, List<Integer> activityChanges,
            String change, String rule, int version, String source, int meaningfulMeanPoints,
            int meaningfulActivityPoints) {
    }

    /** The pain outcome: first and latest weekly averages and the rule that judged their difference. */
    public record PainView(Double first, Double latest, Double change, String direction, String rule, int version,
            String source) {
    }

    public record EscalationView(LocalDate day, String key, String rule, int version, String source, String urgency,
            Map<String, Object> figures, String reason) {
    }

    /** How the PSFS is asked here, so that apps follow it: the plan weeks, how many activities, how long a name. */
    public record ScaleView(List<Integer> weeks, int maxActivities, int maxName) {

        static final ScaleView PSFS = new ScaleView(FunctionalScale.WEEKS, FunctionalScale.MAX_ACTIVITIES,
                FunctionalScale.MAX_NAME);
    }

    /**
     * @param activities the activities named at the start (fixed), null before the start is recorded
     * @param due the plan week whose assessment is due now (0, 4, 8 or 12), null when none is
     */
    public record OutcomesView(List<String> activities, List<AssessmentView> assessments, Integer due, int currentWeek,
            FunctionView function, PainView pain, Double overallPercent, List<EscalationView> escalations,
            ScaleView scale) {
    }

    private final OutcomeService outcomes;
    private final JsonWebToken token;

    public MyOutcomesResource(OutcomeService outcomes, JsonWebToken token) {
        this.outcomes = outcomes;
        this.token = token;
    }

    @GET
    @Operation(summary = "Your outcomes", description = "The Patient-Specific Functional Scale (your activities, rated at "
            + "the start and at weeks 4, 8 and 12) and its change, the pain outcome, your adherence, and any "
            + "escalation (see a professional, with its urgency).")
    public Uni<OutcomesView> outcomes() {
        return outcomes.of(token.getSubject()).map(MyOutcomesResource::view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate your activities", description = "week 0 names up to 5 activities your hip makes hard "
            + "and rates each 0 (unable) to 10 (as before); weeks 4, 8 and 12 rate the same activities once the plan "
            + "reaches that week. 201 with the assessment; the same week and ratings again 200, other ratings 409.")
    public Uni<Response> record(AssessmentRequest request) {
        return outcomes.record(token.getSubject(), request).map(recorded -> Response
                .status(recorded.created() ? 201 : 200).entity(AssessmentView.of(recorded.assessment())).build());
    }

    private static OutcomesView view(Outcomes o) {
        AdherencePolicy.MeaningfulFunctionChange fRule = AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE;
        AdherencePolicy.MeaningfulPainChange pRule = AdherencePolicy.MEANINGFUL_PAIN_CHANGE;
        FunctionView function = o.function() == null ? null
                : new FunctionView(o.function().week(), o.function().startMean(), o.function().mean(),
                        o.function().meanChange(), o.function().activityChanges(), o.function().change().word(),
                        fRule.id(), fRule.version(), fRule.source(), fRule.meanPoints(), fRule.activityPoints());
        PainView pain = o.pain() == null ? null
                : new PainView(o.pain().first() == null ? null : o.pain().first().average(),
                        o.pain().latest() == null ? null : o.pain().latest().average(), o.pain().change(),
                        o.pain().direction() == null ? null : o.pain().direction().word(), pRule.id(), pRule.version(),
                        pRule.source());
        return new OutcomesView(o.activities(), o.assessments().stream().map(AssessmentView::of).toList(), o.due(),
                o.currentWeek(), function, pain, o.overallPercent(),
                o.escalations().stream().map(MyOutcomesResource::escalation).toList(), ScaleView.PSFS);
    }

    private static EscalationView escalation(Escalation e) {
        return new EscalationView(e.day(), e.key(), e.rule().id(), e.rule().version(), e.rule().source(),
                e.urgency().word(), e.figures(), e.reason());
    }
}
