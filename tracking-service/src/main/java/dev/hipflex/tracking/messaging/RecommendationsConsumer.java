package dev.hipflex.tracking.messaging;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.hipflex.tracking.domain.RecommendationSummary;
import dev.hipflex.tracking.service.PlanService;
import dev.hipflex.tracking.service.SummaryService;
import io.smallrye.mutiny.Uni;

/**
 * Reads triage's {@code recommendations} events (see the contracts module) and keeps each person's plan in step.
 * Triage writes {@code recommendations/v2} (the facts); {@code v1} events (the full recommendation) may still be on the
 * topic. Both hold what tracking reads at the same places, so one reader serves both once the envelope's
 * {@code dataschema} says which it is. An event that cannot be read, or that names another dataschema, goes to
 * {@code recommendations-dlq} with the reason.
 */
@ApplicationScoped
public class RecommendationsConsumer {

    private static final Logger LOG = Logger.getLogger(RecommendationsConsumer.class);

    /** The payload versions tracking reads. */
    static final Set<String> READABLE = Set.of("https://hipflex.dev/schemas/recommendations/v2",
            "https://hipflex.dev/schemas/recommendations/v1");

    // Only the fields tracking uses are bound; the rest of a recommendation (rules, muscles, doses...) is skipped
    // without building a tree of it.
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String dataschema, String time, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String reportId, String userId, String timeZone, String level, PlanPart plan, List<Exclusion> excluded) {
    }

    /** v2 only: an exercise a contraindication rules out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Exclusion(String exercise) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanPart(String protocol, List<PhasePart> phases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhasePart(List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String exercise) {
    }

    private final ObjectReader reader;
    private final PlanService plans;
    private final SummaryService summaries;
    private final Duration attemptTimeout;

    public RecommendationsConsumer(ObjectMapper json, PlanService plans, SummaryService summaries,
            @ConfigProperty(name = "hipflex.tracking.recommendation-attempt-timeout", defaultValue = "PT10S") Duration attemptTimeout) {
        this.reader = json.readerFor(Event.class);
        this.plans = plans;
        this.summaries = summaries;
        this.attemptTimeout = attemptTimeout;
    }

    @Incoming("recommendations")
    public Uni<Void> consume(String event) {
        RecommendationSummary summary;
        try {
            summary = read(event);
        } catch (RuntimeException | IOException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("unreadable recommendation event: " + e.getMessage()));
        }
        // A readable event is never dead-lettered for a fault of ours (the database briefly away): it is retried
        // until it is applied, and the next event of the partition waits for it, which keeps each person's order.
        // An attempt that never answers (PostgreSQL restarting mid-transaction can leave one hanging) counts as
        // failed, so the partition cannot stall behind it.
        // The facts are kept for the person's summary after the plan is applied; both steps are idempotent, so a retry
        // repeats them safely.
        return plans.apply(summary).chain(() -> summaries.keep(summary, event))
                .ifNoItem().after(attemptTimeout).failWith(() -> new TimeoutException("no answer from the database in "
                        + attemptTimeout.toMillis() + " ms"))
                .onFailure().invoke(e -> LOG.warnf("Recommendation %s not applied yet, retrying: %s", summary.reportId(),
                        e.getMessage()))
                .onFailure(e -> !(e instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    RecommendationSummary read(String event) throws IOException {
        Event root = reader.readValue(event);
        if (root.dataschema() == null || !READABLE.contains(root.dataschema())) {
            throw new IllegalArgumentException("dataschema " + root.dataschema() + " is not one tracking reads "
                    + READABLE.stream().sorted().toList());
        }
        Data data = root.data();
        if (data == null) {
            throw new IllegalArgumentException("data is missing");
        }
        List<String> exercises = new ArrayList<>();
        if (data.plan() != null && data.plan().phases() != null) {
            for (PhasePart phase : data.plan().phases()) {
                if (phase != null && phase.items() != null) {
                    for (Item item : phase.items()) {
                        if (item != null && item.exercise() != null) {
                            exercises.add(item.exercise());
                        }
                    }
                }
            }
        }
        String zone = require(data.timeZone(), "timeZone");
        ZoneId.of(zone);
        String protocol = data.plan() == null || data.plan().protocol() == null ? "complete-release-protocol"
                : data.plan().protocol();
        return new RecommendationSummary(UUID.fromString(require(data.reportId(), "reportId")),
                require(data.userId(), "userId"), zone, Instant.parse(require(root.time(), "time")),
                require(data.level(), "level"), protocol, exercises, excluded(data));
    }

    private static List<String> excluded(Data data) {
        if (data.excluded() == null) {
            return List.of();
        }
        return data.excluded().stream().filter(e -> e != null && e.exercise() != null).map(Exclusion::exercise)
                .distinct().sorted().toList();
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
