package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.AdherenceEngine;
import dev.hipflex.tracking.domain.CheckIn;
import dev.hipflex.tracking.domain.DaySessions;
import dev.hipflex.tracking.domain.Plan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A person's adherence: their plan, the catalog's schedule and timeline, and the per-day aggregates and check-ins
 * since the plan started, handed to the {@link AdherenceEngine}. Reads one row per day, never the sessions themselves,
 * in one round trip (three pipelined queries on one connection).
 */
@ApplicationScoped
public class AdherenceService {

    /** What adherence is computed from, as stored. */
    public record Basis(String status, LocalDate startDate, ZoneId zone, List<DaySessions> days, List<CheckIn> checkIns) {

        /** The adherence on the person's local date of {@code now}. */
        public Adherence at(Instant now, CatalogTerms.Terms terms) {
            return AdherenceEngine.compute(new Plan(startDate, zone, terms.schedule(), terms.stages()), days, checkIns,
                    LocalDate.ofInstant(now, zone));
        }
    }

    private static final String PLAN = "select status, start_date, time_zone from plan where user_id = $1";
    // Day aggregates and check-ins since the plan's start in one statement (kind 0 and 1). No upper bound: the engine
    // leaves out days after today.
    private static final String HISTORY = """
            select 0, day, sessions, minutes, release_sessions, stretch_sessions, strengthen_sessions, left_only,
                right_only, both_sides, pain_before_sum, pain_after_sum, pain_count
            from day_sessions where user_id = $1 and day >= (select start_date from plan where user_id = $1)
            union all
            select 1, local_day, pain, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
            from check_in where user_id = $1 and local_day >= (select start_date from plan where user_id = $1)
            """;

    private final CatalogTerms catalog;
    private final Pool pool;
    private final Clock clock;

    public AdherenceService(CatalogTerms catalog, Pool pool, Clock clock) {
        this.catalog = catalog;
        this.pool = pool;
        this.clock = clock;
    }

    /** The person's adherence now; 404 without a plan, 503 while the catalog cannot be read. */
    public Uni<Adherence> of(String userId) {
        return terms().chain(terms -> pool.withConnection(connection -> basis(connection, userId)).map(basis -> {
            if (basis == null) {
                throw ProblemException.notFound("plan for", userId);
            }
            return basis.at(clock.instant(), terms);
        }));
    }

    public Uni<CatalogTerms.Terms> terms() {
        return catalog.get().onFailure().transform(e -> new ProblemException(503, "Catalog unavailable",
                "The plan's schedule cannot be read from the catalog right now; try again shortly", null));
    }

    /**
     * The person's plan and what adherence needs, read on {@code client}; null without a plan. Give it a connection (or
     * a transaction's) so the two queries are pipelined; on a pool each would take a connection of its own.
     */
    public Uni<Basis> basis(SqlClient client, String userId) {
        return Uni.combine().all().unis(plan(client, userId), history(client, userId)).with(AdherenceService::basis);
    }

    /** The plan row (status, start date, zone), or an empty row set. */
    public Uni<RowSet<Row>> plan(SqlClient client, String userId) {
        return client.preparedQuery(PLAN).execute(Tuple.of(userId));
    }

    /** Day aggregates and check-ins since the plan's start. */
    public Uni<RowSet<Row>> history(SqlClient client, String userId) {
        return client.preparedQuery(HISTORY).execute(Tuple.of(userId));
    }

    /** What {@link #plan} and {@link #history} read, as the engine takes it; null without a plan. */
    public static Basis basis(RowSet<Row> plan, RowSet<Row> history) {
        if (plan.size() == 0) {
            return null;
        }
        Basis basis = startOf(plan.iterator().next());
        for (Row r : history) {
            addDayOrCheckIn(basis, r, 0);
        }
        return basis;
    }

    /**
     * Several people's bases at once, by person: {@code plans} as {@link #plan} reads them with a {@code user_id}
     * column, {@code history} as {@link #history} reads it with {@code user_id} first. Their lists can be added to.
     */
    public static Map<String, Basis> bases(RowSet<Row> plans, RowSet<Row> history) {
        Map<String, Basis> bases = new HashMap<>();
        plans.forEach(row -> bases.put(row.getString("user_id"), startOf(row)));
        for (Row r : history) {
            addDayOrCheckIn(bases.get(r.getString(0)), r, 1);
        }
        return bases;
    }

    /** A plan row as a basis with no history yet. */
    private static Basis startOf(Row plan) {
        return new Basis(plan.getString("status"), plan.getLocalDate("start_date"), ZoneId.of(plan.getString("time_zone")),
                new ArrayList<>(), new ArrayList<>());
    }

    /** A history row (a day's aggregate, kind 0, or a check-in, kind 1) whose kind is column {@code at}. */
    private static void addDayOrCheckIn(Basis basis, Row r, int at) {
        if (r.getInteger(at) == 0) {
            basis.days().add(new DaySessions(r.getLocalDate(at + 1), r.getInteger(at + 2), r.getInteger(at + 3),
                    r.getInteger(at + 4), r.getInteger(at + 5), r.getInteger(at + 6), r.getInteger(at + 7),
                    r.getInteger(at + 8), r.getInteger(at + 9), r.getInteger(at + 10), r.getInteger(at + 11),
                    r.getInteger(at + 12)));
        } else {
            basis.checkIns().add(new CheckIn(r.getLocalDate(at + 1), r.getInteger(at + 2)));
        }
    }
}
