package dev.hipflex.triage.domain;

import java.util.List;
import java.util.UUID;

import dev.hipflex.triage.domain.CatalogSnapshot.Dose;

/**
 * What triage recommends for one {@link SymptomReport}, computed by {@link TriageEngine}. Every exercise, protocol,
 * phase, muscle, red flag, condition and checklist step is named by its catalog slug; texts the person reads come
 * either from the rule set (reasons, notes) or from the catalog (instructions, exclusion reasons, what to do).
 *
 * @param timeZone the person's time zone from the report, so that a plan can start on their local date
 * @param level the most severe minimum level of the rules that fired
 * @param referral how soon the person should be seen and what to do: today for urgent care, within a week or routine
 *        for see a professional; null below see a professional
 * @param reasons one per fired rule, most severe first; never empty. While exercises are on hold, a rule that only
 *        shapes the plan gives none ({@link Assessment#inTheOutcome()})
 * @param notAsked the screening questions the report did not answer (a report from a producer that does not ask
 *        them), by field name; empty for every report sent over REST
 * @param likelyMuscles muscles the report points to, most likely first
 * @param excluded every catalog exercise a contraindication rules out, with the catalog's reason, and every one a
 *        field exclusion of the rule set rules out ({@link PlanRules#FIELD_EXCLUSIONS}), with the rule set's reason
 * @param rootCauseChecks the catalog's root-cause checklist, most common cause first
 * @param plan what to do, and what was left out of the protocol and why
 * @param extras what the person's profile adds to the plan
 *        <p>
 *        The plan and the extras come last, in the JSON too: they depend on a few things in a report, so many
 *        recommendations share them, and they are stored once for all of those, apart from the rest.
 */
public record Recommendation(UUID reportId, String userId, String timeZone, Level level, Referral referral,
        List<Reason> reasons, List<String> notAsked, List<LikelyMuscle> likelyMuscles, List<Exclusion> excluded, List<RootCauseCheck> rootCauseChecks,
        Explanation explanation, String ruleSetVersion, String catalogVersion, Plan plan, ProfileExtras extras) {

    /**
     * @param rule the id of the rule that gave this reason
     * @param level the rule's minimum level
     * @param redFlag the catalog red flag slug, or null for rules that are not one of the catalog's red flags
     * @param possibleConditions catalog condition slugs the red flag may point to
     * @param whatToDo the catalog red flag's advice, or null
     */
    public record Reason(String rule, Level level, String text, String source, String redFlag,
            List<String> possibleConditions, String whatToDo) {
    }

    /**
     * How soon, and what to do, in plain words.
     *
     * @param source where the advice comes from
     */
    public record Referral(Urgency urgency, String whatToDo, String source) {
    }

    /** A report input and its value that something was based on, e.g. {@code painLocations = groin}. */
    public record Evidence(String input, String value) {
    }

    /** @param score how many symptoms point to the muscle */
    public record LikelyMuscle(String muscle, int score, List<Evidence> pointedBy) {
    }

    /**
     * One exercise excluded because of one contraindication condition, the reason being the catalog's; or by a field
     * exclusion of the rule set (condition {@code fresh-strain}), the reason being the rule set's.
     */
    public record Exclusion(String exercise, String condition, String reason) {
    }

    /** @param because the report inputs that make this step worth checking first; empty when not relevant */
    public record RootCauseCheck(int order, String step, boolean relevant, List<Evidence> because) {
    }

    /**
     * Something to do: a catalog exercise, or (exercise null) an activity such as a short walk.
     *
     * @param dose from the protocol item when there is one, else the exercise's own dose
     * @param bothSides do it on both sides even when only one side hurts (seed 003)
     * @param instruction the protocol's words for this item, if any
     */
    public record Item(String exercise, Choice choice, Dose dose, boolean bothSides, String instruction) {
    }

    /**
     * A protocol or catalog exercise that was not prescribed, and why.
     *
     * @param replacedBy the alternative prescribed in its place, or null
     */
    public record Skipped(String exercise, SkipReason reason, String replacedBy) {
    }

    /** Advice in plain words, with the source it comes from. */
    public record Note(String text, String source) {
    }

    /** Where a prescribed item came from. */
    public enum Choice implements Word {
        /** the protocol's own exercise */
        PROTOCOL,
        /** an alternative the protocol names for an exercise that did not fit */
        ALTERNATIVE,
        /** a catalog exercise of the phase's category, standing in because nothing in the phase fitted */
        STAND_IN,
        /** picked from the catalog by category (extras), or by category and muscle (the plan's focus) */
        CATALOG
    }

    public enum SkipReason implements Word {
        /** a contraindication in the report rules it out (see {@code excluded}) */
        CONTRAINDICATED,
        /** not acute-safe, and the plan is in gentle mode */
        NOT_GENTLE,
        /** the protocol names an exercise the catalog does not have */
        NOT_IN_CATALOG,
        /** left for a later plan: a first plan starts with the gentler alternative that leads up to it */
        LATER,
        /** only in a plan when the person asks for it (the deep psoas release) */
        ON_REQUEST_ONLY
    }
}
