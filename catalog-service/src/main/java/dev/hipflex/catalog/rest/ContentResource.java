package dev.hipflex.catalog.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Read-only catalog content besides exercises; every answer comes pre-rendered from the snapshot. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog content")
public class ContentResource {

    private final CatalogResponses responses;

    public ContentResource(CatalogResponses responses) {
        this.responses = responses;
    }

    @GET
    @Path("catalog/version")
    @Operation(summary = "The content version, when it last changed, and how many items of each kind there are")
    public Uni<Response> version(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("catalog/version", ifNoneMatch);
    }

    @GET
    @Path("muscles")
    @Operation(summary = "The five hip flexor muscles, with where each one refers pain")
    public Uni<Response> muscles(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("muscles", ifNoneMatch);
    }

    @GET
    @Path("muscles/{slug}")
    public Uni<Response> muscle(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("muscles", "muscle", slug, ifNoneMatch);
    }

    @GET
    @Path("causes")
    @Operation(summary = "Why hip flexors get tight and painful")
    public Uni<Response> causes(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("causes", ifNoneMatch);
    }

    @GET
    @Path("causes/{slug}")
    public Uni<Response> cause(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("causes", "cause", slug, ifNoneMatch);
    }

    @GET
    @Path("symptoms")
    @Operation(summary = "Local, referred and performance symptoms, and the runner's signs")
    public Uni<Response> symptoms(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("symptoms", ifNoneMatch);
    }

    @GET
    @Path("symptoms/{slug}")
    public Uni<Response> symptom(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("symptoms", "symptom", slug, ifNoneMatch);
    }

    @GET
    @Path("protocols")
    @Operation(summary = "The release protocol, movement breaks and the runner's warm-up, each phase with its exercises and doses")
    public Uni<Response> protocols(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("protocols", ifNoneMatch);
    }

    @GET
    @Path("protocols/{slug}")
    public Uni<Response> protocol(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("protocols", "protocol", slug, ifNoneMatch);
    }

    @GET
    @Path("recovery-timeline")
    @Operation(summary = "The 12-week recovery timeline, stage by stage")
    public Uni<Response> recoveryTimeline(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("recovery-timeline", ifNoneMatch);
    }

    @GET
    @Path("common-mistakes")
    @Operation(summary = "The six mistakes that slow recovery")
    public Uni<Response> commonMistakes(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("common-mistakes", ifNoneMatch);
    }

    @GET
    @Path("common-mistakes/{slug}")
    public Uni<Response> commonMistake(@PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("common-mistakes", "common mistake", slug, ifNoneMatch);
    }

    @GET
    @Path("red-flags")
    @Operation(summary = "When to see a professional, and the conditions each sign may point to")
    public Uni<Response> redFlags(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("red-flags", ifNoneMatch);
    }

    @GET
    @Path("red-flags/{slug}")
    public Uni<Response> redFlag(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("red-flags", "red flag", slug, ifNoneMatch);
    }

    @GET
    @Path("conditions")
    @Operation(summary = "Conditions a red flag may point to")
    public Uni<Response> conditions(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("conditions", ifNoneMatch);
    }

    @GET
    @Path("conditions/{slug}")
    public Uni<Response> condition(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("conditions", "condition", slug, ifNoneMatch);
    }

    @GET
    @Path("root-cause-checklist")
    @Operation(summary = "The root-cause checklist, from the most to the least common cause; change one thing at a time")
    public Uni<Response> rootCauseChecklist(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("root-cause-checklist", ifNoneMatch);
    }

    @GET
    @Path("guidance")
    @Operation(summary = "Relief, after-run care, hydration, gait analysis and workspace guidance")
    public Uni<Response> guidance(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("guidance", ifNoneMatch);
    }

    @GET
    @Path("guidance/{slug}")
    public Uni<Response> guidanceItem(@PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("guidance", "guidance", slug, ifNoneMatch);
    }

    @GET
    @Path("references")
    @Operation(summary = "The studies the source articles cite, and what each found")
    public Uni<Response> references(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("references", ifNoneMatch);
    }

    @GET
    @Path("references/{slug}")
    public Uni<Response> reference(@PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return item("references", "reference", slug, ifNoneMatch);
    }

    @GET
    @Path("sources")
    @Operation(summary = "The articles the content is drawn from")
    public Uni<Response> sources(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return list("sources", ifNoneMatch);
    }

    private Uni<Response> list(String path, String ifNoneMatch) {
        return Uni.createFrom().item(() -> responses.rendered(path, ifNoneMatch, path, path));
    }

    private Uni<Response> item(String kind, String what, String slug, String ifNoneMatch) {
        return Uni.createFrom().item(() -> responses.rendered(kind + "/" + slug, ifNoneMatch, what, slug));
    }
}
