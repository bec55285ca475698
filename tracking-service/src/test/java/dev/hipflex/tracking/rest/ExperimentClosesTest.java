package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A root-cause experiment whose days run out gets its result and its {@code experiment-results} event from the
 * periodic pass (ExperimentCloses), with no rating, reading or ending by the person: on the person's clock, not a day
 * early, and once. The service's clock is moved forward; the database and the broker are real.
 */
@QuarkusTest
class ExperimentClosesTest extends MovedClockTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void aChangePhaseWhoseDaysRunOutIsJudgedAndAnnouncedWithoutAVisit() throws Exception {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        LocalDate day0 = LocalDate.now(java.time.Clock.system(LOS_ANGELES));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("checklistItem", "socks", "change", "wool socks instead of cotton", "startDate",
                        day0.toString(), "timeZone", LOS_ANGELES.getId()))
                .post("/api/v1/me/experiments").then().statusCode(201);
        try (TopicReader results = new TopicReader("experiment-results")) {
            // A steady baseline of 7 mornings, so the change starts on day 7; then 3 mornings with it, and no more.
            for (int d = 0; d < 10; d++) {
                rate(token, day0.plusDays(d), d < 7 ? 5 : 2);
            }
            // Day 20 is the change phase's last possible day (7 days + 7 more while ratings are missing): still running.
            at(day0.plusDays(20), LocalTime.of(23, 0));
            awaitPasses(2);
            assertThat(storedResult(person)).isNull();
            assertThat(mine(results, person)).isEmpty();

            // Just after midnight where the person is: the phase has ended, judged on the 3 ratings it has.
            at(day0.plusDays(21), LocalTime.of(0, 30));
            List<JsonNode> announced = await().atMost(WAIT).until(() -> mine(results, person), e -> !e.isEmpty());
            assertThat(announced).singleElement().satisfies(e -> {
                JsonNode data = e.path("data");
                assertThat(data.path("outcome").asText()).isEqualTo("not-enough-data");
                assertThat(data.path("endReason").asText()).isEqualTo("completed");
                assertThat(data.path("changeFrom").asText()).isEqualTo(day0.plusDays(7).toString());
                assertThat(data.path("endDay").asText()).isEqualTo(day0.plusDays(20).toString());
                assertThat(data.path("changeRatings").asInt()).isEqualTo(3);
            });
            assertThat(storedResult(person)).isEqualTo("not-enough-data");

            // Later passes and the person's own look announce nothing more.
            awaitPasses(2);
            given().auth().oauth2(token).get("/api/v1/me/experiments").then().statusCode(200)
                    .body("items[0].phase", equalTo("ended")).body("items[0].running", equalTo(false))
                    .body("items[0].result.outcome", equalTo("not-enough-data"));
            assertThat(mine(results, person)).hasSize(1);
        }
    }

    private void at(LocalDate day, LocalTime time) {
        clock.moveTo(ZonedDateTime.of(day, time, LOS_ANGELES).toInstant());
    }

    /** Gives the waking rating of 07:00 on {@code day}, with the service's clock at 07:30 there. */
    private void rate(String token, LocalDate day, int pain) {
        at(day, LocalTime.of(7, 30));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("checkInId", UUID.randomUUID().toString(), "at",
                        ZonedDateTime.of(day, LocalTime.of(7, 0), LOS_ANGELES).toOffsetDateTime().toString(),
                        "timeZone", LOS_ANGELES.getId(), "pain", pain, "waking", true))
                .post("/api/v1/me/check-ins").then().statusCode(201);
    }

    /** Waits until {@code more} passes have finished that began after now. */
    private void awaitPasses(int more) {
        double before = passes("hipflex.experiment-closes.passes");
        await().atMost(WAIT).until(() -> passes("hipflex.experiment-closes.passes") >= before + more);
    }

    private String storedResult(String person) {
        return pool.preparedQuery("select result from experiment where user_id = $1").execute(Tuple.of(person))
                .await().atMost(WAIT).iterator().next().getString("result");
    }

    private static List<JsonNode> mine(TopicReader reader, String person) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        for (ConsumerRecord<String, String> r : reader.poll()) {
            if (person.equals(r.key())) {
                EventContracts.assertValid("experiment-results", r.key(), r.value());
                mine.add(JSON.readTree(r.value()));
            }
        }
        return mine;
    }
}
