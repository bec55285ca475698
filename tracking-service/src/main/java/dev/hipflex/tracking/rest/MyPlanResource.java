package dev.hipflex.tracking.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    /**
     * @param timeZone the person's IANA time zone; day 1 is today there
     * @param startDate optional: the local date they began, when they began before telling us (at most 12 weeks back)
     * @param recommendation optional: the report whose recommendation the person starts from; until that
     *        recommendation has reached tracking the answer is 409 with Retry-After, so the plan never starts without it
     */
    public record StartRequest(String timeZone, LocalDate startDate, UUID recommendation) {
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start or restart your plan", description = "Day 1 becomes today in your time zone, or the "
            + "startDate you give when you began earlier (up to 12 weeks back; sessions you log for those days count). "
            + "Also starts a plan that waits for a professional's advice, because you asked for it. With recommendation, "
            + "409 with Retry-After until that recommendation has reached your plan.")
    public Uni<PlanView> start(StartRequest request) {
        if (request == null || request.timeZone() == null) {
            throw ProblemException.badRequest("timeZone", "is required");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        return plans.start(token.getSubject(), zone, request.startDate(), request.recommendation()).map(this::view);
    }

    @POST
    @Path("pause")
    @Operation(summary = "Pause your plan", description = "404 when you have no plan; start it again to restart from day 1.")
    public Uni<PlanView> pause() {
        return plans.pause(token.getSubject()).map(this::view);
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
