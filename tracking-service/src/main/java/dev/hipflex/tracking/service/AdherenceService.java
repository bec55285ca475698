package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import dev.hipflex.tracking.repository.AdherenceHistoryRepository;
import dev.hipflex.tracking.repository.AdherenceHistoryRepository.History;
import dev.hipflex.tracking.repository.PlanRepository;
import dev.hipflex.tracking.repository.PlanRepository.PlanStart;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A person's adherence: their plan's start, the catalog's schedule and timeline, and the per-day aggregates and
 * check-ins since the plan started, handed to the {@link AdherenceEngine}. Reads one row per day, never the sessions
 * themselves, in one round trip (two pipelined statements on one connection).
 */
@ApplicationScoped
public class AdherenceService {

    /** What adherence is computed from, as stored; its lists can be added to. */
    public record Basis(LocalDate startDate, ZoneId zone, List<DaySessions> days, List<CheckIn> checkIns) {

        /** The adherence on the person's local date of {@code now}. */
        public Adherence at(Instant now, CatalogTerms.Terms terms) {
            return AdherenceEngine.compute(new Plan(startDate, zone, terms.schedule(), terms.stages()), days, checkIns,
                    LocalDate.ofInstant(now, zone));
        }
    }

    private final CatalogTerms catalog;
    private final PlanRepository plans;
    private final AdherenceHistoryRepository histories;
    private final Pool pool;
    private final Clock clock;

    public AdherenceService(CatalogTerms catalog, PlanRepository plans, AdherenceHistoryRepository histories, Pool pool,
            Clock clock) {
        this.catalog = catalog;
        this.plans = plans;
        this.histories = histories;
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
     * The person's basis, read on {@code client}; null without a plan. Give it a connection (or a transaction's) so the
     * two statements are pipelined; on a pool each would take a connection of its own.
     */
    public Uni<Basis> basis(SqlClient client, String userId) {
        List<String> person = List.of(userId);
        return Uni.combine().all().unis(plans.starts(client, person), histories.since(client, person))
                .with((starts, history) -> bases(starts, history).get(userId));
    }

    /** The bases of the people with a plan among {@code starts}, by person. */
    public static Map<String, Basis> bases(List<PlanStart> starts, Map<String, History> histories) {
        Map<String, Basis> bases = new HashMap<>();
        for (PlanStart start : starts) {
            History history = histories.get(start.userId());
            bases.put(start.userId(), new Basis(start.startDate(), start.zone(), history.days(), history.checkIns()));
        }
        return bases;
    }
}
