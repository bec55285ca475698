package dev.hipflex.catalog.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.catalog.domain.Content.Slugged;
import dev.hipflex.catalog.domain.Content.SymptomCheck;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.service.CatalogService;
import dev.hipflex.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Catalog content besides exercises. Every kind is served the same way, so one set of methods serves
 * them all: reads come pre-rendered from the snapshot; editors create, replace and delete items.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog content")
public class ContentResource {

    /** The kinds served as lists of items ({@code exercises} has its own resource, with search). */
    static final String LISTS = "muscles|causes|symptoms|protocols|common-mistakes|red-flags|conditions|guidance|references|sources";
    /** The kinds editors may change here (sources are the articles themselves; exercises have their own resource). */
    static final String EDITABLE = "muscles|causes|symptoms|protocols|common-mistakes|red-flags|conditions|guidance|references";
    /** The kinds served as one document. */
    static final String DOCUMENTS = "recovery-timeline|root-cause-checklist";

    private final CatalogResponses responses;
    private final CatalogService catalog;
    private final ObjectMapper json;

    public ContentResource(CatalogResponses responses, CatalogService catalog, ObjectMapper json) {
        this.responses = responses;
        this.catalog = catalog;
        this.json = json;
    }

    @GET
    @Path("{kind: " + LISTS + "}")
    @Operation(summary = "All items of one kind, as {items, total}",
            description = "muscles (with where each refers pain), causes, symptoms (local, referred, performance, runner's signs), "
                    + "protocols (each phase with its exercises resolved to title and dose), common-mistakes, red-flags (with the "
                    + "conditions each may point to), conditions, guidance, references (the cited studies), sources (the articles).")
    public Uni<Response> list(@PathParam("kind") @Parameter(schema = @Schema(type = SchemaType.STRING,
            enumeration = { "muscles", "causes", "symptoms", "protocols", "common-mistakes", "red-flags", "conditions",
                    "guidance", "references", "sources" })) String kind,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Uni.createFrom().item(() -> responses.rendered(kind, ifNoneMatch, kind, kind));
    }

    @GET
    @Path("{kind: " + LISTS + "}/{slug}")
    @Operation(summary = "One item of a kind, by slug")
    public Uni<Response> item(@PathParam("kind") String kind, @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Uni.createFrom().item(
                () -> responses.rendered(kind + "/" + slug, ifNoneMatch, ContentKind.ofPath(kind).noun(), slug));
    }

    @GET
    @Path("{document: " + DOCUMENTS + "}")
    @Operation(summary = "The 12-week recovery timeline, or the root-cause checklist in order from the most common cause")
    public Uni<Response> document(@PathParam("document") String document,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Uni.createFrom().item(() -> responses.rendered(document, ifNoneMatch, document, document));
    }

    @GET
    @Path("symptom-check")
    @Operation(summary = "The symptom check's wording: its steps, and for each report field the question, a short label "
            + "and the wording of each word the field takes",
            description = "Fields are named as triage's symptom report names them (nested ones as screening.groinLump, "
                    + "profile.runner); answers map each of the report's vocabulary words to the words a person reads. "
                    + "Apps build the check from it and show a report's answers (and a recommendation's inputs) in its words.")
    @APIResponse(responseCode = "200", description = "The symptom check, with the content version as its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SymptomCheck.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Uni<Response> symptomCheck(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String path = ContentKind.SYMPTOM_CHECK.path();
        return Uni.createFrom().item(() -> responses.rendered(path, ifNoneMatch, ContentKind.SYMPTOM_CHECK.noun(), path));
    }

    @GET
    @Path("catalog/version")
    @Operation(summary = "The content version (a hash of the data), when it last changed, and how many items of each kind there are")
    public Uni<Response> version(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Uni.createFrom().item(() -> responses.rendered("catalog/version", ifNoneMatch, "version", "catalog"));
    }

    @POST
    @Path("{kind: " + EDITABLE + "}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create an item of a kind (editors); the body has the shape the GET of that kind returns")
    public Uni<Response> create(@PathParam("kind") String kind, JsonNode body) throws JsonProcessingException {
        ContentKind contentKind = ContentKind.ofPath(kind);
        Slugged item = read(contentKind, body);
        return catalog.create(contentKind, item).map(change -> EditorResponses.written(
                Response.created(URI.create("/api/v1/" + kind + "/" + item.slug())), change).entity(item).build());
    }

    @PUT
    @Path("{kind: " + EDITABLE + "}/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace an item of a kind (editors); the slug cannot change")
    public Uni<Response> replace(@PathParam("kind") String kind, @PathParam("slug") String slug, JsonNode body)
            throws JsonProcessingException {
        ContentKind contentKind = ContentKind.ofPath(kind);
        Slugged item = read(contentKind, body);
        return catalog.replace(contentKind, slug, item)
                .map(change -> EditorResponses.written(Response.ok(), change).entity(item).build());
    }

    @DELETE
    @Path("{kind: " + EDITABLE + "}/{slug}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete an item of a kind (editors); refused while another item names it")
    public Uni<Response> delete(@PathParam("kind") String kind, @PathParam("slug") String slug) {
        return catalog.delete(ContentKind.ofPath(kind), slug)
                .map(change -> EditorResponses.written(Response.noContent(), change).build());
    }

    private Slugged read(ContentKind kind, JsonNode body) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("body", "a JSON object describing the " + kind.noun() + " is required");
        }
        return (Slugged) json.treeToValue(body, kind.type());
    }
}
