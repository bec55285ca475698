package dev.hipflex.triage.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import dev.hipflex.triage.domain.SymptomReport.Profile;

/**
 * A fixed, seeded corpus of cases (generated reports, each with an assessment) on which the
 * rule set's decisions are observed, and every field a decision could read, each with a way to take just that field
 * from another case.
 */
final class RuleCorpus {

    private static final List<String> CONDITIONS = List.of("abdominal-condition", "acute-pain",
            "hip-surgery-or-structural-issue", "knee-pain", "low-back-pain", "pregnancy");

    private RuleCorpus() {
    }

    /**
     * Generated reports, each with an assessment drawn on its own: a decision that reads the level is observed on
     * every level, and its fingerprint does not move when a level rule changes.
     */
    static List<Case> cases(long seed, int size) {
        ReportGenerator generator = new ReportGenerator(seed);
        Random random = new Random(seed + 1);
        List<Case> cases = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Assessment assessment = new Assessment(List.of(), Level.values()[random.nextInt(Level.values().length)],
                    CONDITIONS.stream().filter(condition -> random.nextDouble() < 0.2).toList(), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean());
            cases.add(new Case(generator.next(), assessment));
        }
        return cases;
    }

    /** The whole rule set, level rules first, in document order. */
    static List<Decision<?>> decisions() {
        return RuleSet.parts().stream().flatMap(part -> part.decisions().stream()).toList();
    }

    /**
     * Every report field and every part of the assessment, by the name decisions give their inputs, each as: this
     * case with that one field taken from the other case. The assessment is left as it is when a report field
     * changes, so a decision that reads the level (not the signs) sees no change when only the signs change.
     */
    static Map<String, BinaryOperator<Case>> fields() {
        Map<String, BinaryOperator<Case>> fields = new LinkedHashMap<>();
        Stream.of("reportId", "userId", "reportedAt", "timeZone", "painLocations", "side", "qualities", "intensity",
                "onset", "daysSinceOnset", "aggravatingActivities", "signs", "history", "warningSigns",
                "weeksOfConsistentWork", "profile.runner", "profile.deskWorker", "profile.hoursSittingPerDay",
                "profile.runningShoeAgeMonths", "profile.wearsRaisedHeels")
                .forEach(name -> fields.put(name, (base, donor) -> new Case(
                        withField(base.report(), donor.report(), name), base.assessment())));
        fields.put("level", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                donor.assessment().level(), base.assessment().conditions(), base.assessment().gentle(),
                base.assessment().noRunning(), base.assessment().exercisesOnHold())));
        fields.put("contraindications", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), donor.assessment().conditions(), base.assessment().gentle(),
                base.assessment().noRunning(), base.assessment().exercisesOnHold())));
        fields.put("gentleMode", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), base.assessment().conditions(), donor.assessment().gentle(),
                base.assessment().noRunning(), base.assessment().exercisesOnHold())));
        fields.put("noRunning", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), base.assessment().conditions(), base.assessment().gentle(),
                donor.assessment().noRunning(), base.assessment().exercisesOnHold())));
        fields.put("exercisesOnHold", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), base.assessment().conditions(), base.assessment().gentle(),
                base.assessment().noRunning(), donor.assessment().exercisesOnHold())));
        return fields;
    }

    private static Case withAssessment(Case base, Assessment assessment) {
        return new Case(base.report(), assessment);
    }

    private static SymptomReport withField(SymptomReport r, SymptomReport d, String field) {
        Profile p = r.profile();
        Profile q = d.profile();
        Profile profile = switch (field) {
            case "profile.runner" -> new Profile(q.runner(), p.deskWorker(), p.hoursSittingPerDay(),
                    p.runningShoeAgeMonths(), p.wearsRaisedHeels());
            case "profile.deskWorker" -> new Profile(p.runner(), q.deskWorker(), p.hoursSittingPerDay(),
                    p.runningShoeAgeMonths(), p.wearsRaisedHeels());
            case "profile.hoursSittingPerDay" -> new Profile(p.runner(), p.deskWorker(), q.hoursSittingPerDay(),
                    p.runningShoeAgeMonths(), p.wearsRaisedHeels());
            case "profile.runningShoeAgeMonths" -> new Profile(p.runner(), p.deskWorker(), p.hoursSittingPerDay(),
                    q.runningShoeAgeMonths(), p.wearsRaisedHeels());
            case "profile.wearsRaisedHeels" -> new Profile(p.runner(), p.deskWorker(), p.hoursSittingPerDay(),
                    p.runningShoeAgeMonths(), q.wearsRaisedHeels());
            default -> p;
        };
        return new SymptomReport(
                field.equals("reportId") ? d.reportId() : r.reportId(),
                field.equals("userId") ? d.userId() : r.userId(),
                field.equals("reportedAt") ? d.reportedAt() : r.reportedAt(),
                field.equals("timeZone") ? d.timeZone() : r.timeZone(),
                field.equals("painLocations") ? d.painLocations() : r.painLocations(),
                field.equals("side") ? d.side() : r.side(),
                field.equals("qualities") ? d.qualities() : r.qualities(),
                field.equals("intensity") ? d.intensity() : r.intensity(),
                field.equals("onset") ? d.onset() : r.onset(),
                field.equals("daysSinceOnset") ? d.daysSinceOnset() : r.daysSinceOnset(),
                field.equals("aggravatingActivities") ? d.aggravatingActivities() : r.aggravatingActivities(),
                field.equals("signs") ? d.signs() : r.signs(),
                field.equals("history") ? d.history() : r.history(),
                field.equals("warningSigns") ? d.warningSigns() : r.warningSigns(),
                profile,
                field.equals("weeksOfConsistentWork") ? d.weeksOfConsistentWork() : r.weeksOfConsistentWork());
    }
}
