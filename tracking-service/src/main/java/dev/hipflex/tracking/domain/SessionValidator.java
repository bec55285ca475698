package dev.hipflex.tracking.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.hipflex.common.problem.Problem.FieldError;

/** Checks a session field by field; returns every problem, each naming its field. */
public final class SessionValidator {

    /** Beyond clock skew, a session "from the future" is a client bug. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
    private static final Duration OLDEST = Duration.ofDays(400);

    private SessionValidator() {
    }

    public static List<FieldError> validate(SessionCompletion s, Set<String> knownExercises, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (s == null) {
            errors.add(new FieldError("body", "a session is required"));
            return errors;
        }
        if (s.sessionId() == null) {
            errors.add(new FieldError("sessionId", "is required"));
        }
        if (s.startedAt() == null) {
            errors.add(new FieldError("startedAt", "is required"));
        } else {
            Instant start = s.startedAt().toInstant();
            if (start.isAfter(now.plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError("startedAt", "must not be in the future"));
            } else if (start.isBefore(now.minus(OLDEST))) {
                errors.add(new FieldError("startedAt", "must be within the last 400 days"));
            }
            if (s.endedAt() != null && !s.endedAt().isAfter(s.startedAt())) {
                errors.add(new FieldError("endedAt", "must be after startedAt"));
            }
        }
        if (s.timeZone() == null) {
            errors.add(new FieldError("timeZone", "is required"));
        } else {
            try {
                ZoneId.of(s.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            }
        }
        range(errors, "minutes", s.minutes(), 1, 240);
        if (s.phases() == null || s.phases().isEmpty()) {
            errors.add(new FieldError("phases", "needs at least one of release, stretch, strengthen"));
        } else if (s.phases().stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("phases", "must not contain null entries"));
        }
        if (s.exercises() == null) {
            errors.add(new FieldError("exercises", "is required (it may be empty)"));
        } else {
            for (int i = 0; i < s.exercises().size(); i++) {
                String exercise = s.exercises().get(i);
                if (exercise == null || !knownExercises.contains(exercise)) {
                    errors.add(new FieldError("exercises[" + i + "]", "is not an exercise of the catalog"));
                }
            }
        }
        if (s.sides() == null) {
            errors.add(new FieldError("sides", "is required"));
        }
        range(errors, "painBefore", s.painBefore(), 0, 10);
        range(errors, "painAfter", s.painAfter(), 0, 10);
        if (s.painDuring() != null) {
            range(errors, "painDuring", s.painDuring(), 0, 10);
        } else if (s.painKind() != null) {
            errors.add(new FieldError("painKind", "tells what the worst pain during the session was: give painDuring too"));
        }
        return errors;
    }

    private static void range(List<FieldError> errors, String field, Integer value, int min, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value < min || value > max) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
    }
}
