package dev.hipflex.triage.messaging;

import java.util.List;
import java.util.UUID;

import dev.hipflex.triage.domain.CatalogSnapshot.Dose;
import dev.hipflex.triage.domain.CatalogSnapshot.Range;
import dev.hipflex.triage.domain.CatalogSnapshot.Schedule;
import dev.hipflex.triage.domain.Explanation;
import dev.hipflex.triage.domain.Level;
import dev.hipflex.triage.domain.Plan;
import dev.hipflex.triage.domain.ProfileExtras;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.Recommendation.Choice;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.SkipReason;
import dev.hipflex.triage.domain.Urgency;

/**
 * The data of a {@code recommendations/v2} event: the facts of a {@link Recommendation} (level, fired rules with
 * their inputs, slugs, doses, versions) without its words. Reasons, notes, instructions and advice stay in the
 * catalog and the rule set, and apps read them from {@code GET /symptom-reports/{id}/recommendation}; analytics count
 * what is here without parsing prose, and a reworded text changes no event. {@code urgency} is how soon (null below
 * see a professional); {@code notAsked} names the screening answers the report lacked.
 */
public record RecommendationFacts(UUID reportId, String userId, String timeZone, Level level, Urgency urgency,
        List<String> notAsked, List<FiredRule> rules,
        List<LikelyMuscle> likelyMuscles, List<Exclusion> excluded, List<RootCauseCheck> rootCauseChecks,
        PlanFacts plan, Extras extras, String ruleSetVersion, String catalogVersion) {

    public record FiredRule(String rule, String version, String source, List<Evidence> inputs) {
    }

    public record LikelyMuscle(String muscle, int score) {
    }

    /** @param condition the catalog contraindication condition that rules the exercise out */
    public record Exclusion(String exercise, String condition) {
    }

    public record RootCauseCheck(int order, String step, boolean relevant, List<Evidence> because) {
    }

    /** A dose without its note. */
    public record DoseFacts(Range holdSeconds, Range sets, Range reps, Range minutes, Boolean perSide) {
    }

    /** @param exercise the catalog exercise, or null for an activity the protocol phase describes in words */
    public record Item(String exercise, Choice choice, DoseFacts dose, boolean bothSides) {
    }

    public record Skipped(String exercise, SkipReason reason, String replacedBy) {
    }

    public record Phase(int order, String phase, String category, Integer minutes, List<Item> items,
            List<Skipped> skipped) {
    }

    public record PlanFacts(String protocol, Plan.Status status, boolean gentle, boolean bothSides,
            boolean noRunningUntilSeen, Schedule schedule, List<Phase> phases) {
    }

    public record CatalogPick(String category, List<Item> items, List<Skipped> skipped) {
    }

    /** @param replace true when the shoes are old enough for their support to be wearing out */
    public record ShoeCheck(Integer ageMonths, boolean replace) {
    }

    public record Runner(String warmUp, List<Phase> warmUpStages, Phase postRunStretch, CatalogPick mobilityDrills,
            ShoeCheck shoeCheck) {
    }

    public record MovementBreaks(String protocol, List<Phase> phases) {
    }

    public record Extras(Runner runner, MovementBreaks movementBreaks, CatalogPick coreAndGlute) {
    }

    /** The facts of a recommendation. */
    public static RecommendationFacts of(Recommendation recommendation) {
        Explanation explanation = recommendation.explanation();
        return new RecommendationFacts(recommendation.reportId(), recommendation.userId(), recommendation.timeZone(),
                recommendation.level(),
                recommendation.referral() == null ? null : recommendation.referral().urgency(),
                recommendation.notAsked(),
                explanation.rules().stream()
                        .map(rule -> new FiredRule(rule.rule(), rule.version(), rule.source(), rule.inputs())).toList(),
                recommendation.likelyMuscles().stream()
                        .map(muscle -> new LikelyMuscle(muscle.muscle(), muscle.score())).toList(),
                recommendation.excluded().stream()
                        .map(exclusion -> new Exclusion(exclusion.exercise(), exclusion.condition())).toList(),
                recommendation.rootCauseChecks().stream()
                        .map(check -> new RootCauseCheck(check.order(), check.step(), check.relevant(), check.because()))
                        .toList(),
                plan(recommendation.plan()), extras(recommendation.extras()), recommendation.ruleSetVersion(),
                recommendation.catalogVersion());
    }

    private static PlanFacts plan(Plan plan) {
        return new PlanFacts(plan.protocol(), plan.status(), plan.gentle(), plan.bothSides(), plan.noRunningUntilSeen(),
                plan.schedule(), phases(plan.phases()));
    }

    private static Extras extras(ProfileExtras extras) {
        ProfileExtras.Runner runner = extras.runner();
        ProfileExtras.MovementBreaks breaks = extras.movementBreaks();
        return new Extras(
                runner == null ? null
                        : new Runner(runner.warmUp(), phases(runner.warmUpStages()), phase(runner.postRunStretch()),
                                pick(runner.mobilityDrills()),
                                runner.shoeCheck() == null ? null
                                        : new ShoeCheck(runner.shoeCheck().ageMonths(), runner.shoeCheck().replace())),
                breaks == null ? null : new MovementBreaks(breaks.protocol(), phases(breaks.phases())),
                pick(extras.coreAndGlute()));
    }

    private static List<Phase> phases(List<Plan.Phase> phases) {
        return phases.stream().map(RecommendationFacts::phase).toList();
    }

    private static Phase phase(Plan.Phase phase) {
        return phase == null ? null
                : new Phase(phase.order(), phase.phase(), phase.category(), phase.minutes(), items(phase.items()),
                        skipped(phase.skipped()));
    }

    private static CatalogPick pick(ProfileExtras.CatalogPick pick) {
        return pick == null ? null : new CatalogPick(pick.category(), items(pick.items()), skipped(pick.skipped()));
    }

    private static List<Item> items(List<Recommendation.Item> items) {
        return items.stream()
                .map(item -> new Item(item.exercise(), item.choice(), dose(item.dose()), item.bothSides())).toList();
    }

    private static List<Skipped> skipped(List<Recommendation.Skipped> skipped) {
        return skipped.stream().map(one -> new Skipped(one.exercise(), one.reason(), one.replacedBy())).toList();
    }

    private static DoseFacts dose(Dose dose) {
        return dose == null ? null
                : new DoseFacts(dose.holdSeconds(), dose.sets(), dose.reps(), dose.minutes(), dose.perSide());
    }
}
