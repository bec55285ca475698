package dev.hipflex.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.hipflex.triage.service.RecommendationQueries;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Symptom reports")
public class MyRecommendationsResource {

    private final RecommendationQueries queries;
    private final JsonWebToken token;

    public MyRecommendationsResource(RecommendationQueries queries, JsonWebToken token) {
        this.queries = queries;
        this.token = token;
    }

    @GET
    @Operation(summary = "Your recommendations, newest first", description = "limit 1 to 100 (default 20), offset 0 or more")
    public Uni<Response> mine(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return queries.ofPerson(token.getSubject(), limit, offset);
    }
}
