package dev.hipflex.triage.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.CaudaEquinaSign;
import dev.hipflex.triage.domain.SymptomReport.GroinLump;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.LumpSign;
import dev.hipflex.triage.domain.SymptomReport.MedicalHistory;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainIntoTesticle;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Pregnancy;
import dev.hipflex.triage.domain.SymptomReport.Profile;
import dev.hipflex.triage.domain.SymptomReport.Screening;
import dev.hipflex.triage.domain.SymptomReport.Side;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/**
 * Seeded generator of valid symptom reports for property tests (jqwik does not run on this platform). Warning signs
 * and red-flag signs are rare enough that about half the reports carry none, so every level is well covered. About
 * one report in ten comes without screening answers, or without some of them, as other producers on the topic may
 * send it.
 */
final class ReportGenerator {

    static final int REPORTS_PER_PROPERTY = 5_000;

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC");

    private final Random random;
    /** Draws the screening answers, apart from {@link #random} (see {@link #next()}). */
    private final Random answers;
    /** Stretches values to the ends of their valid ranges, apart from both others (see {@link #toTheEnds}). */
    private final Random ends;

    ReportGenerator(long seed) {
        this.random = new Random(seed);
        this.answers = new Random(~seed);
        this.ends = new Random(seed * 31 + 17);
    }

    Random random() {
        return random;
    }

    /**
     * Checks a property on {@link #REPORTS_PER_PROPERTY} generated reports; a failure names the seed, the report's
     * index and the report, so it can be reproduced.
     */
    static void forAll(long seed, Consumer<SymptomReport> property) {
        forAll(seed, (report, random) -> property.accept(report));
    }

    /** As {@link #forAll(long, Consumer)}, for properties that need more randomness of their own (same seed). */
    static void forAll(long seed, BiConsumer<SymptomReport, Random> property) {
        ReportGenerator generator = new ReportGenerator(seed);
        for (int i = 0; i < REPORTS_PER_PROPERTY; i++) {
            SymptomReport report = generator.next();
            try {
                property.accept(report, generator.random);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed with seed " + seed + " at report #" + i + ": " + report, e);
            }
        }
    }

    SymptomReport next() {
        UUID reportId = new UUID(random.nextLong(), random.nextLong());
        OffsetDateTime reportedAt = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(random.nextInt(25) - 12))
                .plusMinutes(random.nextInt(525_600));
        Profile profile = new Profile(random.nextDouble() < 0.4, random.nextDouble() < 0.5, random.nextInt(17),
                random.nextBoolean() ? null : random.nextInt(25), random.nextDouble() < 0.2, null);
        SymptomReport r = new SymptomReport(reportId, "user-" + random.nextInt(1_000), reportedAt, pick(ZONES),
                subset(PainLocation.class, 0.3), pick(List.of(Side.values())), subset(PainQuality.class, 0.25),
                random.nextInt(11), random.nextDouble() < 0.2 ? Onset.SUDDEN_DURING_EXERCISE : Onset.GRADUAL,
                random.nextInt(366), subset(Activity.class, 0.3), subset(Sign.class, 0.06),
                subset(History.class, 0.06), subset(WarningSign.class, 0.05), profile,
                random.nextBoolean() ? null : random.nextInt(13), null, null, null);
        // The screening answers come from a random source of their own, so that every field that existed before
        // them is generated exactly as it was, and the fingerprints of rules that do not read them stay put.
        Profile withOptIn = new Profile(profile.runner(), profile.deskWorker(), profile.hoursSittingPerDay(),
                profile.runningShoeAgeMonths(), profile.wearsRaisedHeels(), maybe(answers.nextDouble() < 0.2));
        return toTheEnds(new SymptomReport(r.reportId(), r.userId(), r.reportedAt(), r.timeZone(), r.painLocations(),
                r.side(), r.qualities(), r.intensity(), r.onset(), r.daysSinceOnset(), r.aggravatingActivities(),
                r.signs(), r.history(), r.warningSigns(), withOptIn, r.weeksOfConsistentWork(),
                answers.nextDouble() < 0.05 ? null : age(),
                r.weeksOfConsistentWork() == null || answers.nextDouble() < 0.1 ? null : answers.nextInt(11),
                answers.nextDouble() < 0.05 ? null : screening()));
    }

    /**
     * The report with some values moved to the far ends of what the validator allows (ages up to 120, episodes up to
     * 10 years old, up to 104 weeks of work, 24 hours of sitting, shoes 20 years old) and now and then a starting
     * pain without weeks of work, which a producer may send. Each value moves only within the side of every threshold
     * a decision reads (under 18 or 50 and over; under 14, or 5 or fewer days; 4 weeks; 6 hours; 6 and 12 months), so
     * the decisions hold on exactly the reports they held on before, and the rule fingerprints stay put.
     */
    private SymptomReport toTheEnds(SymptomReport r) {
        Integer age = r.age() != null && r.age() >= 50 && ends.nextDouble() < 0.1 ? Integer.valueOf(100 + ends.nextInt(21)) : r.age();
        int days = r.daysSinceOnset() >= 14 && ends.nextDouble() < 0.05 ? 366 + ends.nextInt(3285) : r.daysSinceOnset();
        Integer weeks = r.weeksOfConsistentWork() != null && r.weeksOfConsistentWork() >= 4 && ends.nextDouble() < 0.1
                ? Integer.valueOf(13 + ends.nextInt(92)) : r.weeksOfConsistentWork();
        Integer starting = r.weeksOfConsistentWork() == null && ends.nextDouble() < 0.1 ? Integer.valueOf(ends.nextInt(11))
                : r.startingIntensity();
        Profile p = r.profile();
        int sitting = p.hoursSittingPerDay() >= 6 && ends.nextDouble() < 0.1 ? 17 + ends.nextInt(8)
                : p.hoursSittingPerDay();
        Integer shoes = p.runningShoeAgeMonths() != null && p.runningShoeAgeMonths() > 12 && ends.nextDouble() < 0.1
                ? Integer.valueOf(25 + ends.nextInt(216)) : p.runningShoeAgeMonths();
        Profile profile = new Profile(p.runner(), p.deskWorker(), sitting, shoes, p.wearsRaisedHeels(),
                p.wantsDeepPsoasRelease());
        return new SymptomReport(r.reportId(), r.userId(), r.reportedAt(), r.timeZone(), r.painLocations(), r.side(),
                r.qualities(), r.intensity(), r.onset(), days, r.aggravatingActivities(), r.signs(), r.history(),
                r.warningSigns(), profile, weeks, age, starting, r.screening());
    }

    /** Children, adults and people of 50 or over about equally often, so that age limits are well covered. */
    private int age() {
        return switch (answers.nextInt(3)) {
            case 0 -> answers.nextInt(18);
            case 1 -> 18 + answers.nextInt(32);
            default -> 50 + answers.nextInt(50);
        };
    }

    private Screening screening() {
        GroinLump lump = answers.nextDouble() < 0.85 ? GroinLump.NONE : pickAnswer(List.of(GroinLump.values()));
        Pregnancy pregnancy = maybe(answers.nextDouble() < 0.85 ? Pregnancy.NOT_PREGNANT
                : pickAnswer(List.of(Pregnancy.values())));
        return new Screening(maybe(answerSubset(CaudaEquinaSign.class, 0.03)), maybe(lump),
                maybe(lump == GroinLump.NONE ? EnumSet.noneOf(LumpSign.class) : answerSubset(LumpSign.class, 0.3)),
                maybe(answers.nextDouble() < 0.9 ? PainIntoTesticle.NONE : pickAnswer(List.of(PainIntoTesticle.values()))),
                flag(0.3), flag(0.3), flag(0.08), maybe(answerSubset(MedicalHistory.class, 0.06)), pregnancy,
                pregnancy == Pregnancy.PREGNANT ? 1 + answers.nextInt(42) : null, flag(0.06), flag(0.15), flag(0.05),
                flag(0.05), flag(0.05));
    }

    /** A yes with the given probability; now and then no answer at all. */
    private Boolean flag(double probability) {
        return maybe(answers.nextDouble() < probability);
    }

    private <T> T maybe(T answer) {
        return answers.nextDouble() < 0.01 ? null : answer;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pickAnswer(List<T> values) {
        return values.get(answers.nextInt(values.size()));
    }

    private <E extends Enum<E>> Set<E> answerSubset(Class<E> type, double probability) {
        return subset(answers, type, probability);
    }

    private <E extends Enum<E>> Set<E> subset(Class<E> type, double probability) {
        return subset(random, type, probability);
    }

    private static <E extends Enum<E>> Set<E> subset(Random source, Class<E> type, double probability) {
        Set<E> set = EnumSet.noneOf(type);
        for (E value : type.getEnumConstants()) {
            if (source.nextDouble() < probability) {
                set.add(value);
            }
        }
        return set;
    }
}
