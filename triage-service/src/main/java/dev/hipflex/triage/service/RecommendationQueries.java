package dev.hipflex.triage.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.common.problem.QueryParameters;
import dev.hipflex.triage.repository.RecommendationEntity;
import dev.hipflex.triage.repository.TriageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads recommendations for their owner only: another person's report is indistinguishable from no report (404). */
@ApplicationScoped
public class RecommendationQueries {

    /** A page of the person's recommendations. */
    public record Page(List<JsonNode> items, long total, int limit, int offset, Integer nextOffset) {
    }

    /** What a 202 says while the recommendation is being made. */
    public record Pending(UUID reportId, String status) {
    }

    private final TriageRepository repository;
    private final ObjectMapper json;

    public RecommendationQueries(TriageRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @WithSession
    public Uni<Response> forReport(UUID reportId, String person) {
        return repository.recommendation(reportId).chain(made -> {
            if (made != null && made.userId.equals(person)) {
                return Uni.createFrom().item(Response.ok(json(made), MediaType.APPLICATION_JSON_TYPE).build());
            }
            return repository.report(reportId).map(report -> {
                if (report == null || !report.userId.equals(person) || made != null) {
                    throw ProblemException.notFound("report of yours", reportId.toString());
                }
                return Response.accepted(new Pending(reportId, "processing")).header("Retry-After", "1").build();
            });
        });
    }

    @WithSession
    public Uni<Response> ofPerson(String person, String limitParam, String offsetParam) {
        List<FieldError> errors = new ArrayList<>();
        int limit = QueryParameters.number("limit", limitParam, 20, 1, 100, errors);
        int offset = QueryParameters.number("offset", offsetParam, 0, 0, 1_000_000, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return repository.countRecommendationsOf(person).chain(total -> repository.recommendationsOf(person, offset, limit)
                .map(rows -> {
                    List<JsonNode> items = rows.stream().map(this::parse).toList();
                    Integer next = offset + items.size() < total ? offset + items.size() : null;
                    return Response.ok(new Page(items, total, limit, offset, next)).build();
                }));
    }

    private JsonNode parse(RecommendationEntity row) {
        try {
            return json.readTree(json(row));
        } catch (IOException e) {
            throw new IllegalStateException("Stored recommendation " + row.reportId + " is not JSON", e);
        }
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    private static String json(RecommendationEntity row) {
        return row.body;
    }
}
