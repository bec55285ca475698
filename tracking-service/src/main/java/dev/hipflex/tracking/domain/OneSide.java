package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.AdherenceRules.RECENT_MIN_SESSIONS;

import dev.hipflex.tracking.domain.Adherence.OneSideOnly;
import dev.hipflex.tracking.domain.PlanDays.Totals;

/** Sessions that worked one side only: seed 003 asks for both sides even when the pain is on one. */
final class OneSide {

    private OneSide() {
    }

    static OneSideOnly of(PlanDays days) {
        Totals sessions = days.totals(DaySessions::sessions);
        Totals left = days.totals(DaySessions::leftOnly);
        Totals right = days.totals(DaySessions::rightOnly);
        int oneSided = left.all() + right.all();
        int recentOneSided = left.recent() + right.recent();
        boolean mostly = sessions.recent() >= RECENT_MIN_SESSIONS && 2 * recentOneSided > sessions.recent();
        return new OneSideOnly(sessions.all(), left.all(), right.all(), Percent.of(oneSided, sessions.all(), 0),
                sessions.recent(), recentOneSided, mostly);
    }
}
