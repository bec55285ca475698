package dev.hipflex.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.hipflex.common.problem.Problem.FieldError;

/** A request body's unreadable values are all named, each by its path, and reading goes on past them. */
class BindingErrorsTest {

    enum Place {
        FRONT_OF_HIP, GROIN;

        @JsonValue
        String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record Profile(Integer hours, Place worst) {
    }

    record Report(UUID id, List<Place> places, Place side, Integer intensity, OffsetDateTime at, Profile profile) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void everyUnreadableValueIsNamedAndTheReadableOnesAreRead() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Report report = BindingErrors.collecting(errors, () -> json.readValue("""
                {"id": "not-a-uuid", "places": ["groin", "elbow"], "side": "middle", "intensity": 14, "colour": {"a": [1]},
                 "at": [2026, 11, 20], "profile": {"hours": 9, "shoe": "old", "worst": 3}}""", Report.class));

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("id", "places[1]", "side", "colour", "at", "profile.worst", "profile.shoe");
        assertThat(errors).contains(new FieldError("places[1]", "'elbow' is not one of: front-of-hip, groin"),
                new FieldError("colour", "is not a known field"), new FieldError("profile.shoe", "is not a known field"));
        assertThat(report.intensity()).isEqualTo(14);
        assertThat(report.places()).hasSize(2).startsWith(Place.GROIN);
        assertThat(report.profile().hours()).isEqualTo(9);
        assertThat(report.side()).isNull();
    }

    @Test
    void outsideARequestBodyTheFirstBadValueStillFailsTheRead() {
        assertThatThrownBy(() -> json.readValue("{\"places\": [\"elbow\"], \"intensity\": 14}", Report.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void laterErrorsAboutAFieldAlreadyNamedOrItsPartsAreDropped() {
        List<FieldError> merged = BindingErrors.merge(List.of(new FieldError("places[1]", "'elbow' is not one of: groin")),
                List.of(new FieldError("places", "must not contain null entries"), new FieldError("intensity", "must be from 0 to 10"),
                        new FieldError("placesVisited", "is required")));
        assertThat(merged).extracting(FieldError::field).containsExactly("places[1]", "intensity", "placesVisited");
    }
}
