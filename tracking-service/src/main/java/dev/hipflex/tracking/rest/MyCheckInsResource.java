package dev.hipflex.tracking.rest;

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

import dev.hipflex.tracking.domain.CheckInRequest;
import dev.hipflex.tracking.domain.WarningSign;
import dev.hipflex.tracking.service.CheckInService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Check-ins")
public class MyCheckInsResource {

    private final CheckInService checkIns;
    private final JsonWebToken token;

    public MyCheckInsResource(CheckInService checkIns, JsonWebToken token) {
        this.checkIns = checkIns;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how much it hurts today (0–10)", description = "The pain trend of GET /me/adherence uses "
            + "it; a waking rating feeds the adapting plan; a new warning sign (triage's words) escalates and goes to "
            + "triage as a new symptom report. 201 with the check-in; the same checkInId and body again answers the same, another body 409.")
    public Uni<Response> checkIn(CheckInRequest request) {
        return checkIns.checkIn(token.getSubject(), request)
                .map(recorded -> Response.status(201).entity(new CheckInView(request.checkInId().toString(),
                        recorded.localDay().toString(), recorded.pain(), request.isWaking(),
                        request.signs().stream().map(WarningSign::word).toList())).build());
    }

    public record CheckInView(String checkInId, String localDay, int pain, boolean waking, List<String> warningSigns) {
    }
}
