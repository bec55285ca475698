package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.AdherenceRules.CONSISTENT_PERMILLE;
import static dev.hipflex.tracking.domain.AdherenceRules.EARLY_WEEKS;
import static dev.hipflex.tracking.domain.AdherenceRules.FIRST_NUDGE_WEEK;
import static dev.hipflex.tracking.domain.AdherenceRules.WEEKS_BEFORE_NO_IMPROVEMENT;

import dev.hipflex.tracking.domain.Adherence.Alert;
import dev.hipflex.tracking.domain.Adherence.Alert.Level;
import dev.hipflex.tracking.domain.Adherence.Direction;
import dev.hipflex.tracking.domain.Adherence.PainTrend;

/**
 * The recovery alert that applies now (seed 003, "When to Seek Professional Help"). Worse pain comes first, whatever
 * the adherence; then pain that has not improved despite consistent work; then, with low adherence, a nudge about
 * consistency rather than a referral, since the protocol has not really been tried yet.
 */
final class Alerts {

    static final String WORSENING = "see-professional:worsening";
    static final String NO_IMPROVEMENT = "see-professional:no-improvement";
    static final String CONSISTENCY = "consistency:week-";

    private Alerts() {
    }

    /** @param permille the overall adherence, exact to a tenth of a percent (rounded down) */
    static Alert of(PlanDays days, Schedule schedule, long permille, PainTrend pain) {
        if (pain.direction() == Direction.WORSENING && pain.latest().week() > EARLY_WEEKS) {
            return new Alert(Level.SEE_PROFESSIONAL, WORSENING,
                    "Your pain has got meaningfully worse since your first week. Please see a physiotherapist, "
                            + "a sports medicine doctor or an orthopaedic specialist before going on.");
        }
        boolean consistent = permille >= CONSISTENT_PERMILLE;
        if (consistent && days.completeWeeks() >= WEEKS_BEFORE_NO_IMPROVEMENT && noImprovementShown(pain)) {
            return new Alert(Level.SEE_PROFESSIONAL, NO_IMPROVEMENT,
                    "After " + WEEKS_BEFORE_NO_IMPROVEMENT + " weeks of consistent work your pain has not improved "
                            + "meaningfully. Please see a physiotherapist, a sports medicine doctor or an orthopaedic "
                            + "specialist.");
        }
        int week = days.currentWeek();
        if (!consistent && week >= FIRST_NUDGE_WEEK && week <= schedule.totalWeeks()) {
            return new Alert(Level.CONSISTENCY, CONSISTENCY + week,
                    "Recovery depends most on consistency: short, regular sessions work better than long, rare "
                            + "ones. Try to get back to your plan's rhythm this week.");
        }
        return null;
    }

    /**
     * Only a comparison that reaches into the alert window shows that pain has not improved: no data, or data from
     * the first weeks alone, shows nothing.
     */
    private static boolean noImprovementShown(PainTrend pain) {
        return pain.latest() != null && pain.latest().week() >= WEEKS_BEFORE_NO_IMPROVEMENT
                && pain.direction() != Direction.IMPROVING;
    }
}
