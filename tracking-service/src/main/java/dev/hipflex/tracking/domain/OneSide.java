package dev.hipflex.tracking.domain;

import dev.hipflex.tracking.domain.Adherence.OneSideOnly;
import dev.hipflex.tracking.domain.PlanDays.Totals;

/** Sessions that worked one side only (see {@link AdherencePolicy#MOSTLY_ONE_SIDE}). */
final class OneSide {

    private OneSide() {
    }

    static OneSideOnly of(PlanDays days) {
        Totals sessions = days.totals(DaySessions::sessions);
        Totals left = days.totals(DaySessions::leftOnly);
        Totals right = days.totals(DaySessions::rightOnly);
        int oneSided = left.all() + right.all();
        int recentOneSided = left.recent() + right.recent();
        boolean mostly = AdherencePolicy.MOSTLY_ONE_SIDE.mostly(sessions.recent(), recentOneSided);
        return new OneSideOnly(sessions.all(), left.all(), right.all(), Percent.of(oneSided, sessions.all(), 0),
                sessions.recent(), recentOneSided, mostly);
    }
}
