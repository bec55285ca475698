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
 */
public record SymptomReport(UUID reportId, String userId, OffsetDateTime reportedAt, String timeZone,
        Set<PainLocation> painLocations, Side side, Set<PainQuality> qualities, Integer intensity, Onset onset,
        Integer daysSinceOnset, Set<Activity> aggravatingActivities, Set<Sign> signs, Set<History> history,
        Set<WarningSign> warningSigns, Profile profile, Integer weeksOfConsistentWork) {

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
        NIGHT_OR_REST_PAIN, PAIN_WHEN_HOPPING, RECENT_BIG_JUMP_IN_RUNNING_LOAD, RECENT_FALL_OR_INJURY,
        FEVER_OR_UNWELL, HOT_SWOLLEN_HIP, UNEXPLAINED_WEIGHT_LOSS, PAST_CANCER
    }

    /**
     * @param hoursSittingPerDay 0 to 24
     * @param runningShoeAgeMonths optional, for runners
     */
    public record Profile(Boolean runner, Boolean deskWorker, Integer hoursSittingPerDay, Integer runningShoeAgeMonths,
            Boolean wearsRaisedHeels) {
    }
}
