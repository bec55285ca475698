package dev.hipflex.triage.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.triage.domain.CatalogIndex;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.TriageEngine;
import dev.hipflex.triage.repository.RecommendationStore;
import dev.hipflex.triage.repository.RecommendationStore.RecommendationRow;
import dev.hipflex.triage.repository.RecommendationStore.ReportRow;
import dev.hipflex.triage.repository.RecommendationStore.StoredRecommendation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Turns valid reports into their one recommendation each: computed by the engine, stored (one per report id),
 * and handed back as the events to publish. The caller publishes them in a Kafka transaction together with
 * the batch's offsets, so each recommendation event is published exactly once:
 * <ul>
 * <li>a report id seen for the first time gets its recommendation stored with where the report was read
 * (partition and offset), and its event;</li>
 * <li>the same record read again (its earlier Kafka transaction aborted, e.g. the broker or this service
 * went away after the database commit) gets its stored recommendation's event again, the same event;</li>
 * <li>the same report id at another position (a duplicate publish, a client's retry) gets nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class TriageService {

    private final Pool pool;
    private final RecommendationStore store;
    private final ReportCodec codec;

    public TriageService(Pool pool, RecommendationStore store, ReportCodec codec) {
        this.pool = pool;
        this.store = store;
        this.codec = codec;
    }

    /** A report as it arrived on the topic: where it was read tells a redelivery from a duplicate. */
    public record Arrival(SymptomReport report, int partition, long offset) {
    }

    /** A recommendation event to publish: the person's id (the record key) and the CloudEvent's UTF-8 JSON. */
    public record Announcement(String key, byte[] event) {
    }

    /** What a batch gave: the events to publish, how many recommendations are new, how many reports were duplicates. */
    public record Outcome(List<Announcement> events, int made, int duplicates) {
    }

    /**
     * The batch's recommendations, stored in one database transaction. The engine runs on the thread that subscribes
     * (the pipeline's own), not on an event loop.
     */
    public Uni<Outcome> recommend(List<Arrival> arrivals, CatalogIndex catalog) {
        return Uni.createFrom().item(() -> make(arrivals, catalog))
                .chain(made -> pool.withTransaction(connection -> store(connection, made, arrivals.size() - made.size())));
    }

    /** One recommendation per report id of the batch, in arrival order; a repeat within the batch is left out. */
    private List<Made> make(List<Arrival> arrivals, CatalogIndex catalog) {
        // PostgreSQL keeps microseconds: an event built again from the stored time must be the same event.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<UUID, Arrival> first = new LinkedHashMap<>();
        arrivals.forEach(arrival -> first.putIfAbsent(arrival.report().reportId(), arrival));
        List<Made> made = new ArrayList<>(first.size());
        for (Arrival arrival : first.values()) {
            SymptomReport report = arrival.report();
            Recommendation recommendation = TriageEngine.recommend(report, catalog);
            String reportJson = codec.toJson(report);
            made.add(new Made(arrival, recommendation,
                    new ReportRow(report.reportId(), report.userId(), reportJson, codec.hash(reportJson), now),
                    new RecommendationRow(report.reportId(), report.userId(), recommendation.level().name(),
                            codec.toJsonWithoutPlanAndExtras(recommendation), codec.toJson(recommendation.plan()),
                            codec.toJson(recommendation.extras()), now, arrival.partition(), arrival.offset())));
        }
        return made;
    }

    /**
     * Stores what is new and tells new, redelivered and duplicate reports apart: a report id already stored is a
     * redelivery when its recommendation was made from the record at the same position, and a duplicate otherwise.
     */
    private Uni<Outcome> store(SqlConnection connection, List<Made> made, int repeatsInBatch) {
        // Both inserts go to the connection at once, pipelined in this order: one round trip for the two.
        return Uni.combine().all()
                .unis(store.insertReports(connection, made.stream().map(Made::report).toList()),
                        store.insertRecommendations(connection, made.stream().map(Made::row).toList()))
                .with((reports, inserted) -> inserted)
                .chain(inserted -> {
                    List<UUID> storedBefore = made.stream().map(one -> one.arrival().report().reportId())
                            .filter(id -> !inserted.contains(id)).toList();
                    return store.recommendations(connection, storedBefore)
                            .map(before -> announce(made, inserted, before, repeatsInBatch));
                });
    }

    private Outcome announce(List<Made> made, Set<UUID> inserted, Map<UUID, StoredRecommendation> before,
            int repeatsInBatch) {
        List<Announcement> events = new ArrayList<>();
        int duplicates = repeatsInBatch;
        for (Made one : made) {
            SymptomReport report = one.arrival().report();
            StoredRecommendation earlier = before.get(report.reportId());
            if (inserted.contains(report.reportId())) {
                events.add(new Announcement(report.userId(),
                        codec.recommendationEvent(one.row().createdAt(), one.recommendation())));
            } else if (earlier != null && earlier.readAt(one.arrival().partition(), one.arrival().offset())) {
                events.add(new Announcement(report.userId(),
                        codec.recommendationEvent(earlier.createdAt(), codec.recommendation(earlier.body()))));
            } else {
                duplicates++;
            }
        }
        return new Outcome(events, inserted.size(), duplicates);
    }

    /** A report of the batch, the recommendation the engine made for it, and the rows they are stored as. */
    private record Made(Arrival arrival, Recommendation recommendation, ReportRow report, RecommendationRow row) {
    }
}
