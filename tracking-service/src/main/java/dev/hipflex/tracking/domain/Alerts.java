package dev.hipflex.tracking.domain;

import dev.hipflex.tracking.domain.AdherencePolicy.AlertFacts;
import dev.hipflex.tracking.domain.AdherencePolicy.AlertRule;
import dev.hipflex.tracking.domain.Adherence.Alert;
import dev.hipflex.tracking.domain.Adherence.PainTrend;

/** The recovery alert that applies now: the first of the policy's alert rules that applies to today's facts. */
final class Alerts {

    private Alerts() {
    }

    /** @param permille the overall adherence, exact to a tenth of a percent (rounded down) */
    static Alert of(PlanDays days, Schedule schedule, long permille, PainTrend pain) {
        AlertFacts facts = new AlertFacts(pain.direction(), pain.latest() == null ? null : pain.latest().week(),
                AdherencePolicy.CONSISTENT_WORK.consistent(permille), days.completeWeeks(), days.currentWeek(),
                schedule.totalWeeks());
        for (AlertRule rule : AdherencePolicy.ALERTS) {
            Alert alert = rule.alert(facts);
            if (alert != null) {
                return alert;
            }
        }
        return null;
    }
}
