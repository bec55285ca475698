package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Level.SEE_PROFESSIONAL;
import static dev.hipflex.triage.domain.Level.SELF_CARE;
import static dev.hipflex.triage.domain.Level.URGENT_CARE;

import java.util.List;
import java.util.function.Predicate;

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
        Level level = fired.stream().map(rule -> rule.effect().minimumLevel()).reduce(SELF_CARE, Level::max);
        List<String> conditions = fired.stream().flatMap(rule -> rule.effect().contraindications().stream())
                .sorted().distinct().toList();
        boolean urgent = level == URGENT_CARE;
        // While someone waits to see a professional, only what is gentle is safe to do meanwhile.
        boolean gentle = any(fired, Effect::gentleMode) || level.isAtLeast(SEE_PROFESSIONAL);
        return new Assessment(fired, level, conditions, gentle, urgent || any(fired, Effect::noRunning),
                urgent || any(fired, Effect::holdExercises));
    }

    private static boolean any(List<Rule> fired, Predicate<Effect> effect) {
        return fired.stream().map(Rule::effect).anyMatch(effect);
    }
}
