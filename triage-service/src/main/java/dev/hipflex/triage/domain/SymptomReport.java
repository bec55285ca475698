package dev.hipflex.triage.domain;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What a person reports about their hip pain (PRODUCT.md, "Symptom report"). The same record comes
 * over REST and over the {@code symptom-reports} topic; {@link SymptomReportValidator} checks it in both places.
 *
 * @param reportId client-generated, so that retries are idempotent
 * @param userId the person's pseudonymous id (over REST it must be the token's subject)
 * @param reportedAt when, with the person's offset
 * @param timeZone the person's IANA time zone, e.g. Europe/Berlin
 * @param intensity numeric pain rating, 0 (none) to 10 (worst imaginable)
 * @param weeksOfConsistentWork optional: weeks of consistent protocol work so far
 * @param age the person's age in years; required over REST, may be missing from other producers' reports
 * @param startingIntensity the pain (0 to 10) when the person started the protocol: the baseline the no-improvement
 *        rule measures against. Required over REST whenever {@code weeksOfConsistentWork} is given. A report field
 *        rather than tracking's figures: triage judges a report on its own (the engine is a pure function of report
 *        and catalog), and people often start working on their hips before they use the app's tracking.
 * @param screening the questions a clinician asks beyond the articles' red flags; required over REST, may be missing
 *        (wholly or in part) from other producers' reports, and the recommendation then says what was not asked
 */
public record SymptomReport(UUID reportId, String userId, OffsetDateTime reportedAt, String timeZone,
        Set<PainLocation> painLocations, Side side, Set<PainQuality> qualities, Integer intensity, Onset onset,
        Integer daysSinceOnset, Set<Activity> aggravatingActivities, Set<Sign> signs, Set<History> history,
        Set<WarningSign> warningSigns, Profile profile, Integer weeksOfConsistentWork, Integer age,
        Integer startingIntensity, Screening screening) {

    /** The same report, as the given person's. */
    public SymptomReport withUserId(String person) {
        return new SymptomReport(reportId, person, reportedAt, timeZone, painLocations, side, qualities, intensity,
                onset, daysSinceOnset, aggravatingActivities, signs, history, warningSigns, profile,
                weeksOfConsistentWork, age, startingIntensity, screening);
    }

    public enum PainLocation implements Word {
        FRONT_OF_HIP, GROIN, OUTER_HIP, FRONT_OF_THIGH, LOW_BACK, KNEE, BUTTOCK_SI
    }

    public enum Side implements Word {
        LEFT, RIGHT, BOTH
    }

    public enum PainQuality implements Word {
        DULL_ACHE, TIGHTNESS, SHARP, BURNING, PINCHING, SNAPPING
    }

    public enum Onset implements Word {
        GRADUAL, SUDDEN_DURING_EXERCISE
    }

    public enum Activity implements Word {
        SITTING, STANDING_UP, RUNNING, STAIRS, DEEP_SQUAT, LIFTING_THE_KNEE, SLEEPING
    }

    /** Neurological and mechanical signs, and whether the leg takes weight. */
    public enum Sign implements Word {
        NUMBNESS, TINGLING, RADIATING_DOWN_THE_LEG, CLICKING_CATCHING_LOCKING, LIMPING, CANNOT_BEAR_WEIGHT
    }

    public enum History implements Word {
        HIP_SURGERY_OR_STRUCTURAL_ISSUE, PREGNANCY, ABDOMINAL_CONDITION
    }

    /** General warning signs beyond the articles (general clinical guidance for hip and groin pain). */
    public enum WarningSign implements Word {
        /**
         * Only older producers send it: "night or rest pain" cannot tell pain on lying on the sore side (common, not a
         * flag) from constant pain (a flag), so night pain is asked as two screening questions,
         * {@link Screening#painOnlyWhenLyingOnIt} and {@link Screening#constantPainDayAndNight}. A new report over
         * REST with it is refused ({@link SymptomReportValidator#validateNew}); on the topic it is still read, as
         * constant pain (the careful reading).
         */
        NIGHT_OR_REST_PAIN,
        PAIN_WHEN_HOPPING, RECENT_BIG_JUMP_IN_RUNNING_LOAD, RECENT_FALL_OR_INJURY,
        FEVER_OR_UNWELL, HOT_SWOLLEN_HIP, UNEXPLAINED_WEIGHT_LOSS, PAST_CANCER;

        /** The words the symptom check no longer asks and a new report over REST may not carry. */
        public static final Set<WarningSign> ONLY_FROM_OLDER_PRODUCERS = Set.of(NIGHT_OR_REST_PAIN);
    }

    /**
     * @param hoursSittingPerDay 0 to 24
     * @param runningShoeAgeMonths optional, for runners
     * @param wantsDeepPsoasRelease the person asks for the deep lacrosse-ball psoas release (opt-in, never a default);
     *        optional, and missing means no
     */
    public record Profile(Boolean runner, Boolean deskWorker, Integer hoursSittingPerDay, Integer runningShoeAgeMonths,
            Boolean wearsRaisedHeels, Boolean wantsDeepPsoasRelease) {
    }

    /**
     * The screening questions a clinician would ask (PRODUCT.md part two, "Screening a clinician would do", item 1).
     * Every answer is required over REST; a report from another producer may leave any of them out (null), and the
     * rules then read it as not reported.
     *
     * @param caudaEquinaSigns saddle numbness, a new change in bladder or bowel, symptoms in both legs; empty for none
     * @param groinLump whether there is a lump in the groin, and whether it goes back in or stays out
     * @param groinLumpSigns how the lump is: painful, pulsing, with vomiting; empty without a lump
     * @param painIntoTesticle whether pain spreads into a testicle, and how it came on
     * @param bellyPain pain in the belly
     * @param painOnStraighteningTheHip pain when the hip is straightened (the leg taken back)
     * @param urinarySymptoms pain or burning when passing urine, needing to go more often, blood in the urine
     * @param medicalHistory what in the person's health changes what is safe: steroids, bones, blood, vessels, bowel
     * @param pregnancy whether the person is, or could be, pregnant
     * @param pregnancyWeeks the week of pregnancy (1 to 42), given exactly when {@code pregnancy} is {@code pregnant}
     * @param gaveBirthInLast3Months given birth in the last 3 months
     * @param painOnlyWhenLyingOnIt night pain only when lying on the sore side or curled up (common, not a flag)
     * @param constantPainDayAndNight constant pain, day and night, not eased by rest or a change of position (a flag)
     * @param fallSinceThePainBegan a fall since the pain began
     * @param achingHipsWithMorningStiffness both hips (or hips and shoulders) ache, and stay stiff for more than 45
     *        minutes after getting up
     */
    public record Screening(Set<CaudaEquinaSign> caudaEquinaSigns, GroinLump groinLump, Set<LumpSign> groinLumpSigns,
            PainIntoTesticle painIntoTesticle, Boolean bellyPain, Boolean painOnStraighteningTheHip,
            Boolean urinarySymptoms, Set<MedicalHistory> medicalHistory, Pregnancy pregnancy, Integer pregnancyWeeks,
            Boolean gaveBirthInLast3Months, Boolean painOnlyWhenLyingOnIt, Boolean constantPainDayAndNight,
            Boolean fallSinceThePainBegan, Boolean achingHipsWithMorningStiffness) {

        /** A report without any screening answer: what the rules read when a producer sent none. */
        public static final Screening NOT_ASKED = new Screening(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** Signs of pressure on the nerves at the base of the spine (cauda equina). */
    public enum CaudaEquinaSign implements Word {
        SADDLE_NUMBNESS, NEW_BLADDER_OR_BOWEL_CHANGE, SYMPTOMS_IN_BOTH_LEGS
    }

    public enum GroinLump implements Word {
        NONE, GOES_BACK_IN, STAYS_OUT
    }

    public enum LumpSign implements Word {
        PAINFUL, PULSES, WITH_VOMITING
    }

    public enum PainIntoTesticle implements Word {
        NONE, CAME_ON_SUDDENLY, CAME_ON_GRADUALLY
    }

    public enum MedicalHistory implements Word {
        LONG_TERM_STEROIDS, OSTEOPOROSIS, BLOOD_THINNERS, VASCULAR_DISEASE, INFLAMMATORY_BOWEL_DISEASE,
        RECENT_ABDOMINAL_OR_PELVIC_SURGERY
    }

    public enum Pregnancy implements Word {
        NOT_PREGNANT, POSSIBLY_PREGNANT, PREGNANT
    }
}
