package dev.hipflex.triage.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.messaging.TriageEvents;
import dev.hipflex.triage.repository.SymptomReportEntity;
import dev.hipflex.triage.repository.TriageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Accepts reports sent over REST. A report is stored together with its outgoing event in one
 * transaction (the outbox), so a report answered 202 is always published, and a refused one never is.
 */
@ApplicationScoped
public class IntakeService {

    /** Whether this call stored the report, or found the very same report stored before (a retry). */
    public enum Outcome {
        ACCEPTED, ALREADY_ACCEPTED
    }

    private final TriageRepository repository;
    private final ReportCodec codec;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public IntakeService(TriageRepository repository, ReportCodec codec, Outbox outbox, OutboxRelay relay) {
        this.repository = repository;
        this.codec = codec;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Stores a validated report and its event; the same id with another body is a 409. */
    public Uni<Outcome> accept(SymptomReport report) {
        return store(report).invoke(outcome -> {
            if (outcome == Outcome.ACCEPTED) {
                relay.soon();
            }
        });
    }

    @WithTransaction
    Uni<Outcome> store(SymptomReport report) {
        String hash = codec.hash(report);
        return repository.report(report.reportId()).chain(existing -> {
            if (existing != null) {
                if (existing.bodyHash.equals(hash) && existing.userId.equals(report.userId())) {
                    return Uni.createFrom().item(Outcome.ALREADY_ACCEPTED);
                }
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Report " + report.reportId() + " was already sent with a different body", null));
            }
            SymptomReportEntity row = new SymptomReportEntity();
            row.reportId = report.reportId();
            row.userId = report.userId();
            row.body = codec.toJson(report);
            row.bodyHash = hash;
            row.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return row.persist()
                    .call(() -> outbox.add(TriageEvents.REPORTS_TOPIC, report.userId(), TriageEvents.reportReceived(report)))
                    .replaceWith(Outcome.ACCEPTED);
        });
    }
}
