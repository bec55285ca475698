package dev.hipflex.common.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.hipflex.common.json.BindingErrors;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 problem body, so that a client mistake is a clear 4xx naming
 * the field and only our own faults are 5xx.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = problemResponse(e.status(), e.title(), e.getMessage(), e.errors(), uri);
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", e.retryAfterSeconds().toString());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return problemResponse(400, "Invalid request", errors.size() + " field(s) are invalid", errors, uri);
    }

    /** Declared for the exact type, so that it wins over Quarkus' built-in mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        Problem.FieldError error = fieldErrorOf(e);
        if (error != null) {
            return problemResponse(400, "Invalid request", error.field() + " " + error.message(), List.of(error), uri);
        }
        return problemResponse(400, "Malformed JSON", "The request body is not valid JSON", null, uri);
    }

    /** The field a JSON failure is about and what is wrong with it; null for a syntax error, where no field is to blame. */
    static Problem.FieldError fieldErrorOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = pathOf(unknown);
            String field = parent.endsWith(unknown.getPropertyName()) ? parent
                    : parent.isEmpty() ? unknown.getPropertyName() : parent + "." + unknown.getPropertyName();
            return new Problem.FieldError(field, "is not a known field");
        }
        String field = fieldOf(e);
        if (field == null) {
            return null;
        }
        String message;
        if (e instanceof InvalidFormatException format) {
            message = "cannot be read as " + format.getTargetType().getSimpleName().toLowerCase()
                    + ": '" + format.getValue() + "'";
        } else if (outOfRange(e)) {
            message = "is out of range";
        } else {
            message = "has the wrong type or shape";
        }
        return new Problem.FieldError(field, message);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problemResponse(403, "Forbidden", "Your token does not allow this request", null, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus' JSON reader passes on only a MismatchedInputException as it is; every other JSON failure (a number
            // out of range, a syntax error) comes wrapped in a bare 400 that would not name the field.
            return unreadableJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return problemResponse(status, original.getStatusInfo().getReasonPhrase(), e.getMessage(), null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // Our fault but a passing one: say so, and when to try again, instead of a bare 500.
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.fromResponse(problemResponse(503, "Service Unavailable",
                    "Our database is briefly unavailable; nothing was changed, please try again shortly", null, uri))
                    .header(HttpHeaders.RETRY_AFTER, "2").build();
        }
        LOG.error("Unexpected failure", e);
        return problemResponse(500, "Internal error", "Something went wrong on our side; it has been logged", null, uri);
    }

    /**
     * True when the failure comes from PostgreSQL being away: a refused or broken connection, or the server
     * shutting down or starting up (SQLSTATE class 08 and 57P0x). A write on a connection the server has just
     * closed fails as a plain {@code IOException} ("Broken pipe"), not a {@code SocketException}; Jackson's
     * exceptions are {@code IOException}s too but are a client's mistake, mapped above.
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof java.io.IOException && !(e instanceof com.fasterxml.jackson.core.JacksonException)
                    || e instanceof io.vertx.sqlclient.ClosedConnectionException
                    || e instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (e instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(problemResponse(401, "Unauthorized",
                "A valid bearer token is required", null, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** Builds a problem response; usable outside exception mapping, for example by filters. */
    public static Response problemResponse(int status, String title, String detail, List<Problem.FieldError> errors,
            UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, instance, errors))
                .build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // The path starts with the method and parameter names ("create.request.name"); clients know only the body.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    /**
     * The field a JSON failure is about: the path Jackson records for a failure while binding, or for a number out of
     * range read outside binding, where the parser stood. Null for a syntax error, where no field is to blame.
     */
    static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return pathOf(mapping);
        }
        if (outOfRange(e) && e.getProcessor() instanceof JsonParser parser) {
            String path = BindingErrors.pathOf(parser.getParsingContext());
            return path.isEmpty() ? null : path;
        }
        return null;
    }

    private static boolean outOfRange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException) {
                return true;
            }
        }
        return false;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
