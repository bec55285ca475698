package dev.hipflex.triage.service;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.hipflex.triage.domain.CatalogSnapshot;
import io.smallrye.mutiny.Uni;

/** catalog-service's read API, as far as triage needs it. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
public interface CatalogClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listing<T>(List<T> items, Integer total, Integer nextOffset) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Version(String version) {
    }

    @GET
    @Path("catalog/version")
    Uni<Version> version();

    @GET
    @Path("exercises")
    Uni<Listing<CatalogSnapshot.Exercise>> exercises(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("protocols")
    Uni<Listing<CatalogSnapshot.Protocol>> protocols();

    @GET
    @Path("red-flags")
    Uni<Listing<CatalogSnapshot.RedFlag>> redFlags();

    @GET
    @Path("muscles")
    Uni<Listing<CatalogSnapshot.Muscle>> muscles();

    @GET
    @Path("root-cause-checklist")
    Uni<CatalogSnapshot.RootCauseChecklist> rootCauseChecklist();
}
