package dev.hipflex.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.EventJson;
import dev.hipflex.triage.messaging.TriageEvents;
import dev.hipflex.triage.service.ReportCodec;

/**
 * A recommendation is stored as its JSON and announced in an event of its facts; a record read again after an aborted
 * transaction is announced again from the stored JSON. Over thousands of generated reports, both events must be the
 * event that writing the recommendation's facts in their envelope afresh gives, byte for byte.
 */
class RecommendationJsonTest {

    private final ReportCodec codec = new ReportCodec(EventJson.mapper());

    @Test
    void anEventFromTheStoredJsonIsTheEventFromTheRecommendation() {
        OffsetDateTime madeAt = OffsetDateTime.of(2026, 12, 4, 9, 30, 15, 123_456_000, ZoneOffset.UTC);
        AtomicInteger checked = new AtomicInteger();
        ReportGenerator.forAll(20261204L, report -> {
            Recommendation recommendation = TriageEngine.recommend(report, CatalogFixture.catalog());
            String fresh = EventJson.write(TriageEvents.recommendationMade(madeAt, recommendation));
            String stored = codec.toJson(recommendation);

            assertThat(stored).as("stored as written afresh").isEqualTo(EventJson.write(recommendation));
            assertThat(codec.recommendation(stored)).as("read back as it was made").isEqualTo(recommendation);
            assertThat(utf8(codec.recommendationEvent(madeAt, recommendation))).as("announced when made")
                    .isEqualTo(fresh);
            assertThat(utf8(codec.recommendationEvent(madeAt, codec.recommendation(stored))))
                    .as("announced again from what was stored").isEqualTo(fresh);
            checked.incrementAndGet();
        });
        assertThat(checked).hasValue(ReportGenerator.REPORTS_PER_PROPERTY);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
