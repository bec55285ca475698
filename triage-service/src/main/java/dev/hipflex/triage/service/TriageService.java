package dev.hipflex.triage.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.triage.domain.CatalogSnapshot;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.TriageEngine;
import dev.hipflex.triage.messaging.TriageEvents;
import dev.hipflex.triage.service.ReportCodec.RecommendationJson;
import dev.hipflex.triage.service.ReportCodec.SharedPart;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

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
 * This is the hot path of the pipeline. The batch is cut into chunks; each chunk's recommendations are computed
 * and written as JSON on worker threads (once, for the table and the event alike) and inserted as soon as they
 * are ready, so the engine, the other core and PostgreSQL work at the same time instead of one after another.
 * The engine's pool has one thread per core: on the general worker pool all of a batch's chunks ran at once,
 * sharing the cores, and finished together, so no insert could start before the last chunk was made.
 * Inserts skip report ids already stored; only those (rare: redeliveries and duplicates) are looked up afterwards.
 * A recommendation's plan and extras, most of its bytes and shared by many, are stored once each by their hash
 * ({@link ReportCodec.RecommendationJson}): the row holds only what is the recommendation's own.
 */
@ApplicationScoped
public class TriageService {

    /** Reports per chunk: large enough for cheap array inserts, small enough for the stages to overlap. */
    static final int CHUNK = 64;

    private final Pool pool;
    private final ReportCodec codec;
    private final WorkerExecutor engine;

    public TriageService(Pool pool, ReportCodec codec, Vertx vertx) {
        this.pool = pool;
        this.codec = codec;
        this.engine = vertx.createSharedWorkerExecutor("triage-engine", Runtime.getRuntime().availableProcessors());
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

    private record Stored(boolean samePosition, byte[] body, OffsetDateTime madeAt) {
    }

    public Uni<Outcome> recommend(List<Arrival> arrivals, CatalogSnapshot catalog) {
        Map<UUID, Arrival> byId = new LinkedHashMap<>();
        arrivals.forEach(arrival -> byId.putIfAbsent(arrival.report().reportId(), arrival));
        int repeatsInBatch = arrivals.size() - byId.size();
        List<Arrival> unique = new ArrayList<>(byId.values());
        // PostgreSQL keeps microseconds: an event built again from the stored time must be the same event.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        // Lazy like any Uni: nothing is computed until the caller subscribes.
        return Uni.createFrom().deferred(() -> store(unique, repeatsInBatch, catalog, now));
    }

    private Uni<Outcome> store(List<Arrival> unique, int repeatsInBatch, CatalogSnapshot catalog, OffsetDateTime now) {
        // Each chunk is computed on a worker thread and answered back on this context. The work starts at once, while
        // a connection is taken and the transaction begun, rather than after (at 500 reports/s a batch is one chunk,
        // and BEGIN's round trip was a tenth of its database time).
        List<Uni<NewRows>> computed = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += CHUNK) {
            List<Arrival> chunk = unique.subList(from, Math.min(unique.size(), from + CHUNK));
            Uni<NewRows> rows = engine.executeBlocking(Uni.createFrom().item(() -> rows(chunk, catalog, now)), false)
                    .memoize().indefinitely();
            // Its failure, if any, fails the transaction below, where each chunk is awaited.
            rows.subscribe().with(ignored -> {
            }, ignored -> {
            });
            computed.add(rows);
        }
        return pool.withTransaction(connection -> {
            // Each plan and set of extras goes to the database once per transaction, whichever chunk has it first.
            Set<String> partsSent = ConcurrentHashMap.newKeySet();
            // Each chunk inserted as soon as it is ready (pipelined on the connection).
            List<Uni<NewRows>> chunks = computed.stream().map(rows -> rows.call(ready -> ready.insert(connection, partsSent))).toList();
            Uni<List<NewRows>> made = chunks.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(chunks).andFailFast();
            return made.chain(all -> {
                Map<UUID, byte[]> bodies = new HashMap<>();
                List<Arrival> notInserted = new ArrayList<>();
                for (NewRows rows : all) {
                    rows.collect(bodies, notInserted);
                }
                return stored(connection, notInserted).map(stored -> {
                    List<Announcement> events = new ArrayList<>();
                    int duplicates = repeatsInBatch;
                    for (Arrival arrival : unique) {
                        SymptomReport report = arrival.report();
                        byte[] body = bodies.get(report.reportId());
                        Stored before = stored.get(report.reportId());
                        if (body != null) {
                            events.add(announce(report, body, now));
                        } else if (before != null && before.samePosition()) {
                            events.add(announce(report, before.body(), before.madeAt()));
                        } else {
                            duplicates++;
                        }
                    }
                    return new Outcome(events, bodies.size(), duplicates);
                });
            });
        });
    }

    /** One chunk's recommendations, made and written as JSON. */
    private NewRows rows(List<Arrival> chunk, CatalogSnapshot catalog, OffsetDateTime now) {
        NewRows rows = new NewRows(chunk.size(), now);
        for (Arrival arrival : chunk) {
            Recommendation recommendation = TriageEngine.recommend(arrival.report(), catalog);
            rows.add(arrival, recommendation, codec.toJson(recommendation), codec.toJson(arrival.report()));
        }
        return rows;
    }

    private Announcement announce(SymptomReport report, byte[] body, OffsetDateTime madeAt) {
        return new Announcement(report.userId(), codec.withData(TriageEvents.recommendationMade(report.reportId(), madeAt), body));
    }

    /** The recommendations already stored for these reports; bodies only for those read at the same position before. */
    private static Uni<Map<UUID, Stored>> stored(SqlConnection connection, List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            ids.add(arrival.report().reportId());
            partitions.add(arrival.partition());
            offsets.add(arrival.offset());
        }
        return connection.preparedQuery("select r.report_id, r.created_at, s.same_position,"
                + " case when s.same_position then r.body end as body, plan.body as plan, extras.body as extras"
                + " from recommendation r join unnest($1::uuid[], $2::int[], $3::bigint[]) as a(id, p, o) on r.report_id = a.id"
                + " cross join lateral (select r.source_partition = a.p and r.source_offset = a.o as same_position) s"
                + " left join recommendation_part plan on s.same_position and plan.hash = r.plan_part"
                + " left join recommendation_part extras on s.same_position and extras.hash = r.extras_part")
                .execute(Tuple.of(ids.toArray(new UUID[0]), partitions.toArray(new Integer[0]), offsets.toArray(new Long[0])))
                .map(found -> {
                    Map<UUID, Stored> stored = new HashMap<>();
                    for (Row row : found) {
                        stored.put(row.getUUID("report_id"), new Stored(Boolean.TRUE.equals(row.getBoolean("same_position")),
                                wholeJson(row), row.getOffsetDateTime("created_at")));
                    }
                    return stored;
                });
    }

    /** A stored recommendation's whole JSON; null when its body was not read. */
    private static byte[] wholeJson(Row row) {
        String body = row.getString("body");
        return body == null ? null : ReportCodec.whole(body, row.getString("plan"), row.getString("extras"));
    }

    /** One chunk's new rows; each table gets one insert of unnested arrays, built from the arrivals. */
    private final class NewRows {
        private final List<Arrival> arrivals;
        private final List<String> levels;
        private final List<RecommendationJson> bodies;
        private final List<String> reports;
        private final List<String> reportHashes;
        private final OffsetDateTime now;
        private final Set<UUID> inserted = new HashSet<>();

        NewRows(int capacity, OffsetDateTime now) {
            arrivals = new ArrayList<>(capacity);
            levels = new ArrayList<>(capacity);
            bodies = new ArrayList<>(capacity);
            reports = new ArrayList<>(capacity);
            reportHashes = new ArrayList<>(capacity);
            this.now = now;
        }

        void add(Arrival arrival, Recommendation recommendation, RecommendationJson body, String report) {
            arrivals.add(arrival);
            levels.add(recommendation.level().name());
            bodies.add(body);
            reports.add(report);
            reportHashes.add(codec.hash(report));
        }

        /** The bodies of the recommendations this chunk stored; the reports whose id was stored before go to {@code notInserted}. */
        void collect(Map<UUID, byte[]> stored, List<Arrival> notInserted) {
            for (int i = 0; i < arrivals.size(); i++) {
                UUID id = arrivals.get(i).report().reportId();
                if (inserted.contains(id)) {
                    stored.put(id, bodies.get(i).whole());
                } else {
                    notInserted.add(arrivals.get(i));
                }
            }
        }

        /** @param partsSent the plans and extras this transaction has sent already; those of this chunk are added */
        Uni<Void> insert(SqlConnection connection, Set<String> partsSent) {
            int size = arrivals.size();
            Map<String, byte[]> newParts = new TreeMap<>();
            String[] plan = new String[size];
            String[] extras = new String[size];
            UUID[] id = new UUID[size];
            String[] person = new String[size];
            Integer[] partition = new Integer[size];
            Long[] offset = new Long[size];
            OffsetDateTime[] at = new OffsetDateTime[size];
            Buffer[] body = new Buffer[size];
            for (int i = 0; i < size; i++) {
                RecommendationJson json = bodies.get(i);
                body[i] = Buffer.buffer(json.own());
                plan[i] = json.plan().hash();
                extras[i] = json.extras().hash();
                for (SharedPart part : List.of(json.plan(), json.extras())) {
                    if (partsSent.add(part.hash())) {
                        newParts.put(part.hash(), part.json());
                    }
                }
                Arrival arrival = arrivals.get(i);
                id[i] = arrival.report().reportId();
                person[i] = arrival.report().userId();
                partition[i] = arrival.partition();
                offset[i] = arrival.offset();
                at[i] = now;
            }
            // Reports other producers put straight on the topic are recorded too; those from our intake are already.
            // Both inserts go out at once, one behind the other on the connection.
            Uni<?> reportRows = connection.preparedQuery("insert into symptom_report (report_id, user_id, body, body_hash, received_at)"
                    + " select * from unnest($1::uuid[], $2::varchar[], $3::text[], $4::varchar[], $5::timestamptz[])"
                    + " on conflict (report_id) do nothing")
                    .execute(Tuple.of(id, person, reports.toArray(new String[0]), reportHashes.toArray(new String[0]), at));
            // Bodies go as the UTF-8 bytes they were written as; PostgreSQL checks them as it would text. Parts in hash
            // order, so that two instances storing the same new ones take their locks in the same order.
            Uni<?> partRows = newParts.isEmpty() ? Uni.createFrom().voidItem()
                    : connection.preparedQuery("insert into recommendation_part (hash, body)"
                            + " select p.hash, convert_from(p.body, 'UTF8') from unnest($1::varchar[], $2::bytea[]) as p(hash, body)"
                            + " on conflict (hash) do nothing")
                            .execute(Tuple.tuple().addArrayOfString(newParts.keySet().toArray(new String[0]))
                                    .addValue(newParts.values().stream().map(Buffer::buffer).toArray(Buffer[]::new)));
            Uni<?> recommendationRows = connection.preparedQuery("insert into recommendation"
                    + " (report_id, user_id, level, body, plan_part, extras_part, created_at, source_partition, source_offset)"
                    + " select a.id, a.person, a.level, convert_from(a.body, 'UTF8'), a.plan, a.extras, a.at, a.p, a.o"
                    + " from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::bytea[], $5::varchar[], $6::varchar[],"
                    + " $7::timestamptz[], $8::int[], $9::bigint[]) as a(id, person, level, body, plan, extras, at, p, o)"
                    + " on conflict (report_id) do nothing returning report_id")
                    .execute(Tuple.tuple().addArrayOfUUID(id).addArrayOfString(person)
                            .addArrayOfString(levels.toArray(new String[0])).addValue(body)
                            .addArrayOfString(plan).addArrayOfString(extras)
                            .addArrayOfOffsetDateTime(at).addArrayOfInteger(partition).addArrayOfLong(offset))
                    .invoke(rows -> rows.forEach(row -> inserted.add(row.getUUID(0))));
            return Uni.combine().all().unis(partRows, reportRows, recommendationRows).discardItems();
        }
    }
}
