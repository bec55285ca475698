package dev.hipflex.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.json.StrictJson;

/**
 * A body Jackson cannot bind is a 400 naming the field, also when Quarkus' JSON reader hands it on wrapped in a bare
 * 400 (it does so for everything but a MismatchedInputException, a number out of range among them).
 */
class JsonProblemsTest {

    record Profile(int hoursSittingPerDay) {
    }

    record Report(Integer pain, Profile profile, List<Integer> scores) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemMappers mappers = new ProblemMappers();

    JsonProblemsTest() {
        new StrictJson().customize(json);
    }

    @Test
    void numbersOutOfRangeNameTheirField() {
        assertThat(errors(wrapped("{\"pain\":2147483648}"))).containsExactly(new Problem.FieldError("pain", "is out of range"));
        assertThat(errors(wrapped("{\"pain\":99999999999999999999}"))).containsExactly(new Problem.FieldError("pain", "is out of range"));
        assertThat(errors(wrapped("{\"profile\":{\"hoursSittingPerDay\":-2147483649}}")))
                .containsExactly(new Problem.FieldError("profile.hoursSittingPerDay", "is out of range"));
        assertThat(errors(wrapped("{\"scores\":[1,2147483648]}"))).containsExactly(new Problem.FieldError("scores[1]", "is out of range"));
    }

    @Test
    void aNumberOutOfRangeReadOutsideBindingIsNamedWhereTheParserStood() throws Exception {
        try (JsonParser parser = json.createParser("{\"profile\":{\"limits\":[7,2147483648]}}")) {
            while (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < Integer.MAX_VALUE) {
                // to the big number
            }
            InputCoercionException e = catchThrowableOfType(InputCoercionException.class, parser::getIntValue);
            assertThat(ProblemMappers.fieldOf(e)).isEqualTo("profile.limits[1]");
        }
    }

    @Test
    void theOtherWrappedFailuresStayProblemsToo() {
        Response malformed = mappers.webApplication(new WebApplicationException(failure("{\"pain\":tru}"), 400), null);
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(problem(malformed).title()).isEqualTo("Malformed JSON");
        assertThat(problem(malformed).errors()).isNull();
        Response notFound = mappers.webApplication(new WebApplicationException(404), null);
        assertThat(problem(notFound).status()).isEqualTo(404);
    }

    private JsonProcessingException failure(String body) {
        return catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Report.class));
    }

    private Response wrapped(String body) {
        return mappers.webApplication(new WebApplicationException(failure(body), Response.Status.BAD_REQUEST), null);
    }

    private static Problem problem(Response response) {
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        return (Problem) response.getEntity();
    }

    private static List<Problem.FieldError> errors(Response response) {
        assertThat(response.getStatus()).isEqualTo(400);
        return problem(response).errors();
    }
}
