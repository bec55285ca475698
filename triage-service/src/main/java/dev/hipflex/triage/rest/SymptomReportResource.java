package dev.hipflex.triage.rest;

import java.net.URI;
import java.time.Instant;
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

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.SymptomReportValidator;
import dev.hipflex.triage.service.IntakeService;
import dev.hipflex.triage.service.RecommendationQueries;
import io.smallrye.mutiny.Uni;

/** Symptom reports in, and each report's recommendation out. The person is always the token's subject. */
@Path("/api/v1/symptom-reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Symptom reports")
public class SymptomReportResource {

    /** What a 202 says: the report is in, and where its recommendation will be. */
    public record Accepted(UUID reportId, String status, String recommendation) {
    }

    private final IntakeService intake;
    private final RecommendationQueries queries;
    private final JsonWebToken token;

    public SymptomReportResource(IntakeService intake, RecommendationQueries queries, JsonWebToken token) {
        this.intake = intake;
        this.queries = queries;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a symptom report", description = "Answers 202 with the Location of the recommendation. "
            + "The same reportId with the same body answers the same 202 again; with another body, 409.")
    public Uni<Response> report(SymptomReport body) {
        SymptomReport report = asTheCaller(body);
        List<FieldError> errors = SymptomReportValidator.validateNew(report, Instant.now());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String location = "/api/v1/symptom-reports/" + report.reportId() + "/recommendation";
        return intake.accept(report).map(outcome -> Response.accepted(new Accepted(report.reportId(), "accepted", location))
                .location(URI.create(location)).build());
    }

    @GET
    @Path("{reportId}/recommendation")
    @Operation(summary = "The recommendation for one of your reports", description = "200 with the recommendation, "
            + "202 while it is being made, 404 for a report you never sent.")
    public Uni<Response> recommendation(@PathParam("reportId") String reportId) {
        UUID id = RecommendationQueries.uuid("reportId", reportId);
        return queries.forReport(id, token.getSubject());
    }

    /** The report as the caller's: a body naming another person is refused, never trusted. */
    private SymptomReport asTheCaller(SymptomReport body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "a symptom report is required");
        }
        String subject = token.getSubject();
        if (body.userId() != null && !body.userId().equals(subject)) {
            throw new ProblemException(403, "Forbidden", "userId must be your own id (the token's subject)",
                    List.of(new FieldError("userId", "is not the token's subject")));
        }
        return body.withUserId(subject);
    }
}
