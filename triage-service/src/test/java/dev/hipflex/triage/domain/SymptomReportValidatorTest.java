package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/**
 * The old night-pain warning sign: a new report (REST) may not carry it, a report from an older producer (the topic)
 * still may, and is read as before.
 */
class SymptomReportValidatorTest {

    @Test
    @DisplayName("a new report with night-or-rest-pain is refused, on warningSigns, pointing to the two night-pain questions")
    void aNewReportMayNotSayNightOrRestPain() {
        SymptomReport old = report().runner(true).warningSigns(WarningSign.NIGHT_OR_REST_PAIN,
                WarningSign.PAIN_WHEN_HOPPING).build();
        Instant now = old.reportedAt().toInstant();

        assertThat(SymptomReportValidator.validateNew(old, now)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("warningSigns");
            assertThat(error.message()).contains("'night-or-rest-pain' is no longer asked")
                    .contains("screening.painOnlyWhenLyingOnIt").contains("screening.constantPainDayAndNight");
        });
        // What an older producer puts on the topic is still read, and triaged as today.
        assertThat(SymptomReportValidator.validate(old, now)).isEmpty();
        // The same report with the two questions answered instead is a valid new report.
        SymptomReport asked = report().runner(true).warningSigns(WarningSign.PAIN_WHEN_HOPPING)
                .painOnlyWhenLyingOnIt(true).build();
        assertThat(SymptomReportValidator.validateNew(asked, now)).extracting(FieldError::field).isEmpty();
    }

    @Test
    @DisplayName("every other warning sign is still taken in a new report")
    void theOtherWarningSignsAreStillTaken() {
        for (WarningSign sign : WarningSign.values()) {
            SymptomReport r = report().warningSigns(sign).build();
            assertThat(SymptomReportValidator.validateNew(r, r.reportedAt().toInstant())).as(sign.word())
                    .hasSize(WarningSign.ONLY_FROM_OLDER_PRODUCERS.contains(sign) ? 1 : 0);
        }
        assertThat(WarningSign.ONLY_FROM_OLDER_PRODUCERS).containsExactly(WarningSign.NIGHT_OR_REST_PAIN);
    }
}
