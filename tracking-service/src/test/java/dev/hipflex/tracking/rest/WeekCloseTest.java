package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.tracking.domain.WeekEnds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A plan week closes on the person's clock: one {@code adherence-updates} event with {@code trigger: week-closed} and
 * the week's final figures, never a second one on later passes. The service's clock is moved forward instead of
 * rewriting dates in the database.
 */
@QuarkusTest
class WeekCloseTest extends MovedClockTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void eachClosedWeekIsAnnouncedOnceWithItsFinalFigures() throws Exception {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        LocalDate start = startPlanInAuckland(token);
        try (TopicReader updates = new TopicReader("adherence-updates")) {
            // Noon on day 7: sessions on days 1–5 are in the past, week 1 has not ended yet.
            clock.moveTo(ZonedDateTime.of(start.plusDays(6), LocalTime.NOON, AUCKLAND).toInstant());
            for (int day = 0; day < 5; day++) {
                Map<String, Object> session = PlanAndSessionsTest.session(UUID.randomUUID(),
                        ZonedDateTime.of(start.plusDays(day), LocalTime.of(7, 30), AUCKLAND).toOffsetDateTime());
                session.put("timeZone", AUCKLAND.getId());
                given().auth().oauth2(token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions")
                        .then().statusCode(201);
            }
            List<JsonNode> afterSessions = await().atMost(WAIT)
                    .until(() -> mine(updates, person), events -> events.size() == 5);
            assertThat(afterSessions).allMatch(e -> e.path("data").path("trigger").asText().equals("session-recorded"));
            assertThat(stored(person, "week-closed")).isZero();

            // A minute after week 1 ended in Auckland.
            clock.moveTo(WeekEnds.end(start, AUCKLAND, 1).plusSeconds(60));
            JsonNode week1 = await().atMost(WAIT).until(() -> weekClosed(updates, person), events -> !events.isEmpty())
                    .get(0);
            assertThat(week1.path("type").asText()).isEqualTo("dev.hipflex.tracking.adherence.updated");
            JsonNode data = week1.path("data");
            assertThat(data.path("week").asInt()).isEqualTo(1);
            assertThat(data.path("expected").asInt()).isEqualTo(7);
            assertThat(data.path("done").asInt()).isEqualTo(5);
            assertThat(data.path("met").asBoolean()).isFalse();
            assertThat(data.path("asOf").asText()).isEqualTo(start.plusDays(7).toString());
            assertThat(data.path("planDay").asInt()).isEqualTo(8);

            // Later passes find the plan not due before week 2 ends.
            double passes = passes();
            await().atMost(WAIT).until(() -> passes() >= passes + 3);
            assertThat(stored(person, "week-closed")).isEqualTo(1);
            // Even a pass that looks at the plan again (as after a lost update) finds week 1 announced already.
            pool.preparedQuery("update plan set next_week_close_at = '2000-01-01Z' where user_id = $1")
                    .execute(Tuple.of(person)).await().atMost(WAIT);
            await().atMost(WAIT).until(() -> nextClose(person).equals(WeekEnds.end(start, AUCKLAND, 2).getEpochSecond()));
            assertThat(stored(person, "week-closed")).isEqualTo(1);

            clock.moveTo(WeekEnds.end(start, AUCKLAND, 2).plusSeconds(60));
            JsonNode week2 = await().atMost(WAIT)
                    .until(() -> weekClosed(updates, person), events -> events.size() >= 2).get(1);
            assertThat(week2.path("data").path("week").asInt()).isEqualTo(2);
            assertThat(week2.path("data").path("expected").asInt()).isEqualTo(7);
            assertThat(week2.path("data").path("done").asInt()).isZero();
            double later = passes();
            await().atMost(WAIT).until(() -> passes() >= later + 3);
            assertThat(stored(person, "week-closed")).isEqualTo(2);
            assertThat(weekClosed(updates, person)).extracting(e -> e.path("data").path("week").asInt())
                    .containsExactly(1, 2);
        }
    }

    @Test
    void aPausedPlanClosesNoWeeks() {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        LocalDate start = startPlanInAuckland(token);
        given().auth().oauth2(token).post("/api/v1/me/plan/pause").then().statusCode(200);

        clock.moveTo(WeekEnds.end(start, AUCKLAND, 3).plusSeconds(60));
        double passes = passes();
        await().atMost(WAIT).until(() -> passes() >= passes + 3);

        assertThat(stored(person, "week-closed")).isZero();
    }

    @Test
    void someoneWhoStoppedLoggingIsNudgedOnceAWeekAsTheirWeeksClose() throws Exception {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        LocalDate start = startPlanInAuckland(token);
        try (TopicReader alerts = new TopicReader("recovery-alerts")) {
            // Three weeks without a session, and no session to raise the nudge on: the week's close raises it.
            clock.moveTo(WeekEnds.end(start, AUCKLAND, 3).plusSeconds(60));
            JsonNode nudge = await().atMost(WAIT).until(() -> mine(alerts, person), events -> !events.isEmpty()).get(0);
            assertThat(nudge.path("data").path("level").asText()).isEqualTo("consistency");
            assertThat(nudge.path("data").path("key").asText()).isEqualTo("consistency:week-4");

            double passes = passes();
            pool.preparedQuery("update plan set next_week_close_at = '2000-01-01Z' where user_id = $1")
                    .execute(Tuple.of(person)).await().atMost(WAIT);
            await().atMost(WAIT).until(() -> passes() >= passes + 3);
            assertThat(mine(alerts, person)).hasSize(1);

            // A week later, still nothing logged: that week's nudge, once.
            clock.moveTo(WeekEnds.end(start, AUCKLAND, 4).plusSeconds(60));
            await().atMost(WAIT).until(() -> mine(alerts, person), events -> events.size() >= 2);
            double later = passes();
            await().atMost(WAIT).until(() -> passes() >= later + 3);
            assertThat(mine(alerts, person)).extracting(e -> e.path("data").path("key").asText())
                    .containsExactly("consistency:week-4", "consistency:week-5");
        }
    }

    /** Starts the person's plan today in Auckland; answers its start date. */
    private static LocalDate startPlanInAuckland(String token) {
        return LocalDate.parse(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("timeZone", AUCKLAND.getId())).post("/api/v1/me/plan/start").then().statusCode(200)
                .extract().path("startDate"));
    }

    /** The plan's next week close in epoch seconds, or null. */
    private Long nextClose(String person) {
        return pool.preparedQuery("select extract(epoch from next_week_close_at)::bigint from plan where user_id = $1")
                .execute(Tuple.of(person)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private double passes() {
        return passes("hipflex.week-closes.passes");
    }

    /** How many adherence-updates events with this trigger the outbox holds for the person (sent or not). */
    private long stored(String person, String trigger) {
        return pool.preparedQuery("select count(*) from outbox_event where topic = 'adherence-updates'"
                + " and record_key = $1 and payload::jsonb -> 'data' ->> 'trigger' = $2")
                .execute(Tuple.of(person, trigger)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static List<JsonNode> mine(TopicReader updates, String person) {
        return updates.poll().stream().filter(r -> person.equals(r.key())).map(ConsumerRecord::value)
                .map(WeekCloseTest::read).toList();
    }

    private static List<JsonNode> weekClosed(TopicReader updates, String person) {
        return mine(updates, person).stream()
                .filter(e -> e.path("data").path("trigger").asText().equals("week-closed")).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
