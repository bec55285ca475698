package dev.hipflex.tracking.domain;

/**
 * A general clinical warning sign for hip and groin pain, in triage's words (its {@code SymptomReport.WarningSign}
 * and the {@code warningSigns} of symptom-reports/v1), so a sign reported at a check-in goes to triage unchanged.
 */
public enum WarningSign implements Word {
    NIGHT_OR_REST_PAIN, PAIN_WHEN_HOPPING, RECENT_BIG_JUMP_IN_RUNNING_LOAD, RECENT_FALL_OR_INJURY, FEVER_OR_UNWELL,
    HOT_SWOLLEN_HIP, UNEXPLAINED_WEIGHT_LOSS, PAST_CANCER
}
