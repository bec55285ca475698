package dev.hipflex.common.problem;

import java.util.List;

/**
 * A service's own checks of a request body type, as a CDI bean: when some values of a body could not be read,
 * {@link BodyBinding} runs them over the rest of the body, so that the one problem it answers names every bad field,
 * the unreadable ones and the invalid ones alike.
 */
public interface BodyCheck<T> {

    /** The body type checked. */
    Class<T> type();

    /** Every invalid field of {@code body}; the fields that could not be read are absent (null) in it. */
    List<Problem.FieldError> check(T body);
}
