package dev.hipflex.common.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.hipflex.common.json.BindingErrors;

/**
 * Reads every request body so that one 400 names each bad field: the values that cannot be read (an unknown word,
 * an unknown field, a malformed date) are collected instead of failing at the first, and the service's
 * {@link BodyCheck} of the body type adds what is wrong with the rest. A body with any unreadable value never
 * reaches the resource.
 */
@Provider
public class BodyBinding implements ReaderInterceptor {

    private final Instance<BodyCheck<?>> checks;

    public BodyBinding(Instance<BodyCheck<?>> checks) {
        this.checks = checks;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        List<Problem.FieldError> unreadable = new ArrayList<>();
        Object body;
        try {
            body = BindingErrors.collecting(unreadable, context::proceed);
        } catch (JsonProcessingException e) {
            throw withUnreadable(unreadable, e, e);
        } catch (WebApplicationException e) {
            throw e.getCause() instanceof JsonProcessingException json ? withUnreadable(unreadable, json, e) : e;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (unreadable.isEmpty()) {
            return body;
        }
        throw ProblemException.invalid(BindingErrors.merge(unreadable, checked(body)));
    }

    /** A read that stopped at a value it could not go past: that value's error joins those collected before it. */
    private static <E extends Exception> RuntimeException withUnreadable(List<Problem.FieldError> unreadable,
            JsonProcessingException failure, E original) throws E {
        Problem.FieldError last = ProblemMappers.fieldErrorOf(failure);
        if (unreadable.isEmpty() || last == null) {
            throw original;
        }
        return ProblemException.invalid(BindingErrors.merge(unreadable, List.of(last)));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private List<Problem.FieldError> checked(Object body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body != null) {
            for (BodyCheck check : checks) {
                if (check.type().isInstance(body)) {
                    errors.addAll(check.check(body));
                }
            }
        }
        return errors;
    }
}
