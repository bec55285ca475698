package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Level.SEE_PROFESSIONAL;
import static dev.hipflex.triage.domain.Level.SELF_CARE;
import static dev.hipflex.triage.domain.Level.URGENT_CARE;

import java.util.List;
import java.util.TreeSet;

import dev.hipflex.triage.domain.Rule.Effect;

/**
 * The combined effect of the rules that fired on one report; everything else in the recommendation follows from it.
 *
 * @param fired the rules that fired, in {@link RuleSet#RULES} order
 * @param conditions catalog contraindication conditions that apply, sorted
 * @param gentle only acute-safe exercises
 * @param noRunning no running until seen
 * @param exercisesOnHold no exercises at all until seen
 */
record Assessment(List<Rule> fired, Level level, List<String> conditions, boolean gentle, boolean noRunning,
        boolean exercisesOnHold) {

    static Assessment of(SymptomReport report) {
        List<Rule> fired = RuleSet.firing(report);
        Level level = SELF_CARE;
        TreeSet<String> conditions = new TreeSet<>();
        boolean gentleMode = false;
        boolean noRunning = false;
        boolean holdExercises = false;
        for (Rule rule : fired) {
            Effect effect = rule.effect();
            level = level.max(effect.minimumLevel());
            conditions.addAll(effect.contraindications());
            gentleMode |= effect.gentleMode();
            noRunning |= effect.noRunning();
            holdExercises |= effect.holdExercises();
        }
        boolean urgent = level == URGENT_CARE;
        // While someone waits to see a professional, only what is gentle is safe to do meanwhile.
        boolean gentle = gentleMode || level.isAtLeast(SEE_PROFESSIONAL);
        return new Assessment(fired, level, List.copyOf(conditions), gentle, urgent || noRunning,
                urgent || holdExercises);
    }
}
