package dev.hipflex.catalog.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.catalog.domain.Content.Exercise;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.domain.ExerciseSearch;
import dev.hipflex.catalog.domain.ExerciseSearch.Criteria;
import dev.hipflex.catalog.domain.ExerciseSearch.Sort;
import dev.hipflex.catalog.domain.Vocabularies.ContraindicationCondition;
import dev.hipflex.catalog.domain.Vocabularies.Equipment;
import dev.hipflex.catalog.domain.Vocabularies.ExerciseCategory;
import dev.hipflex.catalog.domain.Vocabulary;
import dev.hipflex.catalog.service.CatalogService;
import dev.hipflex.catalog.service.CatalogSnapshot;
import dev.hipflex.catalog.service.ContentChange;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.common.problem.QueryParameters;
import io.smallrye.mutiny.Uni;

/** Exercises: search and read for everyone; create, replace and delete for editors. */
@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises")
public class ExerciseResource {

    private final CatalogService catalog;
    private final CatalogResponses responses;
    private final ObjectMapper json;

    public ExerciseResource(CatalogService catalog, CatalogResponses responses, ObjectMapper json) {
        this.catalog = catalog;
        this.responses = responses;
        this.json = json;
    }

    @GET
    @Operation(summary = "Search exercises", description = "Filters combine with AND. Results are paged with limit/offset; "
            + "the order always ends with the slug, so pages are stable for one content version.")
    public Uni<Response> list(
            @Parameter(description = "release, stretch, strengthen or mobility") @QueryParam("category") String category,
            @Parameter(description = "a muscle slug, or a supporting muscle such as gluteus-maximus") @QueryParam("targetMuscle") String targetMuscle,
            @Parameter(description = "equipment the exercise uses, e.g. foam-roller; none for no equipment") @QueryParam("equipment") String equipment,
            @Parameter(description = "true for options gentle enough while pain is acute or sharp") @QueryParam("acuteSafe") String acuteSafe,
            @Parameter(description = "leave out exercises contraindicated for this, e.g. pregnancy; repeatable") @QueryParam("excludeContraindication") List<String> exclude,
            @Parameter(description = "free-text search over titles, summaries, steps and muscles") @QueryParam("q") String q,
            @Parameter(description = "title, -title, category, slug or relevance (default: relevance with q, else title)") @QueryParam("sort") String sort,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "0 or more, default 0") @QueryParam("offset") String offset,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Uni.createFrom().item(() -> {
            Criteria criteria = criteria(category, targetMuscle, equipment, acuteSafe, exclude, q, sort, limit, offset);
            CatalogSnapshot snapshot = catalog.snapshot();
            return responses.computed(snapshot, ifNoneMatch, snapshot.query(criteria,
                    () -> CatalogSnapshot.write(json, ExerciseSearch.search(snapshot.content().exercises(), criteria))));
        });
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One exercise with its steps, dose, cautions and contraindications")
    public Uni<Response> get(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Uni.createFrom().item(() -> responses.rendered("exercises/" + slug, ifNoneMatch, ContentKind.EXERCISE.noun(), slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create an exercise (editors)")
    public Uni<Response> create(Exercise exercise) {
        return catalog.create(ContentKind.EXERCISE, requireBody(exercise))
                .map(change -> EditorResponses.written(Response.created(URI.create("/api/v1/exercises/" + change.slug())), change)
                        .entity(change.content().exercise(change.slug()).orElseThrow()).build());
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace an exercise (editors); the slug cannot change")
    public Uni<Response> replace(@PathParam("slug") String slug, Exercise exercise) {
        return catalog.replace(ContentKind.EXERCISE, slug, requireBody(exercise))
                .map(change -> EditorResponses.written(Response.ok(), change).entity(change.content().exercise(slug).orElseThrow()).build());
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete an exercise (editors); refused while another item names it")
    public Uni<Response> delete(@PathParam("slug") String slug) {
        return catalog.delete(ContentKind.EXERCISE, slug).map(change -> EditorResponses.written(Response.noContent(), change).build());
    }

    private static Exercise requireBody(Exercise exercise) {
        if (exercise == null) {
            throw ProblemException.badRequest("body", "an exercise is required");
        }
        return exercise;
    }

    /** Reads the query; every bad parameter is named in one 400 answer. */
    private static Criteria criteria(String category, String targetMuscle, String equipment, String acuteSafe,
            List<String> exclude, String q, String sort, String limit, String offset) {
        List<FieldError> errors = new ArrayList<>();
        ExerciseCategory categoryValue = word(ExerciseCategory.class, "category", category, errors);
        Equipment equipmentValue = word(Equipment.class, "equipment", equipment, errors);
        Set<ContraindicationCondition> excluded = EnumSet.noneOf(ContraindicationCondition.class);
        for (String each : exclude) {
            ContraindicationCondition condition = word(ContraindicationCondition.class, "excludeContraindication", each, errors);
            if (condition != null) {
                excluded.add(condition);
            }
        }
        Boolean acuteSafeValue = null;
        if (acuteSafe != null) {
            if (acuteSafe.equals("true") || acuteSafe.equals("false")) {
                acuteSafeValue = Boolean.valueOf(acuteSafe);
            } else {
                errors.add(new FieldError("acuteSafe", "must be true or false"));
            }
        }
        if (targetMuscle != null && (targetMuscle.isBlank() || targetMuscle.length() > 60)) {
            errors.add(new FieldError("targetMuscle", "must be a muscle slug"));
        }
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        Sort sortValue = null;
        if (sort != null) {
            sortValue = Sort.parse(sort);
            if (sortValue == null) {
                errors.add(new FieldError("sort", "must be one of title, -title, category, slug, relevance"));
            }
        }
        int limitValue = QueryParameters.number("limit", limit, ExerciseSearch.DEFAULT_LIMIT, 1, ExerciseSearch.MAX_LIMIT, errors);
        int offsetValue = QueryParameters.number("offset", offset, 0, 0, 1_000_000, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Criteria(categoryValue, targetMuscle, equipmentValue, acuteSafeValue, excluded, q, sortValue,
                limitValue, offsetValue);
    }

    private static <E extends Enum<E> & Vocabulary> E word(Class<E> type, String field, String value,
            List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        E parsed = Vocabulary.parse(type, value);
        if (parsed == null) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Vocabulary::slug).toList();
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
        }
        return parsed;
    }
}
