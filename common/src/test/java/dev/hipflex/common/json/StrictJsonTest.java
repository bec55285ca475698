package dev.hipflex.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Date-times are read from ISO-8601 text only, as the JSON reader of every service reads them. */
class StrictJsonTest {

    record CheckIn(OffsetDateTime at, LocalDate startDate, Instant time) {
    }

    enum Phase { RELEASE, STRETCH, STRENGTHEN, WALK, RUN, HOLD, BALANCE, REST }

    record Session(java.util.Set<Phase> phases, java.util.Set<String> exercises) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void isoTextIsRead() throws Exception {
        CheckIn read = json.readValue("{\"at\":\"2026-11-20T23:30:00+01:00\",\"startDate\":\"2026-11-02\","
                + "\"time\":\"2026-11-20T22:30:00Z\"}", CheckIn.class);
        assertThat(read.at().toInstant()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 22, 30, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(read.startDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(read.time()).isEqualTo(Instant.parse("2026-11-20T22:30:00Z"));
        assertThat(json.readValue("{\"at\":null}", CheckIn.class).at()).isNull();
    }

    /** Java's time readers took each of these for a date: 12345 seconds since 1970, an epoch day, a [y, m, d] array. */
    @ParameterizedTest
    @ValueSource(strings = { "{\"at\":12345}", "{\"at\":12345.5}", "{\"at\":\"1700000000\"}", "{\"at\":\"\"}", "{\"at\":\" \"}",
            "{\"startDate\":20000}", "{\"startDate\":[2026,11,23]}", "{\"startDate\":\"\"}", "{\"time\":1700000000}",
            "{\"time\":\"-5\"}" })
    void numbersArraysAndEmptyTextAreRefusedNamingTheField(String body) {
        String field = body.substring(2, body.indexOf('"', 2));
        assertThatThrownBy(() -> json.readValue(body, CheckIn.class))
                .isInstanceOfSatisfying(JsonMappingException.class,
                        e -> assertThat(e.getPath()).singleElement().satisfies(ref -> assertThat(ref.getFieldName()).isEqualTo(field)));
    }

    /**
     * A session sent again to another instance must hash the same: its sets are read in their elements' natural order
     * (a hash set of enums iterates in an order that depends on the JVM), whatever order the client listed them in.
     */
    @Test
    void setsAreReadInNaturalOrderSoTheirJsonIsTheSameInEveryInstance() throws Exception {
        Session read = json.readValue("{\"phases\":[\"REST\",\"BALANCE\",\"HOLD\",\"RUN\",\"WALK\",\"STRENGTHEN\",\"STRETCH\",\"RELEASE\"],\"exercises\":[\"b\",\"c\",\"a\"]}",
                Session.class);
        // Eight constants given in reverse: a hash set would come out in their declared order by chance once in 40,320.
        assertThat(read.phases()).containsExactly(Phase.values());
        assertThat(json.writeValueAsString(read)).isEqualTo(json.writeValueAsString(
                json.readValue("{\"phases\":[\"RUN\",\"STRETCH\",\"REST\",\"WALK\",\"HOLD\",\"RELEASE\",\"BALANCE\",\"STRENGTHEN\"],\"exercises\":[\"c\",\"a\",\"b\"]}", Session.class)))
                .isEqualTo("{\"phases\":[\"RELEASE\",\"STRETCH\",\"STRENGTHEN\",\"WALK\",\"RUN\",\"HOLD\",\"BALANCE\",\"REST\"],\"exercises\":[\"a\",\"b\",\"c\"]}");
    }
}
