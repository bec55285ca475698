package dev.hipflex.tracking.service;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.smallrye.mutiny.Uni;

/** catalog-service's read API, as far as tracking needs it: the schedule, the timeline, the exercises and their dose
 * steps, and the root-cause checklist's items. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
public interface CatalogClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Range(Integer min, Integer max) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Schedule(Integer dailyForWeeks, Range thenSessionsPerWeek, Integer totalWeeks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Protocol(String slug, Schedule schedule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stage(String slug, Integer order, String title, Integer fromDay, Integer toDay, String summary,
            List<String> whatToExpect) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Timeline(List<Stage> stages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dose(Range holdSeconds, Range sets, Range reps, Range minutes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DoseStep(String variable, Range range, Integer step) {
    }

    /** An exercise as far as tracking reads it: its slug and title, and what the adapting plan needs to step it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExerciseRef(String slug, String title, Dose dose, List<DoseStep> doseSteps, List<String> progressions,
            List<String> regressions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Exercises(List<ExerciseRef> items, Integer nextOffset) {
    }

    /** One item of the root-cause checklist (article 000), in the catalog's order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChecklistStep(Integer order, String slug, String title, String appliesTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Checklist(List<ChecklistStep> steps) {
    }

    @GET
    @Path("root-cause-checklist")
    Uni<Checklist> rootCauseChecklist();

    @GET
    @Path("protocols/{slug}")
    Uni<Protocol> protocol(@PathParam("slug") String slug);

    @GET
    @Path("recovery-timeline")
    Uni<Timeline> recoveryTimeline();

    @GET
    @Path("exercises")
    Uni<Exercises> exercises(@QueryParam("limit") int limit, @QueryParam("offset") int offset);
}
