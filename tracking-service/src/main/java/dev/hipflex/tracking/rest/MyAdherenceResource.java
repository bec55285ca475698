package dev.hipflex.tracking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.service.AdherenceService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/adherence")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Adherence")
public class MyAdherenceResource {

    private final AdherenceService adherence;
    private final JsonWebToken token;

    public MyAdherenceResource(AdherenceService adherence, JsonWebToken token) {
        this.adherence = adherence;
        this.token = token;
    }

    @GET
    @Operation(summary = "How you are doing against your plan", description = "Per plan week expected vs done, the overall "
            + "percentage, streaks, your recovery stage and what to expect in it, phases skipped repeatedly, one-side-only "
            + "sessions, and the pain trend. 404 until you have a plan.")
    public Uni<Adherence> mine() {
        return adherence.of(token.getSubject());
    }
}
