package dev.hipflex.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.util.RawValue;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.testsupport.EventJson;
import dev.hipflex.triage.messaging.TriageEvents;
import dev.hipflex.triage.service.ReportCodec;

/**
 * The pipeline writes each distinct plan and set of profile extras once and reuses that JSON, as UTF-8, and puts a
 * recommendation's JSON into its event as it is: over thousands of generated reports, every recommendation and every
 * event must still come out exactly as writing it afresh gives.
 */
class RecommendationJsonTest {

    private final ReportCodec codec = new ReportCodec(EventJson.mapper());

    @Test
    void reusedPartsGiveTheSameJsonAsWritingEveryRecommendationAfresh() {
        AtomicInteger checked = new AtomicInteger();
        ReportGenerator.forAll(20261123L, report -> {
            Recommendation recommendation = TriageEngine.recommend(report, CatalogFixture.catalog());
            String fresh = EventJson.write(recommendation);
            assertThat(codec.toJson(recommendation)).isEqualTo(fresh);
            assertThat(codec.toJson(recommendation)).as("written again from what was kept").isEqualTo(fresh);
            assertThat(new String(codec.toJsonBytes(recommendation), StandardCharsets.UTF_8)).as("as UTF-8").isEqualTo(fresh);
            checked.incrementAndGet();
        });
        assertThat(checked).hasValue(ReportGenerator.REPORTS_PER_PROPERTY);
    }

    @Test
    void anEventAroundWrittenJsonIsTheEventWritingItWholeGives() {
        OffsetDateTime madeAt = OffsetDateTime.of(2026, 12, 4, 9, 30, 15, 123_456_000, ZoneOffset.UTC);
        ReportGenerator.forAll(20261204L, report -> {
            Recommendation recommendation = TriageEngine.recommend(report, CatalogFixture.catalog());
            byte[] body = codec.toJsonBytes(recommendation);
            CloudEvent<Void> envelope = TriageEvents.recommendationMade(report.reportId(), madeAt);
            CloudEvent<RawValue> whole = new CloudEvent<>(envelope.specversion(), envelope.id(), envelope.source(),
                    envelope.type(), envelope.time(), envelope.subject(), envelope.datacontenttype(),
                    envelope.dataschema(), new RawValue(new String(body, StandardCharsets.UTF_8)));

            assertThat(new String(codec.withData(envelope, body), StandardCharsets.UTF_8)).isEqualTo(EventJson.write(whole));
        });
    }
}
