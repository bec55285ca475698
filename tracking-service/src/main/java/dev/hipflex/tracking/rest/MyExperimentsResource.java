package dev.hipflex.tracking.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.AdherencePolicy;
import dev.hipflex.tracking.domain.ExperimentRequest;
import dev.hipflex.tracking.domain.ExperimentStatistics;
import dev.hipflex.tracking.domain.ExperimentStatistics.Rating;
import dev.hipflex.tracking.domain.RootCauseExperiment;
import dev.hipflex.tracking.domain.RootCauseExperiment.Progress;
import dev.hipflex.tracking.service.ExperimentService;
import dev.hipflex.tracking.service.ExperimentService.Tracked;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/experiments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Root-cause experiments")
public class MyExperimentsResource {

    /** A daily waking rating of a phase; {@code counted} is false for the first days of a change that settles. */
    public record RatingView(LocalDate day, int pain, boolean counted) {
    }

    /** A phase: its days, its ratings and their mean. */
    public record PhaseView(LocalDate from, LocalDate to, int days, LocalDate countedFrom, String endReason,
            List<RatingView> ratings, Double mean) {
    }

    /** A result, its figures and the rule that decided, in words. */
    public record ResultView(String outcome, Double baselineMean, Double changeMean, Double tau, Double p,
            Double baselineSlope, boolean trendCorrected, int baselineRatings, int changeRatings, String rule,
            int ruleVersion, String source, String decidedBy) {
    }

    /** The A-B-A confirmation: offered after a helped change that can be undone, and how it went. */
    public record ConfirmationView(boolean offered, PhaseView undone, String confirmation, ResultView result) {
    }

    public record ExperimentView(UUID experimentId, String checklistItem, String change, String timeZone,
            LocalDate startDate, String phase, boolean running, LocalDate today, String advice, PhaseView baseline,
            PhaseView withChange, ResultView result, ConfirmationView confirmation) {
    }

    /** What a new experiment may be, so that apps follow tracking's bounds without a copy of their own. */
    public record LimitsView(int shortestChange, int longestChange, int latestStartDays) {

        static final LimitsView OF_A_REQUEST = new LimitsView(ExperimentRequest.SHORTEST_CHANGE,
                ExperimentRequest.LONGEST_CHANGE, ExperimentRequest.LATEST_START_DAYS);
    }

    public record ExperimentsView(List<ExperimentView> items, int total, LimitsView limits) {
    }

    private final ExperimentService experiments;
    private final JsonWebToken token;

    public MyExperimentsResource(ExperimentService experiments, JsonWebToken token) {
        this.experiments = experiments;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a root-cause experiment", description = "One change of the root-cause checklist at a "
            + "time: a baseline of steady waking ratings, then the change for 7 days (14 for shoes and sleeping "
            + "posture). The adapting plan does not step forward while it runs. 201; 409 while another one runs.")
    public Uni<Response> start(ExperimentRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "an experiment is required");
        }
        return experiments.start(token.getSubject(), request).map(t -> Response
                .created(URI.create("/api/v1/me/experiments/" + t.stored().experimentId())).entity(view(t)).build());
    }

    @GET
    @Operation(summary = "Your root-cause experiments, newest first, with their phases and results")
    public Uni<ExperimentsView> list() {
        return experiments.list(token.getSubject()).map(list -> new ExperimentsView(
                list.stream().map(MyExperimentsResource::view).toList(), list.size(), LimitsView.OF_A_REQUEST));
    }

    @POST
    @Path("{experimentId}/end")
    @Operation(summary = "End your running experiment today", description = "The result is judged on the ratings so "
            + "far (fewer than 7 in a phase: not-enough-data). Ends the confirmation when the change is undone. 409 "
            + "when it has already ended.")
    public Uni<ExperimentView> end(@PathParam("experimentId") String experimentId) {
        return experiments.end(token.getSubject(), id(experimentId)).map(MyExperimentsResource::view);
    }

    @POST
    @Path("{experimentId}/undo")
    @Operation(summary = "Confirm a change that helped by undoing it for a week (A-B-A)", description = "From "
            + "tomorrow's waking rating on; the plan is held still again meanwhile. 409 unless the result offers it or "
            + "while another experiment runs.")
    public Uni<ExperimentView> undo(@PathParam("experimentId") String experimentId) {
        return experiments.undo(token.getSubject(), id(experimentId)).map(MyExperimentsResource::view);
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("experimentId", "must be a UUID");
        }
    }

    static ExperimentView view(Tracked t) {
        Progress p = t.progress();
        PhaseView baseline = new PhaseView(t.stored().start(), p.changeFrom() == null ? null : p.changeFrom().minusDays(1),
                AdherencePolicy.EXPERIMENT_BASELINE.windowDays(), t.stored().start(), null,
                ratings(p.baseline(), null), mean(p.baseline()));
        PhaseView change = phase(p.change());
        ConfirmationView confirmation = p.confirmationOffered() || p.undone() != null
                ? new ConfirmationView(p.confirmationOffered(), phase(p.undone()), p.confirmation(),
                        result(p.undoneResult(), AdherencePolicy.EXPERIMENT_CONFIRMATION))
                : null;
        return new ExperimentView(t.stored().experimentId(), t.stored().item(), t.stored().change(),
                t.stored().timeZone(), t.stored().start(), p.phase().word(), p.running(), t.today(), advice(t),
                baseline, change, result(p.result(), AdherencePolicy.EXPERIMENT_RESULT), confirmation);
    }

    private static PhaseView phase(RootCauseExperiment.Stage s) {
        if (s == null) {
            return null;
        }
        return new PhaseView(s.from(), s.end(), s.days(), s.countedFrom(),
                s.reason() == null ? null : s.reason().word(), ratings(s.ratings(), s.countedFrom()), mean(s.counted()));
    }

    private static List<RatingView> ratings(List<Rating> ratings, LocalDate countedFrom) {
        return ratings.stream()
                .map(r -> new RatingView(r.day(), r.pain(), countedFrom == null || !r.day().isBefore(countedFrom)))
                .toList();
    }

    private static Double mean(List<Rating> ratings) {
        return ratings.isEmpty() ? null : ratings.stream().mapToInt(Rating::pain).average().getAsDouble();
    }

    private static ResultView result(ExperimentStatistics.Result r, dev.hipflex.tracking.domain.PolicyRule rule) {
        if (r == null) {
            return null;
        }
        return new ResultView(r.outcome().word(), r.baselineMean(), r.changeMean(), r.tau(), r.p(), r.baselineSlope(),
                r.trendCorrected(), r.baselineRatings(), r.changeRatings(), rule.id(), rule.version(), rule.source(),
                r.rule());
    }

    /** What the person does next, in tracking's fixed words. */
    static String advice(Tracked t) {
        Progress p = t.progress();
        int steady = AdherencePolicy.EXPERIMENT_BASELINE.minRatings();
        return switch (p.phase()) {
            case BASELINE -> p.changeFrom() != null
                    ? "Your baseline is steady. Make the change from today; your waking rating on " + p.changeFrom()
                            + " is the first with it. Change nothing else."
                    : t.today().isBefore(t.stored().start())
                            ? "Your baseline starts on " + t.stored().start() + ". Rate your pain each morning on "
                                    + "waking, at about the same time, and change nothing yet."
                            : "Rate your pain each morning on waking, at about the same time, and change nothing yet: "
                                    + "the change starts once " + steady + " or more ratings hold steady ("
                                    + p.baseline().size() + " so far).";
            case CHANGE -> "Keep the change and rate your pain each morning on waking: day "
                    + (java.time.temporal.ChronoUnit.DAYS.between(p.change().from(), t.today()) + 1) + " of at least "
                    + p.change().days() + ". Change nothing else.";
            case UNDONE -> "Keep the change undone and rate your pain each morning on waking, to see whether the pain "
                    + "comes back. Change nothing else.";
            case ENDED -> p.change() != null && p.change().reason() == RootCauseExperiment.EndReason.SAFETY_STOP
                    ? "Stopped for your safety: your waking pain was 2 or more points above your usual two days "
                            + "running. Undo the change now. If the pain does not settle, see a professional."
                    : p.confirmationOffered() && t.stored().undoFrom() == null
                            ? p.result().rule() + " To be surer, you can undo the change for a week and see whether "
                                    + "the pain comes back."
                            : p.result().rule();
            case CONFIRMED -> p.undone().reason() == RootCauseExperiment.EndReason.SAFETY_STOP
                    ? "Stopped for your safety: with the change undone your waking pain was 2 or more points above "
                            + "your usual two days running. Make the change again now."
                    : "held".equals(p.confirmation())
                            ? "Confirmed: with the change undone the pain came back. Make the change again and keep it."
                            : "Not confirmed: with the change undone the pain did not clearly come back ("
                                    + p.confirmation() + "). The change may not be what helped.";
        };
    }
}
