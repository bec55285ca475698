package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * People who follow the self-care plan, from the catalog to adherence and recovery alerts. Each one began
 * the routine some weeks ago and logs what they did: the plan is started on that date (as the app does
 * for someone who began before installing it), so weeks of sessions can be recorded now.
 */
class SelfCareJourneysTest extends JourneyTest {

    @Test
    void aDeskWorkerFollowsThePlanForThreeWeeksAndGetsBetter() {
        Person person = new Person(platform, ZoneId.of("Europe/Berlin"));
        // Browsing the catalog, as the app's library screen does.
        person.to("catalog").get("/api/v1/exercises?category=stretch").then().statusCode(200);
        JsonPath protocol = person.to("catalog").get("/api/v1/protocols/complete-release-protocol").then().statusCode(200)
                .extract().jsonPath();
        assertThat(protocol.getList("phases")).isNotEmpty();

        Map<String, Object> report = person.report(Map.of());
        JsonPath recommendation = person.reportAndAwaitRecommendation(report);
        assertThat(recommendation.getString("level")).isEqualTo("self-care");
        assertThat(recommendation.getList("likelyMuscles.muscle", String.class)).isNotEmpty();
        assertThat(recommendation.getList("likelyMuscles.pointedBy")).allSatisfy(evidence -> assertThat((List<?>) evidence).isNotEmpty());
        assertThat(recommendation.getList("plan.phases.phase", String.class)).containsExactly("release", "stretch", "strengthen");
        assertThat(recommendation.getList("plan.phases.items.flatten().dose")).allSatisfy(dose -> assertThat(dose).isNotNull());
        assertThat(recommendation.getString("extras.movementBreaks.protocol")).isEqualTo("movement-breaks");
        JsonPath plan = person.awaitPlanFrom((String) report.get("reportId"));
        assertThat(plan.getString("status")).isEqualTo("active");
        List<String> exercises = plan.getList("exercises", String.class);

        LocalDate start = LocalDate.now(person.zone).minusDays(20);
        person.to("tracking").body(Map.of("timeZone", person.zone.getId(), "startDate", start.toString()))
                .post("/api/v1/me/plan/start").then().statusCode(200);
        List<Integer> days = new ArrayList<>();
        for (int day = 0; day < 14; day++) {
            days.add(day);
        }
        days.addAll(List.of(14, 16, 18));
        List<String> sessions = new ArrayList<>();
        for (int day : days) {
            // Pain before each session falls from 5 to 2 over the three weeks.
            int pain = day < 7 ? 5 : day < 14 ? 4 : 2;
            sessions.add(person.recordSession(start.plusDays(day), LocalTime.of(18, 30), exercises, pain, pain));
            if (day % 7 == 0) {
                person.checkIn(start.plusDays(day), pain);
            }
        }

        JsonPath adherence = person.to("tracking").get("/api/v1/me/adherence").then().statusCode(200).extract().jsonPath();
        assertThat(adherence.getList("weeks.done", Integer.class).subList(0, 3)).containsExactly(7, 7, 3);
        assertThat(adherence.getList("weeks.met", Boolean.class).subList(0, 3)).containsOnly(true);
        assertThat(adherence.getDouble("overallPercent")).isEqualTo(100.0);
        assertThat(adherence.getString("currentStage.slug")).isEqualTo("weeks-2-4");
        assertThat(adherence.getInt("longestStreak")).as("days 1 to 15 in a row").isEqualTo(15);
        assertThat(adherence.getString("painTrend.direction")).isEqualTo("improving");
        assertThat(adherence.getBoolean("painTrend.meaningful")).isTrue();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(analytics.events("symptom-reports", person.id)).hasSize(1);
            assertThat(analytics.events("recommendations", person.id)).hasSize(1);
            // Every session, once, in the order it was recorded.
            assertThat(analytics.events("session-completions", person.id)).extracting(r -> subjectOf(r))
                    .containsExactlyElementsOf(sessions);
            assertThat(analytics.events("adherence-updates", person.id)).hasSizeGreaterThanOrEqualTo(sessions.size());
        });
        assertThat(analytics.events("recovery-alerts", person.id)).as("improving: no alert").isEmpty();
    }

    @Test
    void sixWeeksOfConsistentWorkWithPainStuckAtFiveRaisesOneAlertToSeeAProfessional() {
        Person person = new Person(platform, ZoneId.of("Pacific/Auckland"));
        Map<String, Object> report = person.report(Map.of());
        person.reportAndAwaitRecommendation(report);
        List<String> exercises = person.awaitPlanFrom((String) report.get("reportId")).getList("exercises", String.class);

        LocalDate start = LocalDate.now(person.zone).minusDays(41);
        person.to("tracking").body(Map.of("timeZone", person.zone.getId(), "startDate", start.toString()))
                .post("/api/v1/me/plan/start").then().statusCode(200);
        int sessions = 0;
        for (int day = 0; day < 42; day++) {
            boolean sessionDay = day < 14 || day % 7 == 0 || day % 7 == 2 || day % 7 == 4;
            if (sessionDay) {
                person.recordSession(start.plusDays(day), LocalTime.of(7, 15), exercises, 5, 5);
                sessions++;
            }
            if (day % 7 == 1) {
                person.checkIn(start.plusDays(day), 5);
            }
        }

        JsonPath adherence = person.to("tracking").get("/api/v1/me/adherence").then().statusCode(200).extract().jsonPath();
        assertThat(adherence.getDouble("overallPercent")).isGreaterThanOrEqualTo(80.0);
        assertThat(adherence.getBoolean("painTrend.meaningful")).isFalse();

        await().atMost(Duration.ofSeconds(60)).until(() -> !seeProfessionalAlerts(person).isEmpty());
        // Later sessions must not raise it again: each session's update comes with any alert it raises (one
        // transaction), so once the update of the last session is in, a second alert would be too.
        ZonedDateTime halfAnHourAgo = ZonedDateTime.now(person.zone).minusMinutes(30).withNano(0);
        person.recordSession(halfAnHourAgo.toLocalDate(), halfAnHourAgo.toLocalTime(), exercises, 5, 5);
        int recorded = sessions + 1;
        await().atMost(Duration.ofSeconds(60)).until(() -> analytics.events("adherence-updates", person.id).stream()
                .filter(r -> "session-recorded".equals(JsonPath.from(r.value()).getString("data.trigger"))).count() >= recorded);
        // Known and left for the tracking issue: logging six weeks after the fact, the figures "as of today" of the
        // early sessions show the later weeks empty, which raises a consistency nudge on the way; only the
        // see-professional alert is this journey's subject.
        List<ConsumerRecord<String, String>> alerts = seeProfessionalAlerts(person);
        assertThat(alerts).hasSize(1);
        JsonPath alert = JsonPath.from(alerts.get(0).value());
        assertThat(alert.getString("data.level")).isEqualTo("see-professional");
        assertThat(alert.getString("data.reason")).isNotBlank();
    }

    private static List<ConsumerRecord<String, String>> seeProfessionalAlerts(Person person) {
        return analytics.events("recovery-alerts", person.id).stream()
                .filter(r -> "see-professional".equals(JsonPath.from(r.value()).getString("data.level"))).toList();
    }

    private static String subjectOf(ConsumerRecord<String, String> record) {
        return JsonPath.from(record.value()).getString("subject");
    }
}
