package dev.hipflex.tracking.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.AdherenceEngine;
import dev.hipflex.tracking.domain.DaySessions;
import dev.hipflex.tracking.domain.Plan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A person's adherence now: their plan, the catalog's schedule and timeline, and the per-day
 * aggregates and check-ins since the plan started, handed to the {@link AdherenceEngine}. Reads one
 * row per day, never the sessions themselves.
 */
@ApplicationScoped
public class AdherenceService {

    private final PlanService plans;
    private final CatalogTerms catalog;
    private final CheckInService checkIns;
    private final Pool pool;

    public AdherenceService(PlanService plans, CatalogTerms catalog, CheckInService checkIns, Pool pool) {
        this.plans = plans;
        this.catalog = catalog;
        this.checkIns = checkIns;
        this.pool = pool;
    }

    public Uni<Adherence> of(String userId) {
        return plans.of(userId).chain(plan -> {
            if (plan == null) {
                throw ProblemException.notFound("plan for", userId);
            }
            ZoneId zone = ZoneId.of(plan.timeZone);
            LocalDate today = LocalDate.now(zone);
            return catalog.get()
                    .onFailure().transform(e -> new ProblemException(503, "Catalog unavailable",
                            "The plan's schedule cannot be read from the catalog right now; try again shortly", null))
                    .chain(terms -> days(userId, plan.startDate, today)
                            .chain(days -> checkIns.between(userId, plan.startDate, today)
                                    .map(pain -> AdherenceEngine.compute(
                                            new Plan(plan.startDate, zone, terms.schedule(), terms.stages()), days, pain,
                                            today))));
        });
    }

    private Uni<List<DaySessions>> days(String userId, LocalDate from, LocalDate to) {
        return pool.preparedQuery("select day, sessions, minutes, release_sessions, stretch_sessions, strengthen_sessions,"
                + " left_only, right_only, both_sides, pain_before_sum, pain_after_sum, pain_count"
                + " from day_sessions where user_id = $1 and day between $2 and $3")
                .execute(Tuple.of(userId, from, to))
                .map(rows -> {
                    List<DaySessions> days = new ArrayList<>();
                    for (Row r : rows) {
                        days.add(new DaySessions(r.getLocalDate("day"), r.getInteger("sessions"), r.getInteger("minutes"),
                                r.getInteger("release_sessions"), r.getInteger("stretch_sessions"),
                                r.getInteger("strengthen_sessions"), r.getInteger("left_only"), r.getInteger("right_only"),
                                r.getInteger("both_sides"), r.getInteger("pain_before_sum"), r.getInteger("pain_after_sum"),
                                r.getInteger("pain_count")));
                    }
                    return days;
                });
    }
}
