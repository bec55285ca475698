package dev.hipflex.triage.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.triage.domain.CatalogIndex;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.messaging.RecommendationFacts;
import dev.hipflex.triage.rest.Reports;
import dev.hipflex.triage.service.TriageService.Arrival;
import dev.hipflex.triage.service.TriageService.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What makes the pipeline exactly-once together with the Kafka transaction: a record read again at the
 * same position (its transaction aborted after the database commit) gets the very same event again, a
 * report seen at another position gets none, and neither stores a second recommendation.
 */
@QuarkusTest
class TriageServiceTest {

    @Inject
    TriageService triage;

    @Inject
    CatalogSnapshots catalogs;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Test
    void aRecordReadAgainAtTheSamePositionGetsTheSameEventAndADuplicateElsewhereGetsNone() throws Exception {
        CatalogIndex catalog = catalogs.index().await().indefinitely();
        String person = "p-" + UUID.randomUUID();
        SymptomReport first = report(person);
        SymptomReport second = report(person);
        List<Arrival> batch = List.of(new Arrival(first, 2, 40), new Arrival(second, 2, 41), new Arrival(first, 2, 42));

        Outcome made = triage.recommend(batch, catalog).await().indefinitely();
        assertThat(made.made()).isEqualTo(2);
        assertThat(made.duplicates()).as("the same report again within the batch").isEqualTo(1);
        assertThat(made.events()).extracting(e -> reportIdOf(e.event()))
                .containsExactly(first.reportId().toString(), second.reportId().toString());
        assertThat(made.events()).allSatisfy(e -> assertThat(e.key()).isEqualTo(person));

        Outcome redelivered = triage.recommend(List.of(new Arrival(first, 2, 40)), catalog).await().indefinitely();
        assertThat(redelivered.made()).isZero();
        assertThat(redelivered.events()).hasSize(1);
        assertThat(json.readTree(redelivered.events().get(0).event()))
                .as("the same event, id and time included").isEqualTo(json.readTree(made.events().get(0).event()));

        Outcome elsewhere = triage.recommend(List.of(new Arrival(first, 0, 40), new Arrival(second, 2, 99)), catalog)
                .await().indefinitely();
        assertThat(elsewhere.made()).isZero();
        assertThat(elsewhere.duplicates()).isEqualTo(2);
        assertThat(elsewhere.events()).isEmpty();
    }

    @Test
    void aLargeBatchKeepsItsOrderAndTellsNewRedeliveredAndDuplicateReportsApart() throws Exception {
        CatalogIndex catalog = catalogs.index().await().indefinitely();
        int size = 199;
        List<Arrival> first = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            first.add(new Arrival(report("p-" + UUID.randomUUID()), 1, 1_000 + i));
        }
        // Every fifth report was stored before at the same position (a redelivery), every seventh elsewhere (a duplicate).
        List<Arrival> before = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i % 5 == 0) {
                before.add(first.get(i));
            } else if (i % 7 == 0) {
                before.add(new Arrival(first.get(i).report(), 0, 77_000 + i));
            }
        }
        Outcome earlier = triage.recommend(before, catalog).await().indefinitely();
        assertThat(earlier.made()).isEqualTo(before.size());

        Outcome batch = triage.recommend(first, catalog).await().indefinitely();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i % 5 == 0 || i % 7 != 0) {
                expected.add(first.get(i).report().reportId().toString());
            }
        }
        long redelivered = before.stream().filter(a -> a.partition() == 1).count();
        assertThat(batch.made()).isEqualTo(size - before.size());
        assertThat(batch.duplicates()).isEqualTo(before.size() - redelivered);
        assertThat(batch.events()).extracting(e -> reportIdOf(e.event())).as("in the order the reports arrived")
                .containsExactlyElementsOf(expected);
        for (int i = 0; i < earlier.events().size(); i++) {
            String id = reportIdOf(earlier.events().get(i).event());
            if (before.get(i).partition() == 1) {
                byte[] again = batch.events().stream().filter(e -> reportIdOf(e.event()).equals(id)).findFirst()
                        .orElseThrow().event();
                assertThat(json.readTree(again)).as("a redelivery gets the stored event")
                        .isEqualTo(json.readTree(earlier.events().get(i).event()));
            }
        }
    }

    @Test
    void eachRecommendationReadsBackWholeWithItsPlanStoredOnceAndItsFactsAreWhatWasPublished() throws Exception {
        CatalogIndex catalog = catalogs.index().await().indefinitely();
        // Two kinds of report (a desk worker's dull ache, a runner's acute sharp pain).
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            Map<String, Object> body = Reports.deskWorker(UUID.randomUUID(), "p-" + UUID.randomUUID());
            if (i % 2 == 1) {
                body.put("qualities", List.of("sharp"));
                body.put("onset", "sudden-during-exercise");
                body.put("daysSinceOnset", 2);
                body.put("profile", Map.of("runner", true, "deskWorker", false, "hoursSittingPerDay", 3,
                        "wearsRaisedHeels", false));
            }
            arrivals.add(new Arrival(json.convertValue(body, SymptomReport.class), 3, 5_000 + i));
        }
        Outcome made = triage.recommend(arrivals, catalog).await().indefinitely();
        assertThat(made.made()).isEqualTo(arrivals.size());

        Set<String> plans = new HashSet<>();
        Map<String, JsonNode> published = new HashMap<>();
        for (var event : made.events()) {
            JsonNode data = json.readTree(event.event()).path("data");
            plans.add(data.path("plan").toString());
            published.put(data.path("reportId").asText(), data);
        }
        assertThat(plans).as("the two kinds of report have different plans").hasSize(2);

        UUID[] ids = arrivals.stream().map(a -> a.report().reportId()).toArray(UUID[]::new);
        RowSet<Row> shared = pool.preparedQuery("select count(distinct plan_part) as plans, count(plan_part) as stored"
                + " from recommendation where report_id = any($1)").execute(Tuple.of(ids)).await().indefinitely();
        assertThat(shared.iterator().next().getLong("stored")).as("every row names its plan").isEqualTo(arrivals.size());
        assertThat(shared.iterator().next().getLong("plans")).as("each of the two plans stored once").isEqualTo(2);
        RowSet<Row> rows = pool.preparedQuery("select report_id, body from recommendation_whole where report_id = any($1)")
                .execute(Tuple.of(ids)).await().indefinitely();
        assertThat(rows.size()).isEqualTo(arrivals.size());
        for (Row row : rows) {
            String body = row.getString("body");
            assertThat(json.readTree(body).path("reasons").get(0).path("text").asText()).as("stored with its words")
                    .isNotBlank();
            JsonNode facts = json.valueToTree(RecommendationFacts.of(json.readValue(body, Recommendation.class)));
            assertThat(facts).as("read back, its facts are what was published")
                    .isEqualTo(published.get(row.getUUID("report_id").toString()));
        }
    }

    private SymptomReport report(String person) {
        return json.convertValue(Reports.deskWorker(UUID.randomUUID(), person), SymptomReport.class);
    }

    private String reportIdOf(byte[] event) {
        try {
            JsonNode node = json.readTree(event);
            assertThat(node.path("subject").asText()).isEqualTo(node.path("data").path("reportId").asText());
            return node.path("data").path("reportId").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
