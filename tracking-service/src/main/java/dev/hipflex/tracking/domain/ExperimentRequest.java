package dev.hipflex.tracking.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.hipflex.common.problem.Problem.FieldError;

/**
 * A root-cause experiment as the app starts it.
 *
 * @param checklistItem the root-cause checklist item the change belongs to (a catalog slug)
 * @param change what the person changes, in their own words (kept private to tracking, never on an event)
 * @param startDate the person's local date the baseline starts: today or up to {@value #LATEST_START_DAYS} days ahead
 * @param timeZone the person's IANA time zone, which decides what "today" is
 */
public record ExperimentRequest(String checklistItem, String change, LocalDate startDate, String timeZone) {

    public static final int SHORTEST_CHANGE = 3;
    public static final int LONGEST_CHANGE = 200;
    public static final int LATEST_START_DAYS = 14;

    /**
     * @param checklist the checklist items the catalog snapshot holds
     * @param today the person's local date now, or null when the time zone is unusable
     */
    public List<FieldError> validate(Set<String> checklist, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (checklistItem == null || checklistItem.isBlank()) {
            errors.add(new FieldError("checklistItem", "is required"));
        } else if (!checklist.contains(checklistItem)) {
            errors.add(new FieldError("checklistItem", "must be an item of the root-cause checklist ("
                    + (checklist.isEmpty() ? "not loaded from the catalog yet" : String.join(", ",
                            checklist.stream().sorted().toList())) + ")"));
        }
        String words = change == null ? "" : change.strip();
        if (words.length() < SHORTEST_CHANGE || words.length() > LONGEST_CHANGE) {
            errors.add(new FieldError("change", "must say what you change in " + SHORTEST_CHANGE + " to "
                    + LONGEST_CHANGE + " characters"));
        }
        if (timeZone == null) {
            errors.add(new FieldError("timeZone", "is required"));
        } else if (today == null) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        if (startDate == null) {
            errors.add(new FieldError("startDate", "is required"));
        } else if (today != null && (startDate.isBefore(today) || startDate.isAfter(today.plusDays(LATEST_START_DAYS)))) {
            errors.add(new FieldError("startDate", "must be from today (" + today + " in " + timeZone + ") to "
                    + LATEST_START_DAYS + " days ahead: the baseline begins then, with the plan held still"));
        }
        return errors;
    }

    /** The zone, or null when it is missing or not one. */
    public ZoneId zone() {
        try {
            return timeZone == null ? null : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
