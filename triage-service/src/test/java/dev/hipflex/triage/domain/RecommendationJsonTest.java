package dev.hipflex.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.EventJson;
import dev.hipflex.triage.service.ReportCodec;

/**
 * The pipeline writes each distinct plan and set of profile extras once and reuses that JSON: over thousands of
 * generated reports, every recommendation must still come out exactly as writing it afresh gives.
 */
class RecommendationJsonTest {

    @Test
    void reusedPartsGiveTheSameJsonAsWritingEveryRecommendationAfresh() throws Exception {
        ReportCodec codec = new ReportCodec(EventJson.mapper());
        AtomicInteger checked = new AtomicInteger();
        ReportGenerator.forAll(20261123L, report -> {
            Recommendation recommendation = TriageEngine.recommend(report, CatalogFixture.catalog());
            String fresh = EventJson.write(recommendation);
            assertThat(codec.toJson(recommendation)).isEqualTo(fresh);
            assertThat(codec.toJson(recommendation)).as("written again from what was kept").isEqualTo(fresh);
            checked.incrementAndGet();
        });
        assertThat(checked).hasValue(ReportGenerator.REPORTS_PER_PROPERTY);
    }
}
