package dev.hipflex.triage.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.common.events.Sha256;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The pipeline's SQL for {@code symptom_report} and {@code recommendation}: a batch's rows inserted at once, by
 * statements over arrays, skipping report ids already stored. A recommendation's plan and extras, which many
 * recommendations share, are stored once each in {@code recommendation_part} by the SHA-256 of their JSON, and read
 * back whole through the {@code recommendation_whole} view. Callers hold the connection and its transaction. (REST
 * reads the same tables through {@link TriageRepository}.)
 */
@ApplicationScoped
public class RecommendationStore {

    /** A report as it is kept: its canonical JSON and that JSON's hash. */
    public record ReportRow(UUID reportId, String userId, String body, String bodyHash, OffsetDateTime receivedAt) {
    }

    /**
     * A recommendation as it is kept, with where its report was read on {@code symptom-reports}: the JSON of its plan,
     * of its extras, and of the rest ({@code body}, whose own plan and extras fields, if any, give way to these).
     */
    public record RecommendationRow(UUID reportId, String userId, String level, String body, String plan,
            String extras, OffsetDateTime createdAt, int sourcePartition, long sourceOffset) {
    }

    /** A recommendation stored before; the source position is null for rows older than that column. */
    public record StoredRecommendation(UUID reportId, String body, OffsetDateTime createdAt, Integer sourcePartition,
            Long sourceOffset) {

        public boolean readAt(int partition, long offset) {
            return sourcePartition != null && sourcePartition == partition && sourceOffset != null && sourceOffset == offset;
        }
    }

    /** Records reports other producers put straight on the topic; those from the REST intake are there already. */
    public Uni<Void> insertReports(SqlConnection connection, List<ReportRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into symptom_report (report_id, user_id, body, body_hash, received_at)"
                + " select * from unnest($1::uuid[], $2::varchar[], $3::text[], $4::varchar[], $5::timestamptz[])"
                + " on conflict (report_id) do nothing")
                .execute(Tuple.of(rows.stream().map(ReportRow::reportId).toArray(UUID[]::new),
                        rows.stream().map(ReportRow::userId).toArray(String[]::new),
                        rows.stream().map(ReportRow::body).toArray(String[]::new),
                        rows.stream().map(ReportRow::bodyHash).toArray(String[]::new),
                        rows.stream().map(ReportRow::receivedAt).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    /**
     * Inserts the recommendations whose report has none yet, and the plans and extras not stored before, in one
     * statement; answers the report ids it inserted.
     */
    public Uni<Set<UUID>> insertRecommendations(SqlConnection connection, List<RecommendationRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] planParts = new String[rows.size()];
        String[] extrasParts = new String[rows.size()];
        // The batch's distinct parts, each hashed once: JSON text -> its hash.
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            planParts[i] = parts.computeIfAbsent(rows.get(i).plan(), Sha256::hex);
            extrasParts[i] = parts.computeIfAbsent(rows.get(i).extras(), Sha256::hex);
        }
        return connection.preparedQuery("with parts as (insert into recommendation_part (hash, body)"
                + " select * from unnest($8::varchar[], $9::text[]) on conflict (hash) do nothing)"
                + " insert into recommendation"
                + " (report_id, user_id, level, body, created_at, source_partition, source_offset, plan_part, extras_part)"
                + " select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::timestamptz[],"
                + " $6::int[], $7::bigint[], $10::varchar[], $11::varchar[])"
                + " on conflict (report_id) do nothing returning report_id")
                .execute(Tuple.tuple()
                        .addArrayOfUUID(rows.stream().map(RecommendationRow::reportId).toArray(UUID[]::new))
                        .addArrayOfString(rows.stream().map(RecommendationRow::userId).toArray(String[]::new))
                        .addArrayOfString(rows.stream().map(RecommendationRow::level).toArray(String[]::new))
                        .addArrayOfString(rows.stream().map(RecommendationRow::body).toArray(String[]::new))
                        .addArrayOfOffsetDateTime(rows.stream().map(RecommendationRow::createdAt).toArray(OffsetDateTime[]::new))
                        .addArrayOfInteger(rows.stream().map(RecommendationRow::sourcePartition).toArray(Integer[]::new))
                        .addArrayOfLong(rows.stream().map(RecommendationRow::sourceOffset).toArray(Long[]::new))
                        .addArrayOfString(parts.values().toArray(String[]::new))
                        .addArrayOfString(parts.keySet().toArray(String[]::new))
                        .addArrayOfString(planParts)
                        .addArrayOfString(extrasParts))
                .map(inserted -> {
                    Set<UUID> ids = new HashSet<>();
                    for (Row row : inserted) {
                        ids.add(row.getUUID("report_id"));
                    }
                    return ids;
                });
    }

    /** The recommendations stored for these reports, whole, by report id. */
    public Uni<Map<UUID, StoredRecommendation>> recommendations(SqlConnection connection, Collection<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery("select report_id, body, created_at, source_partition, source_offset"
                + " from recommendation_whole where report_id = any($1)")
                .execute(Tuple.of(reportIds.toArray(UUID[]::new)))
                .map(found -> {
                    Map<UUID, StoredRecommendation> stored = new HashMap<>();
                    for (Row row : found) {
                        stored.put(row.getUUID("report_id"), new StoredRecommendation(row.getUUID("report_id"),
                                row.getString("body"), row.getOffsetDateTime("created_at"),
                                row.getInteger("source_partition"), row.getLong("source_offset")));
                    }
                    return stored;
                });
    }
}
