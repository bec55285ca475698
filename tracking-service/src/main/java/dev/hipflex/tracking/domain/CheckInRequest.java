package dev.hipflex.tracking.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hipflex.common.problem.Problem.FieldError;

/**
 * A pain check-in as the client sends it.
 *
 * @param checkInId client-generated, so that retries are idempotent
 * @param at when, with the person's offset (defaults to now)
 * @param pain numeric pain rating 0–10
 * @param notes optional, at most 500 characters; kept private to tracking
 * @param waking optional: true when this is the morning rating of pain on waking, which the adapting plan reads
 * @param warningSigns optional: warning signs the person has now, in triage's words; a new one escalates and goes to
 *        triage as a new symptom report
 */
public record CheckInRequest(UUID checkInId, OffsetDateTime at, String timeZone, Integer pain, String notes,
        // Left out of the body hash when absent, so a check-in sent before waking ratings existed matches its retry.
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean waking,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WarningSign> warningSigns) {

    public boolean isWaking() {
        return Boolean.TRUE.equals(waking);
    }

    /** The warning signs, none when absent. */
    public java.util.Set<WarningSign> signs() {
        return warningSigns == null || warningSigns.isEmpty() ? java.util.EnumSet.noneOf(WarningSign.class)
                : java.util.EnumSet.copyOf(warningSigns);
    }


    /** @param now the time the check-in arrives, for "not in the future" */
    public List<FieldError> validate(java.time.Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (checkInId == null) {
            errors.add(new FieldError("checkInId", "is required"));
        }
        if (timeZone == null) {
            errors.add(new FieldError("timeZone", "is required"));
        } else {
            try {
                java.time.ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            }
        }
        if (pain == null || pain < 0 || pain > 10) {
            errors.add(new FieldError("pain", "must be from 0 to 10"));
        }
        if (notes != null && notes.length() > 500) {
            errors.add(new FieldError("notes", "must be at most 500 characters"));
        }
        if (warningSigns != null && warningSigns.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("warningSigns", "must not contain null entries"));
        } else if (warningSigns != null && signs().size() != warningSigns.size()) {
            errors.add(new FieldError("warningSigns", "must not name a sign twice"));
        }
        if (at != null && at.toInstant().isAfter(now.plusSeconds(600))) {
            errors.add(new FieldError("at", "must not be in the future"));
        }
        return errors;
    }
}
