package dev.hipflex.tracking.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.common.problem.QueryParameters;
import dev.hipflex.tracking.domain.SessionCompletion;
import dev.hipflex.tracking.domain.SessionValidator;
import dev.hipflex.tracking.repository.SessionEntity;
import dev.hipflex.tracking.service.CatalogTerms;
import dev.hipflex.tracking.service.EscalationService;
import dev.hipflex.tracking.service.PlanAdjustments;
import dev.hipflex.tracking.service.SessionService;
import io.smallrye.mutiny.Uni;

/** The caller's sessions; the person is always the token's subject. */
@Path("/api/v1/me/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Sessions")
public class MySessionsResource {

    public record Page(List<JsonNode> items, int limit, int offset, Integer nextOffset) {
    }

    private final SessionService sessions;
    private final PlanAdjustments adjustments;
    private final EscalationService escalations;
    private final CatalogTerms catalog;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock;
    private final JsonWebToken token;

    public MySessionsResource(SessionService sessions, PlanAdjustments adjustments, EscalationService escalations,
            CatalogTerms catalog, OutboxRelay relay, ObjectMapper json, Clock clock, JsonWebToken token) {
        this.sessions = sessions;
        this.adjustments = adjustments;
        this.escalations = escalations;
        this.catalog = catalog;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a completed session", description = "201 with the session; the same sessionId and body "
            + "again answers the same, another body 409.")
    public Uni<Response> record(SessionCompletion session) {
        String person = token.getSubject();
        return catalog.get()
                .onFailure().transform(e -> new ProblemException(503, "Catalog unavailable",
                        "The exercise catalog cannot be reached right now; try again shortly", null))
                .chain(terms -> {
                    List<FieldError> errors = SessionValidator.validate(session, terms.exercises(), clock.instant());
                    if (!errors.isEmpty()) {
                        throw ProblemException.invalid(errors);
                    }
                    return sessions.record(person, session, terms);
                })
                .invoke(recorded -> {
                    if (recorded.created()) {
                        // Committed: its events wait in the outbox; send them now rather than on the relay's next tick.
                        relay.soon();
                    }
                })
                // Only feedback changes the adapting plan: sessions without it cost nothing more.
                .call(recorded -> recorded.created() && session.hasFeedback() ? adjustments.announce(person)
                        : Uni.createFrom().voidItem())
                .call(recorded -> recorded.created() && session.hasFeedback() ? escalations.escalate(person, null)
                        : Uni.createFrom().voidItem())
                .map(recorded -> Response.created(URI.create("/api/v1/me/sessions/" + session.sessionId()))
                        .type(MediaType.APPLICATION_JSON_TYPE).entity(view(recorded.body(), recorded.localDay()))
                        .build());
    }

    @GET
    @Operation(summary = "Your sessions, newest first", description = "from/to are local dates (inclusive); limit 1 to 100, offset")
    public Uni<Response> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDay = date("from", from, LocalDate.of(1970, 1, 1), errors);
        LocalDate toDay = date("to", to, LocalDate.of(9999, 12, 31), errors);
        int limitValue = QueryParameters.number("limit", limit, 20, 1, 100, errors);
        int offsetValue = QueryParameters.number("offset", offset, 0, 0, 1_000_000, errors);
        if (fromDay.isAfter(toDay)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // One more than asked tells whether there is a next page without counting them all.
        return sessions.of(token.getSubject(), fromDay, toDay, offsetValue, limitValue + 1).map(rows -> {
            boolean more = rows.size() > limitValue;
            List<JsonNode> items = rows.stream().limit(limitValue).map(this::view).toList();
            return Response.ok(new Page(items, limitValue, offsetValue, more ? offsetValue + limitValue : null)).build();
        });
    }

    private JsonNode view(SessionEntity session) {
        return view(session.body, session.localDay);
    }

    /** The session as stored, with the local day it counts for. */
    private JsonNode view(String body, LocalDate localDay) {
        try {
            ObjectNode view = (ObjectNode) json.readTree(body);
            view.put("localDay", localDay.toString());
            return view;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2026-11-23"));
            return fallback;
        }
    }
}
