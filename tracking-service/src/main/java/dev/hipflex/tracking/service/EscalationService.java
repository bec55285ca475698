package dev.hipflex.tracking.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.Escalations;
import dev.hipflex.tracking.domain.Escalations.Escalation;
import dev.hipflex.tracking.domain.WarningSign;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.AdaptationHistoryRepository;
import dev.hipflex.tracking.repository.RaisedAlertRepository;
import dev.hipflex.tracking.repository.RaisedAlertRepository.RaisedAlert;
import dev.hipflex.tracking.repository.SymptomReportRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Escalates: after a session with feedback or a check-in, the person's history is replayed through the escalation
 * rules (see {@link Escalations}) and each escalation not raised before is remembered by its key in
 * {@code raised_alert} and put in the outbox as a {@code recovery-alerts} event, in one transaction. A new warning sign
 * also goes to triage as a new symptom report: the person's newest report, brought up to date with the check-in's
 * pain and signs. A replay that fails (the database briefly away) is caught up by the next one.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);

    /** Sessions are accepted up to 400 days back; the baseline looks back a little further. */
    private static final int HISTORY_DAYS = 430;

    /** The check-in being recorded, whose pain and time a symptom report for a new warning sign takes. */
    public record CheckInFacts(UUID checkInId, OffsetDateTime at, String timeZone, int pain) {
    }

    private final AdaptationHistoryRepository histories;
    private final AdherenceService adherence;
    private final RaisedAlertRepository alerts;
    private final SymptomReportRepository reports;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;

    public EscalationService(AdaptationHistoryRepository histories, AdherenceService adherence,
            RaisedAlertRepository alerts, SymptomReportRepository reports, Outbox outbox, OutboxRelay relay, Pool pool,
            ObjectMapper json, Clock clock) {
        this.histories = histories;
        this.adherence = adherence;
        this.alerts = alerts;
        this.reports = reports;
        this.outbox = outbox;
        this.relay = relay;
        this.pool = pool;
        this.json = json;
        this.clock = clock;
    }

    /** The person's escalations so far, in day order. */
    public Uni<List<Escalation>> of(String userId) {
        return histories.escalationsSince(userId, LocalDate.now(clock).minusDays(HISTORY_DAYS))
                .map(h -> Escalations.of(h.sessions(), h.waking(), h.checkIns()));
    }

    /**
     * Raises the escalations not raised before; never fails the caller, whose own write is already committed.
     *
     * @param checkIn the check-in just recorded, or null after a session
     */
    public Uni<Void> escalate(String userId, CheckInFacts checkIn) {
        return of(userId).chain(all -> all.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.combine().all().unis(overallPercent(userId), reports.last(userId))
                        .asTuple().chain(read -> raise(userId, all, read.getItem1(), read.getItem2(), checkIn)))
                .onFailure().invoke(e -> LOG.warnf("Escalations of %s not raised yet: %s", userId, e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> raise(String userId, List<Escalation> all, Double percent, String lastReport,
            CheckInFacts checkIn) {
        Map<String, Escalation> byKey = new LinkedHashMap<>();
        all.forEach(e -> byKey.put(e.key(), e));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<RaisedAlert> keys = byKey.keySet().stream().map(key -> new RaisedAlert(userId, key)).toList();
        return pool.withTransaction(connection -> alerts.raiseFirstTime(connection, keys, now).chain(raised -> {
            List<Escalation> fresh = byKey.values().stream()
                    .filter(e -> raised.contains(new RaisedAlert(userId, e.key()))).toList();
            return outbox.addAll(connection, events(userId, fresh, percent, lastReport, checkIn, now));
        })).invoke(relay::soon);
    }

    private List<Outbox.Pending> events(String userId, List<Escalation> fresh, Double percent, String lastReport,
            CheckInFacts checkIn, OffsetDateTime now) {
        List<Outbox.Pending> events = new ArrayList<>();
        Set<WarningSign> newSigns = EnumSet.noneOf(WarningSign.class);
        for (Escalation e : fresh) {
            events.add(new Outbox.Pending(TrackingEvents.ALERTS_TOPIC, userId,
                    TrackingEvents.escalated(userId, e, e.day(), percent)));
            if (e.sign() != null) {
                newSigns.add(e.sign());
            }
        }
        if (!newSigns.isEmpty()) {
            if (lastReport == null) {
                // Without a report of theirs to bring up to date, triage would be sent invented answers: the alert
                // alone tells the person to see a professional.
                LOG.infof("New warning signs of %s escalated; no earlier symptom report to send to triage", userId);
            } else {
                ObjectNode report = updatedReport(lastReport, newSigns, checkIn, now);
                events.add(new Outbox.Pending(TrackingEvents.SYMPTOM_REPORTS_TOPIC, userId,
                        CloudEvent.of(TrackingEvents.SOURCE, "dev.hipflex.triage.symptom-report.received",
                                report.path("reportId").asText(), "https://hipflex.dev/schemas/symptom-reports/v1",
                                report)));
            }
        }
        return events;
    }

    /**
     * The person's newest report as of now: a new id (derived from the check-in, so the same check-in always names
     * the same report), the check-in's time, zone and pain, its signs added to the report's, and the days since onset
     * moved on; every other answer as the person gave it.
     */
    private ObjectNode updatedReport(String lastReport, Set<WarningSign> newSigns, CheckInFacts checkIn,
            OffsetDateTime now) {
        ObjectNode report;
        try {
            report = (ObjectNode) json.readTree(lastReport);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        OffsetDateTime before = OffsetDateTime.parse(report.path("reportedAt").asText());
        OffsetDateTime at = checkIn != null ? checkIn.at() : now;
        String seed = checkIn != null ? "check-in:" + checkIn.checkInId() : "signs:" + report.path("reportId").asText()
                + ":" + newSigns;
        report.put("reportId", UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
        report.put("reportedAt", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (checkIn != null) {
            report.put("timeZone", checkIn.timeZone());
            report.put("intensity", checkIn.pain());
        }
        long days = report.path("daysSinceOnset").asLong(0) + Math.max(0, Duration.between(before, at).toDays());
        report.put("daysSinceOnset", Math.min(3650, days));
        Set<String> signs = new java.util.TreeSet<>();
        report.path("warningSigns").forEach(node -> signs.add(node.asText()));
        newSigns.forEach(sign -> signs.add(sign.word()));
        ArrayNode list = report.putArray("warningSigns");
        signs.forEach(list::add);
        return report;
    }

    private Uni<Double> overallPercent(String userId) {
        return adherence.of(userId).map(Adherence::overallPercent)
                // No plan (or the catalog away): the alert goes out without adherence.
                .onFailure().recoverWithNull();
    }
}
