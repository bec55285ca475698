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
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Profile;
import dev.hipflex.triage.domain.SymptomReport.Side;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/**
 * Seeded generator of valid symptom reports for property tests (jqwik does not run on this platform). Warning signs
 * and red-flag signs are rare enough that about half the reports carry none, so every level is well covered.
 */
final class ReportGenerator {

    static final int REPORTS_PER_PROPERTY = 5_000;

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC");

    private final Random random;

    ReportGenerator(long seed) {
        this.random = new Random(seed);
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
                random.nextBoolean() ? null : random.nextInt(25), random.nextDouble() < 0.2);
        return new SymptomReport(reportId, "user-" + random.nextInt(1_000), reportedAt, pick(ZONES),
                subset(PainLocation.class, 0.3), pick(List.of(Side.values())), subset(PainQuality.class, 0.25),
                random.nextInt(11), random.nextDouble() < 0.2 ? Onset.SUDDEN_DURING_EXERCISE : Onset.GRADUAL,
                random.nextInt(366), subset(Activity.class, 0.3), subset(Sign.class, 0.06),
                subset(History.class, 0.06), subset(WarningSign.class, 0.05), profile,
                random.nextBoolean() ? null : random.nextInt(13));
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <E extends Enum<E>> Set<E> subset(Class<E> type, double probability) {
        Set<E> set = EnumSet.noneOf(type);
        for (E value : type.getEnumConstants()) {
            if (random.nextDouble() < probability) {
                set.add(value);
            }
        }
        return set;
    }
}
