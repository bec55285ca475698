package dev.hipflex.tracking.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.repository.PlanEntity;
import dev.hipflex.tracking.service.PlanService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/plan")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Plan")
public class MyPlanResource {

    /** The plan as the person sees it. */
    public record PlanView(String status, LocalDate startDate, String timeZone, String protocol, String level,
            UUID recommendation, List<String> exercises) {
    }

    private final PlanService plans;
    private final ObjectMapper json;
    private final JsonWebToken token;

    public MyPlanResource(PlanService plans, ObjectMapper json, JsonWebToken token) {
        this.plans = plans;
        this.json = json;
        this.token = token;
    }

    @GET
    @Operation(summary = "Your plan", description = "404 until your first recommendation arrives")
    public Uni<PlanView> plan() {
        return plans.of(token.getSubject()).map(plan -> {
            if (plan == null) {
                throw ProblemException.notFound("plan for", token.getSubject());
            }
            return view(plan);
        });
    }

    private PlanView view(PlanEntity plan) {
        try {
            List<String> exercises = json.readValue(plan.exercises, new TypeReference<List<String>>() {
            });
            return new PlanView(plan.status, plan.startDate, plan.timeZone, plan.protocol, plan.level, plan.reportId,
                    exercises);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
