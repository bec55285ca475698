package dev.hipflex.tracking.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.tracking.domain.RecommendationSummary;
import dev.hipflex.tracking.service.PlanService;
import io.smallrye.mutiny.Uni;

/**
 * Reads triage's {@code recommendations} events (see the event contract in triage) and keeps each
 * person's plan in step. An event that cannot be read goes to {@code recommendations-dlq} with the reason.
 */
@ApplicationScoped
public class RecommendationsConsumer {

    private final ObjectMapper json;
    private final PlanService plans;

    public RecommendationsConsumer(ObjectMapper json, PlanService plans) {
        this.json = json;
        this.plans = plans;
    }

    @Incoming("recommendations")
    public Uni<Void> consume(String event) {
        RecommendationSummary summary;
        try {
            summary = read(event);
        } catch (RuntimeException | java.io.IOException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("unreadable recommendation event: " + e.getMessage()));
        }
        return plans.apply(summary).replaceWithVoid();
    }

    RecommendationSummary read(String event) throws java.io.IOException {
        JsonNode root = json.readTree(event);
        JsonNode data = root.path("data");
        List<String> exercises = new ArrayList<>();
        data.path("plan").path("phases").forEach(phase -> phase.path("items").forEach(item -> {
            if (item.hasNonNull("exercise")) {
                exercises.add(item.get("exercise").asText());
            }
        }));
        String zone = require(data, "timeZone");
        ZoneId.of(zone);
        return new RecommendationSummary(UUID.fromString(require(data, "reportId")), require(data, "userId"), zone,
                Instant.parse(require(root, "time")), require(data, "level"),
                data.path("plan").path("protocol").asText("complete-release-protocol"), exercises);
    }

    private static String require(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }
}
