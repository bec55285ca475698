package dev.hipflex.common.problem;

import java.util.List;

/** Thrown by services and resources to answer with a problem body instead of a result. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    private ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "Invalid request", detail, errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not found", "No " + what + " with id '" + id + "'", null);
    }

    public static ProblemException conflict(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(409, "Conflict", detail, errors);
    }

    /**
     * A conflict that resolves itself: what the request needs is on its way (an event not yet consumed), so the same
     * request succeeds after {@code retryAfterSeconds}; the answer carries {@code Retry-After}.
     */
    public static ProblemException notYet(String detail, Problem.FieldError error, int retryAfterSeconds) {
        return new ProblemException(409, "Not yet", detail, List.of(error), retryAfterSeconds);
    }

    /** Seconds after which the same request may succeed; null when retrying would not help. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
