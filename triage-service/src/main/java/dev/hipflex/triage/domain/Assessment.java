package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Level.SELF_CARE;

import java.util.List;
import java.util.TreeSet;

import dev.hipflex.triage.domain.PlanRules.Modes;
import dev.hipflex.triage.domain.Rule.Effect;

/**
 * The combined effect of the rules that fired on one report, with the modes the level brings
 * ({@link PlanRules#MODES}); everything else in the recommendation follows from it.
 *
 * @param fired the rules that fired, in {@link RuleSet#RULES} order
 * @param conditions catalog contraindication conditions that apply, sorted
 * @param gentle only acute-safe exercises
 * @param noRunning no running until seen
 * @param exercisesOnHold no exercises at all until seen
 * @param urgency how soon the person should be seen: the most urgent of the fired rules' referrals; null when no rule
 *        refers them (the level is below see a professional)
 */
record Assessment(List<Rule> fired, Level level, List<String> conditions, boolean gentle, boolean noRunning,
        boolean exercisesOnHold, Urgency urgency) {

    static Assessment of(SymptomReport report) {
        Assessment assessment = combined(RuleSet.firing(report));
        for (Decision<Modes> decision : PlanRules.MODES) {
            if (decision.holdsFor(new Case(report, assessment))) {
                assessment = assessment.with(decision.outcome());
            }
        }
        return assessment;
    }

    /**
     * The fired rules whose effect shows in the recommendation, in {@link RuleSet#RULES} order: all of them, except
     * that while exercises are on hold (urgent care, or a referral that holds them) a rule that only shapes the plan
     * ({@link Rule.Effect#onlyShapesThePlan()}, such as CA-ACUTE's gentle exercises) is left out, since there is no
     * plan for it to shape. These give the reasons and the explanation.
     */
    List<Rule> inTheOutcome() {
        if (!exercisesOnHold) {
            return fired;
        }
        return fired.stream().filter(rule -> !rule.effect().onlyShapesThePlan()).toList();
    }

    /** The most severe level of the fired rules, and everything any of them switched on. */
    private static Assessment combined(List<Rule> fired) {
        Level level = SELF_CARE;
        TreeSet<String> conditions = new TreeSet<>();
        boolean gentle = false;
        boolean noRunning = false;
        boolean holdExercises = false;
        Urgency urgency = null;
        for (Rule rule : fired) {
            Effect effect = rule.effect();
            level = level.max(effect.minimumLevel());
            conditions.addAll(effect.contraindications());
            gentle |= effect.gentleMode();
            noRunning |= effect.noRunning();
            holdExercises |= effect.holdExercises();
            urgency = Urgency.max(urgency, effect.urgency());
        }
        return new Assessment(fired, level, List.copyOf(conditions), gentle, noRunning, holdExercises, urgency);
    }

    private Assessment with(Modes modes) {
        return new Assessment(fired, level, conditions, gentle || modes.gentle(), noRunning || modes.noRunning(),
                exercisesOnHold || modes.exercisesOnHold(), urgency);
    }
}
