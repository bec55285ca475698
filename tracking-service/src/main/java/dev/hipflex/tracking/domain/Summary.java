package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a person takes to a professional (GET /me/summary): their latest recommendation, their plan, their pain ratings
 * and their adherence, as tracking holds them. Rendered as a FHIR R4 Bundle and as a one-page PDF.
 *
 * @param person the pseudonymous id (the token's subject); nothing else about the person is known or shown
 * @param asOf the person's local date the figures are for
 * @param recommendation the latest recommendation, or null when tracking has none
 * @param plan the plan, or null when there is none
 * @param pain pain ratings by day, oldest first
 * @param adherence the adherence figures, or null without a plan
 * @param experiments the root-cause experiments with a result, newest first
 * @param function the PSFS assessments, the start first
 */
public record Summary(String person, Instant madeAt, LocalDate asOf, Recommendation recommendation, PlanOutline plan,
        List<PainRating> pain, Adherence adherence, List<ExperimentResult> experiments,
        List<FunctionAssessment> function) {

    /**
     * One PSFS assessment (the activities the person named at the start, each rated 0 unable to 10 as before).
     *
     * @param recorded the person's local day it was recorded
     */
    public record FunctionAssessment(FunctionalScale.Assessment assessment, LocalDate recorded) {

        public int week() {
            return assessment.week();
        }

        /** The mean of the activities' ratings, one decimal. */
        public double mean() {
            return assessment.mean();
        }
    }

    /**
     * A root-cause experiment's result (rule TRK-EXP-RESULT), without the person's own words for the change.
     *
     * @param changeFrom the first day with the change; null when it ended during the baseline
     * @param confirmation held, did-not-hold or not-enough-data once the change was undone to confirm it; else null
     */
    public record ExperimentResult(String checklistItem, LocalDate start, LocalDate changeFrom, LocalDate end,
            String endReason, String outcome, Double baselineMean, Double changeMean, Double p, int baselineRatings,
            int changeRatings, String confirmation) {
    }

    /**
     * The pain ratings of check-ins and sessions up to {@code asOf}, oldest first: each check-in on its own, each
     * day's sessions as the mean of their ratings before starting.
     */
    public static List<PainRating> painRatings(List<DaySessions> days, List<CheckIn> checkIns, LocalDate asOf) {
        List<PainRating> ratings = new ArrayList<>();
        checkIns.stream().filter(c -> !c.day().isAfter(asOf))
                .forEach(c -> ratings.add(new PainRating(c.day(), PainRating.Source.CHECK_IN, c.pain(), 1)));
        days.stream().filter(d -> d.painCount() > 0 && !d.day().isAfter(asOf))
                .forEach(d -> ratings.add(new PainRating(d.day(), PainRating.Source.BEFORE_SESSION,
                        (double) d.painBeforeSum() / d.painCount(), d.painCount())));
        ratings.sort(Comparator.comparing(PainRating::day).thenComparing(PainRating::source));
        return ratings;
    }

    /** Rule id prefixes of red flags in triage's rule set: the articles', general clinical, and urgent care. */
    static final Set<String> RED_FLAG_PREFIXES = Set.of("RF", "GC", "UC");

    /**
     * The facts of the latest recommendation, as triage's event gave them (no prose: the reasons are the rules that
     * fired and the inputs each read).
     */
    public record Recommendation(UUID reportId, Instant at, String level, List<FiredRule> rules,
            List<Exercise> exercises) {

        /** The rules that are red flags: a reason to see a professional. */
        public List<FiredRule> redFlags() {
            return rules.stream().filter(FiredRule::redFlag).toList();
        }

        /** An input's value as a rule read it, such as painLocations; empty when no rule that fired read it. */
        public Optional<String> input(String name) {
            return rules.stream().flatMap(rule -> rule.inputs().stream()).filter(e -> e.input().equals(name))
                    .map(Evidence::value).filter(v -> !v.equals("not given")).findFirst();
        }
    }

    public record FiredRule(String rule, String version, String source, List<Evidence> inputs) {

        public boolean redFlag() {
            return RED_FLAG_PREFIXES.contains(rule.substring(0, rule.indexOf('-')));
        }

        /** The inputs in words, such as "signs = numbness; intensity = 6". */
        public String because() {
            return String.join("; ", inputs.stream().map(e -> e.input() + " = " + e.value()).toList());
        }
    }

    public record Evidence(String input, String value) {
    }

    /** One exercise of the recommended plan in its phase, with its dose. */
    public record Exercise(String phase, String exercise, Dose dose) {
    }

    /** A dose as the recommendation gives it; each part may be absent. */
    public record Dose(Range holdSeconds, Range sets, Range reps, Range minutes, boolean perSide) {

        /** In words, such as "3 sets x 12 reps, hold 5 s, each side". */
        public String words() {
            StringBuilder words = new StringBuilder();
            part(words, sets, " sets");
            if (reps != null && reps.min() != null) {
                words.append(words.isEmpty() ? "" : " x ").append(reps.words()).append(" reps");
            }
            if (holdSeconds != null && holdSeconds.min() != null) {
                words.append(words.isEmpty() ? "hold " : ", hold ").append(holdSeconds.words()).append(" s");
            }
            if (minutes != null && minutes.min() != null) {
                words.append(words.isEmpty() ? "" : ", ").append(minutes.words()).append(" min");
            }
            if (perSide) {
                words.append(words.isEmpty() ? "each side" : ", each side");
            }
            return words.toString();
        }

        private static void part(StringBuilder words, Range range, String unit) {
            if (range != null && range.min() != null) {
                words.append(range.words()).append(unit);
            }
        }
    }

    public record Range(Integer min, Integer max) {

        String words() {
            return max == null || max.equals(min) ? String.valueOf(min) : min + "-" + max;
        }
    }

    /** The plan as tracking keeps it. */
    public record PlanOutline(String status, LocalDate startDate, String protocol, List<String> exercises) {
    }

    /**
     * Pain on 0–10 on one local day from one source.
     *
     * @param pain a check-in's rating, or the mean of the day's sessions' ratings before starting
     * @param ratings how many ratings the value is made of
     */
    public record PainRating(LocalDate day, Source source, double pain, int ratings) {

        public enum Source implements Word {
            CHECK_IN, BEFORE_SESSION
        }
    }
}
