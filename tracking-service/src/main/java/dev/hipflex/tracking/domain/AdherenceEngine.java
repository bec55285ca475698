package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Computes a person's {@link Adherence} from their plan, per-day session aggregates and pain check-ins. A pure
 * function: no clock (today is an input), no randomness, and the input order does not matter, so the same inputs
 * always give an equal result. Its cost grows with the plan days so far, never with the number of sessions.
 */
public final class AdherenceEngine {

    private AdherenceEngine() {
    }

    /**
     * @param days per-day session aggregates on the person's local dates; days before the start date or after today
     *        are ignored, and two aggregates of one date are added up
     * @param checkIns pain check-ins, filtered like {@code days}
     * @param today the person's local date now
     */
    public static Adherence compute(Plan plan, Collection<DaySessions> days, Collection<CheckIn> checkIns,
            LocalDate today) {
        PlanDays planDays = PlanDays.of(plan, days, checkIns, today);
        WeekTally tally = WeekTally.of(planDays, plan.schedule());
        Streaks streaks = Streaks.of(planDays);
        Adherence.PainTrend pain = PainTrends.of(planDays);
        return new Adherence(today, planDays.planDay(), tally.weeks(), tally.percent(), streaks.current(),
                streaks.longest(), Stages.current(plan.stages(), planDays.planDay()), PhaseSkips.of(planDays),
                OneSide.of(planDays), pain, Alerts.of(planDays, plan.schedule(), tally.permille(), pain));
    }

}
