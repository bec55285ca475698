package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Reports that must not be answered with a plain self-care plan, through the whole platform. */
class RedFlagJourneysTest extends JourneyTest {

    @Test
    void aRunnerWithSuddenSharpPainDuringASprintIsSentToAProfessionalFirst() {
        Person runner = new Person(platform, ZoneId.of("America/New_York"));
        Map<String, Object> report = runner.report(Map.of(
                "onset", "sudden-during-exercise",
                "qualities", List.of("sharp"),
                "intensity", 7,
                "daysSinceOnset", 1,
                "aggravatingActivities", List.of("running", "lifting-the-knee"),
                "profile", Map.of("runner", true, "deskWorker", false, "hoursSittingPerDay", 3, "runningShoeAgeMonths", 5,
                        "wearsRaisedHeels", false, "wantsDeepPsoasRelease", false)));

        JsonPath recommendation = runner.reportAndAwaitRecommendation(report);

        assertThat(recommendation.getString("level")).isEqualTo("see-professional");
        assertThat(recommendation.getList("reasons.rule", String.class)).contains("RF-SUDDEN-ONSET");
        assertThat(recommendation.getList("explanation.rules.rule", String.class)).contains("RF-SUDDEN-ONSET");
        assertThat(recommendation.getBoolean("plan.noRunningUntilSeen")).isTrue();

        JsonPath plan = runner.awaitPlanFrom((String) report.get("reportId"));
        assertThat(plan.getString("status")).isEqualTo("see-professional-first");
        assertThat(plan.getString("level")).isEqualTo("see-professional");

        // Analytics sees the report and its recommendation, each valid against its contract.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(analytics.events("symptom-reports", runner.id)).hasSize(1);
            assertThat(analytics.events("recommendations", runner.id)).hasSize(1);
        });
    }

    @Test
    void duringPregnancyTheDeepPsoasReleaseIsLeftOutAndTheRecommendationSaysWhy() {
        Person person = new Person(platform, ZoneId.of("Europe/Berlin"));
        Map<String, Object> report = person.report(Map.of("history", List.of("pregnancy")));

        JsonPath recommendation = person.reportAndAwaitRecommendation(report);

        List<Map<String, Object>> excluded = recommendation.getList("excluded");
        assertThat(excluded).anySatisfy(exclusion -> {
            assertThat(exclusion.get("exercise")).isEqualTo("lacrosse-ball-psoas-release");
            assertThat(exclusion.get("condition")).isEqualTo("pregnancy");
            assertThat((String) exclusion.get("reason")).isNotBlank();
        });
        assertThat(recommendation.getList("plan.phases.items.exercise").toString())
                .doesNotContain("lacrosse-ball-psoas-release");
        assertThat(recommendation.getList("reasons.rule", String.class)).contains("CA-PREGNANCY");
        assertThat(person.awaitPlanFrom((String) report.get("reportId")).getList("exercises", String.class))
                .isNotEmpty().doesNotContain("lacrosse-ball-psoas-release");
    }
}
