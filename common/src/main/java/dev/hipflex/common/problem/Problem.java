package dev.hipflex.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code errors} names each bad field so that a client can show
 * the message next to the input that caused it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of no type of its own beyond its status (RFC 9457 "about:blank"). */
    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, instance, errors);
    }

    /** One invalid input: {@code field} is the JSON path or parameter name, as the client sent it. */
    public record FieldError(String field, String message) {
    }
}
