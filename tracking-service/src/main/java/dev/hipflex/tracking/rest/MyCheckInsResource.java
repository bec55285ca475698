package dev.hipflex.tracking.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.CheckInRequest;
import dev.hipflex.tracking.domain.WarningSign;
import dev.hipflex.tracking.service.CheckInService;
import dev.hipflex.tracking.service.EscalationService;
import dev.hipflex.tracking.service.ExperimentService;
import dev.hipflex.tracking.service.PlanAdjustments;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Check-ins")
public class MyCheckInsResource {

    private final CheckInService checkIns;
    private final PlanAdjustments adjustments;
    private final EscalationService escalations;
    private final ExperimentService experiments;
    private final Clock clock;
    private final JsonWebToken token;

    public MyCheckInsResource(CheckInService checkIns, PlanAdjustments adjustments, EscalationService escalations,
            ExperimentService experiments, Clock clock, JsonWebToken token) {
        this.checkIns = checkIns;
        this.adjustments = adjustments;
        this.escalations = escalations;
        this.experiments = experiments;
        this.clock = clock;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how much it hurts today (0–10)", description = "The pain trend of GET /me/adherence uses "
            + "it; a waking rating feeds the adapting plan; a new warning sign (triage's words) escalates and goes to "
            + "triage as a new symptom report. 201 with the check-in; the same checkInId and body again answers the same, another body 409.")
    public Uni<Response> checkIn(CheckInRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a check-in is required");
        }
        Instant now = clock.instant();
        List<FieldError> errors = request.validate(now);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime at = request.at() != null ? request.at() : OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String person = token.getSubject();
        return checkIns.record(person, request, at, at.atZoneSameInstant(ZoneId.of(request.timeZone())).toLocalDate())
                // A waking rating may end a root-cause experiment (its phase complete, or the safety stop).
                .call(recorded -> request.isWaking() ? experiments.advance(person) : Uni.createFrom().voidItem())
                .call(recorded -> request.isWaking() ? adjustments.announce(person) : Uni.createFrom().voidItem())
                // A waking rating may make two high mornings running; a warning sign may be new.
                .call(recorded -> request.isWaking() || !request.signs().isEmpty()
                        ? escalations.escalate(person, new EscalationService.CheckInFacts(request.checkInId(), at,
                                request.timeZone(), recorded.pain()))
                        : Uni.createFrom().voidItem())
                .map(recorded -> Response.status(201).entity(new CheckInView(request.checkInId().toString(),
                        recorded.localDay().toString(), recorded.pain(), request.isWaking(),
                        request.signs().stream().map(WarningSign::word).toList())).build());
    }

    public record CheckInView(String checkInId, String localDay, int pain, boolean waking, List<String> warningSigns) {
    }
}
