package dev.hipflex.triage.rest;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;

import dev.hipflex.common.problem.BodyCheck;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.SymptomReportValidator;

/**
 * A report body with values that cannot be read is checked field by field all the same, so that its one problem names
 * every bad field (common's BodyBinding). A report sent over REST is a new one, so every screening question is
 * required. The person is the token's subject, set by the resource, not by the body.
 */
@Singleton
public class SymptomReportCheck implements BodyCheck<SymptomReport> {

    @Override
    public Class<SymptomReport> type() {
        return SymptomReport.class;
    }

    @Override
    public List<FieldError> check(SymptomReport report) {
        return SymptomReportValidator.validateNew(report, Instant.now()).stream()
                .filter(error -> !error.field().equals("userId"))
                .toList();
    }
}
