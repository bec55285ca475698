package dev.hipflex.triage.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dev.hipflex.common.identity.PersonIds;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.triage.domain.SymptomReport.GroinLump;
import dev.hipflex.triage.domain.SymptomReport.Pregnancy;

/**
 * Checks a symptom report field by field, the same way for reports that arrive over REST and for
 * records other producers put on the topic. Returns every problem, each naming its field. A new report over REST must
 * also answer every screening question ({@link #validateNew}); on the topic a report without them is still triaged,
 * and the recommendation says what was not asked.
 */
public final class SymptomReportValidator {

    /** A report from the future beyond clock skew is a client bug. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
    private static final Duration OLDEST = Duration.ofDays(365);

    private SymptomReportValidator() {
    }

    public static List<FieldError> validate(SymptomReport r, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new FieldError("body", "a symptom report is required"));
            return errors;
        }
        required(errors, "reportId", r.reportId());
        if (required(errors, "userId", r.userId()) && !PersonIds.isPseudonymous(r.userId())) {
            errors.add(new FieldError("userId", PersonIds.RULE));
        }
        if (required(errors, "reportedAt", r.reportedAt())) {
            Instant at = r.reportedAt().toInstant();
            if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError("reportedAt", "must not be in the future"));
            } else if (at.isBefore(now.minus(OLDEST))) {
                errors.add(new FieldError("reportedAt", "must be within the last year"));
            }
        }
        if (required(errors, "timeZone", r.timeZone())) {
            try {
                ZoneId.of(r.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            }
        }
        nonEmpty(errors, "painLocations", r.painLocations());
        required(errors, "side", r.side());
        nonEmpty(errors, "qualities", r.qualities());
        range(errors, "intensity", r.intensity(), 0, 10, true);
        required(errors, "onset", r.onset());
        range(errors, "daysSinceOnset", r.daysSinceOnset(), 0, 3650, true);
        required(errors, "aggravatingActivities", r.aggravatingActivities());
        required(errors, "signs", r.signs());
        required(errors, "history", r.history());
        required(errors, "warningSigns", r.warningSigns());
        noNullEntries(errors, "painLocations", r.painLocations());
        noNullEntries(errors, "qualities", r.qualities());
        noNullEntries(errors, "aggravatingActivities", r.aggravatingActivities());
        noNullEntries(errors, "signs", r.signs());
        noNullEntries(errors, "history", r.history());
        noNullEntries(errors, "warningSigns", r.warningSigns());
        if (required(errors, "profile", r.profile())) {
            SymptomReport.Profile p = r.profile();
            required(errors, "profile.runner", p.runner());
            required(errors, "profile.deskWorker", p.deskWorker());
            range(errors, "profile.hoursSittingPerDay", p.hoursSittingPerDay(), 0, 24, true);
            range(errors, "profile.runningShoeAgeMonths", p.runningShoeAgeMonths(), 0, 240, false);
            required(errors, "profile.wearsRaisedHeels", p.wearsRaisedHeels());
        }
        range(errors, "weeksOfConsistentWork", r.weeksOfConsistentWork(), 0, 104, false);
        screening(errors, r);
        return errors;
    }

    /**
     * A new report, as the REST intake takes it: everything {@link #validate} checks, every screening question
     * answered (the age, the screening, the starting pain when weeks of work are given), and no warning sign that
     * only older producers send (night-or-rest-pain: night pain is the two screening questions now).
     */
    public static List<FieldError> validateNew(SymptomReport r, Instant now) {
        List<FieldError> errors = validate(r, now);
        if (r == null) {
            return errors;
        }
        required(errors, "age", r.age());
        if (r.warningSigns() != null) {
            r.warningSigns().stream().filter(SymptomReport.WarningSign.ONLY_FROM_OLDER_PRODUCERS::contains)
                    .map(sign -> new FieldError("warningSigns", "'" + sign.word() + "' is no longer asked: night "
                            + "pain is two questions, screening.painOnlyWhenLyingOnIt (only when lying on the sore "
                            + "side) and screening.constantPainDayAndNight (all the time, whatever the position); "
                            + "answer those instead"))
                    .forEach(errors::add);
        }
        if (r.weeksOfConsistentWork() != null) {
            required(errors, "startingIntensity", r.startingIntensity());
        }
        if (r.profile() != null) {
            required(errors, "profile.wantsDeepPsoasRelease", r.profile().wantsDeepPsoasRelease());
        }
        if (required(errors, "screening", r.screening())) {
            SymptomReport.Screening s = r.screening();
            required(errors, "screening.caudaEquinaSigns", s.caudaEquinaSigns());
            required(errors, "screening.groinLump", s.groinLump());
            required(errors, "screening.groinLumpSigns", s.groinLumpSigns());
            required(errors, "screening.painIntoTesticle", s.painIntoTesticle());
            required(errors, "screening.bellyPain", s.bellyPain());
            required(errors, "screening.painOnStraighteningTheHip", s.painOnStraighteningTheHip());
            required(errors, "screening.urinarySymptoms", s.urinarySymptoms());
            required(errors, "screening.medicalHistory", s.medicalHistory());
            if (required(errors, "screening.pregnancy", s.pregnancy()) && s.pregnancy() == Pregnancy.PREGNANT) {
                required(errors, "screening.pregnancyWeeks", s.pregnancyWeeks());
            }
            required(errors, "screening.gaveBirthInLast3Months", s.gaveBirthInLast3Months());
            required(errors, "screening.painOnlyWhenLyingOnIt", s.painOnlyWhenLyingOnIt());
            required(errors, "screening.constantPainDayAndNight", s.constantPainDayAndNight());
            required(errors, "screening.fallSinceThePainBegan", s.fallSinceThePainBegan());
            required(errors, "screening.achingHipsWithMorningStiffness", s.achingHipsWithMorningStiffness());
        }
        return errors;
    }

    /** What is given of the screening must make sense, whoever sent it; what is missing is checked by validateNew. */
    private static void screening(List<FieldError> errors, SymptomReport r) {
        range(errors, "age", r.age(), 0, 120, false);
        range(errors, "startingIntensity", r.startingIntensity(), 0, 10, false);
        SymptomReport.Screening s = r.screening();
        if (s == null) {
            return;
        }
        noNullEntries(errors, "screening.caudaEquinaSigns", s.caudaEquinaSigns());
        noNullEntries(errors, "screening.groinLumpSigns", s.groinLumpSigns());
        noNullEntries(errors, "screening.medicalHistory", s.medicalHistory());
        if (s.groinLump() == GroinLump.NONE && s.groinLumpSigns() != null && !s.groinLumpSigns().isEmpty()) {
            errors.add(new FieldError("screening.groinLumpSigns", "must be empty when there is no groin lump"));
        }
        range(errors, "screening.pregnancyWeeks", s.pregnancyWeeks(), 1, 42, false);
        if (s.pregnancyWeeks() != null && s.pregnancy() != Pregnancy.PREGNANT) {
            errors.add(new FieldError("screening.pregnancyWeeks", "is given only when pregnancy is pregnant"));
        }
    }

    private static boolean required(List<FieldError> errors, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        return true;
    }

    private static void nonEmpty(List<FieldError> errors, String field, Collection<?> values) {
        if (required(errors, field, values) && values.isEmpty()) {
            errors.add(new FieldError(field, "needs at least one entry"));
        }
    }

    /** A list given with a null in it ({@code ["groin", null]}) is refused: every entry must be a word. */
    private static void noNullEntries(List<FieldError> errors, String field, Collection<?> values) {
        if (values != null && values.stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError(field, "must not contain null entries"));
        }
    }

    private static void range(List<FieldError> errors, String field, Integer value, int min, int max, boolean needed) {
        if (value == null) {
            if (needed) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value < min || value > max) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
    }
}
