package dev.hipflex.tracking.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.tracking.domain.PlanState;
import dev.hipflex.tracking.domain.PlanStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SQL of the plan family: {@code plan} (one per person) and {@code announced_week} (the plan weeks whose close was
 * announced). Methods taking a connection run in the
 * transaction it holds; statements given to one connection together are pipelined. The methods on {@link PlanEntity}
 * run in the caller's Panache session or transaction.
 */
@ApplicationScoped
public class PlanRepository {

    /** Where a person's plan starts, on their clock: what adherence counts from. */
    public record PlanStart(String userId, LocalDate startDate, ZoneId zone) {
    }

    /** An active plan whose next week close has come; {@code updatedAt} is when it was last set up. */
    public record DuePlan(String userId, LocalDate startDate, ZoneId zone, Instant updatedAt) {
    }

    private static final String CURRENT = """
            select status, start_date, time_zone, protocol, level, report_id, exercises, next_week_close_at
            from plan where user_id = $1 for update
            """;
    private static final String SAVE = """
            insert into plan (user_id, status, start_date, time_zone, protocol, level, report_id, exercises, updated_at,
                next_week_close_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict (user_id) do update set status = excluded.status, start_date = excluded.start_date,
                time_zone = excluded.time_zone, protocol = excluded.protocol, level = excluded.level,
                report_id = excluded.report_id, exercises = excluded.exercises, updated_at = excluded.updated_at,
                next_week_close_at = excluded.next_week_close_at
            """;
    private static final String STARTS = "select user_id, start_date, time_zone from plan where user_id = any($1)";
    // In person order, so two transactions locking plans never wait on each other in a circle.
    private static final String LOCK_STARTS = STARTS + " order by user_id for update";
    private static final String DUE = """
            select user_id, start_date, time_zone, updated_at from plan
            where next_week_close_at <= $1 and status = 'active'
            order by next_week_close_at limit $2 for update skip locked
            """;
    private static final String NEXT_CLOSE = "update plan set next_week_close_at = $2 where user_id = $1";
    // Every ended week is offered; those announced before are kept as they are, the others come back.
    private static final String ANNOUNCE = """
            insert into announced_week (user_id, plan_start, week, announced_at)
            select $1, $2, week, $3 from generate_series(1, $4) as week
            on conflict do nothing returning week
            """;
    private static final TypeReference<List<String>> EXERCISES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public PlanRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The person's plan as an entity, for the person's own start and pause; null without one. */
    public Uni<PlanEntity> find(String userId) {
        return PlanEntity.findById(userId);
    }

    public Uni<PlanEntity> persist(PlanEntity plan) {
        return plan.persist();
    }

    /** The person's plan, locked until the transaction ends; null without one. */
    public Uni<PlanState> lockCurrent(SqlConnection connection, String userId) {
        return connection.preparedQuery(CURRENT).execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : state(rows.iterator().next()));
    }

    /** Creates or replaces the person's plan. */
    public Uni<Void> save(SqlConnection connection, String userId, PlanState plan, Instant updatedAt) {
        return connection.preparedQuery(SAVE).execute(Tuple.tuple(Arrays.asList(userId, plan.status().word(),
                plan.startDate(), plan.zone().getId(), plan.protocol(), plan.level(), plan.reportId(),
                write(plan.exercises()), utc(updatedAt), utc(plan.nextWeekClose())))).replaceWithVoid();
    }

    /** The starts of those of {@code people} who have a plan. */
    public Uni<List<PlanStart>> starts(SqlClient client, List<String> people) {
        return client.preparedQuery(STARTS).execute(Tuple.of(people.toArray(String[]::new))).map(PlanRepository::starts);
    }

    /** As {@link #starts}, locking the plans until the transaction ends. */
    public Uni<List<PlanStart>> lockStarts(SqlConnection connection, List<String> people) {
        return connection.preparedQuery(LOCK_STARTS).execute(Tuple.of(people.toArray(String[]::new)))
                .map(PlanRepository::starts);
    }

    /**
     * At most {@code limit} active plans whose next week close is at or before {@code now}, locked; plans another
     * transaction holds are skipped, so instances share the work.
     */
    public Uni<List<DuePlan>> lockDue(SqlConnection connection, Instant now, int limit) {
        return connection.preparedQuery(DUE).execute(Tuple.of(utc(now), limit)).map(rows -> {
            List<DuePlan> due = new ArrayList<>();
            rows.forEach(row -> due.add(new DuePlan(row.getString("user_id"), row.getLocalDate("start_date"),
                    ZoneId.of(row.getString("time_zone")), row.getOffsetDateTime("updated_at").toInstant())));
            return due;
        });
    }

    /** When the plan's next week closes; null when none will. */
    public Uni<Void> nextClose(SqlConnection connection, String userId, Instant next) {
        return connection.preparedQuery(NEXT_CLOSE).execute(Tuple.of(userId, utc(next))).replaceWithVoid();
    }

    /**
     * Records weeks 1 to {@code ended} of the plan started on {@code start} as announced; answers, in order, the weeks
     * that had not been announced before.
     */
    public Uni<List<Integer>> announceWeeks(SqlConnection connection, String userId, LocalDate start, int ended,
            Instant now) {
        if (ended == 0) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery(ANNOUNCE).execute(Tuple.of(userId, start, utc(now), ended)).map(rows -> {
            List<Integer> weeks = new ArrayList<>();
            rows.forEach(row -> weeks.add(row.getInteger("week")));
            weeks.sort(null);
            return weeks;
        });
    }

    private static List<PlanStart> starts(Iterable<Row> rows) {
        List<PlanStart> starts = new ArrayList<>();
        rows.forEach(row -> starts.add(new PlanStart(row.getString("user_id"), row.getLocalDate("start_date"),
                ZoneId.of(row.getString("time_zone")))));
        return starts;
    }

    private PlanState state(Row row) {
        try {
            OffsetDateTime next = row.getOffsetDateTime("next_week_close_at");
            return new PlanState(PlanStatus.of(row.getString("status")), row.getLocalDate("start_date"),
                    ZoneId.of(row.getString("time_zone")), row.getString("protocol"), row.getString("level"),
                    row.getUUID("report_id"), json.readValue(row.getString("exercises"), EXERCISES),
                    next == null ? null : next.toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<String> exercises) {
        try {
            return json.writeValueAsString(exercises);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
