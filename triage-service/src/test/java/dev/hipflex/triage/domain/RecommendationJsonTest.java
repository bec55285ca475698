package dev.hipflex.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.util.RawValue;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.common.events.Sha256;
import dev.hipflex.testsupport.EventJson;
import dev.hipflex.triage.messaging.TriageEvents;
import dev.hipflex.triage.service.ReportCodec;
import dev.hipflex.triage.service.ReportCodec.RecommendationJson;

/**
 * The pipeline writes each distinct plan and set of profile extras once and reuses that JSON, as UTF-8, stores it
 * apart from the rest of the recommendation, puts the parts together again, and puts a recommendation's JSON into its
 * event as it is: over thousands of generated reports, every recommendation and every event must still come out
 * exactly as writing it afresh gives.
 */
class RecommendationJsonTest {

    private final ReportCodec codec = new ReportCodec(EventJson.mapper());

    @Test
    void aRecommendationMadeBeforePartsWereStoredApartIsItsBody() {
        assertThat(ReportCodec.whole("{\"level\":\"self-care\"}", null, null)).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"level\":\"self-care\"}");
    }

    @Test
    void reusedPartsGiveTheSameJsonAsWritingEveryRecommendationAfresh() {
        AtomicInteger checked = new AtomicInteger();
        ReportGenerator.forAll(20261123L, report -> {
            Recommendation recommendation = TriageEngine.recommend(report, CatalogFixture.catalog());
            String fresh = EventJson.write(recommendation);
            RecommendationJson parts = codec.toJson(recommendation);
            assertThat(utf8(parts.whole())).isEqualTo(fresh);
            assertThat(utf8(codec.toJson(recommendation).whole())).as("written again from what was kept").isEqualTo(fresh);
            assertThat(utf8(ReportCodec.whole(utf8(parts.own()), utf8(parts.plan().json()), utf8(parts.extras().json()))))
                    .as("from the stored text").isEqualTo(fresh);
            assertThat(parts.plan().hash()).as("a plan is stored by the hash of its JSON")
                    .isEqualTo(Sha256.hex(EventJson.write(recommendation.plan())));
            assertThat(parts.extras().hash()).isEqualTo(Sha256.hex(EventJson.write(recommendation.extras())));
            assertThat(fieldsOf(parts.own())).as("the own part leaves the plan and extras out").doesNotContain("plan", "extras")
                    .contains("reportId", "level", "catalogVersion");
            checked.incrementAndGet();
        });
        assertThat(checked).hasValue(ReportGenerator.REPORTS_PER_PROPERTY);
    }

    @Test
    void anEventAroundWrittenJsonIsTheEventWritingItWholeGives() {
        OffsetDateTime madeAt = OffsetDateTime.of(2026, 12, 4, 9, 30, 15, 123_456_000, ZoneOffset.UTC);
        ReportGenerator.forAll(20261204L, report -> {
            Recommendation recommendation = TriageEngine.recommend(report, CatalogFixture.catalog());
            byte[] body = codec.toJson(recommendation).whole();
            CloudEvent<Void> envelope = TriageEvents.recommendationMade(report.reportId(), madeAt);
            CloudEvent<RawValue> whole = new CloudEvent<>(envelope.specversion(), envelope.id(), envelope.source(),
                    envelope.type(), envelope.time(), envelope.subject(), envelope.datacontenttype(),
                    envelope.dataschema(), new RawValue(new String(body, StandardCharsets.UTF_8)));

            assertThat(new String(codec.withData(envelope, body), StandardCharsets.UTF_8)).isEqualTo(EventJson.write(whole));
        });
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<String> fieldsOf(byte[] json) {
        try {
            List<String> names = new ArrayList<>();
            EventJson.mapper().readTree(json).fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
