package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.CheckInRequest;
import dev.hipflex.tracking.repository.CheckInRepository;
import dev.hipflex.tracking.repository.CheckInRepository.NewCheckIn;
import dev.hipflex.tracking.repository.CheckInRepository.StoredCheckIn;
import io.smallrye.mutiny.Uni;

/**
 * Pain check-ins, stored once per id: the same check-in again answers what was stored, the same id with another body
 * (or another person's) is a 409. The pain trend reads them (see AdherenceService). What a check-in sets off happens
 * here too: a waking rating may end a root-cause experiment's phase and change the adapting plan, and a waking rating
 * or a warning sign may escalate.
 */
@ApplicationScoped
public class CheckInService {

    /** A check-in as stored: the local day it counts for and its pain. */
    public record Recorded(LocalDate localDay, int pain) {
    }

    private final CheckInRepository checkIns;
    private final ExperimentService experiments;
    private final PlanAdjustments adjustments;
    private final EscalationService escalations;
    private final ObjectMapper json;
    private final Clock clock;

    public CheckInService(CheckInRepository checkIns, ExperimentService experiments, PlanAdjustments adjustments,
            EscalationService escalations, ObjectMapper json, Clock clock) {
        this.checkIns = checkIns;
        this.experiments = experiments;
        this.adjustments = adjustments;
        this.escalations = escalations;
        this.json = json;
        this.clock = clock;
    }

    /** Validates and records a person's check-in, then lets the experiment, the plan and the escalations see it. */
    public Uni<Recorded> checkIn(String person, CheckInRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a check-in is required");
        }
        Instant now = clock.instant();
        List<FieldError> errors = request.validate(now);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime at = request.at() != null ? request.at() : OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return record(person, request, at, at.atZoneSameInstant(ZoneId.of(request.timeZone())).toLocalDate())
                // A waking rating may end a root-cause experiment (its phase complete, or the safety stop).
                .call(recorded -> request.isWaking() ? experiments.advance(person) : Uni.createFrom().voidItem())
                .call(recorded -> request.isWaking() ? adjustments.announce(person) : Uni.createFrom().voidItem())
                // A waking rating may make two high mornings running; a warning sign may be new.
                .call(recorded -> request.isWaking() || !request.signs().isEmpty()
                        ? escalations.escalate(person, new EscalationService.CheckInFacts(request.checkInId(), at,
                                request.timeZone(), recorded.pain()))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Recorded> record(String userId, CheckInRequest request, OffsetDateTime at, LocalDate day) {
        // The body as sent (an absent "at" stays absent), so a retry of it matches whenever it comes.
        String hash = Sha256.hex(write(request));
        NewCheckIn checkIn = new NewCheckIn(request.checkInId(), userId, at, day, request.pain(), request.notes(), hash,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), request.isWaking(),
                request.signs().stream().map(sign -> sign.word()).toArray(String[]::new));
        return checkIns.insert(checkIn).chain(inserted -> inserted
                ? Uni.createFrom().item(new Recorded(day, request.pain()))
                : checkIns.stored(request.checkInId()).map(stored -> repeat(checkIn, stored)));
    }

    private static Recorded repeat(NewCheckIn sent, StoredCheckIn stored) {
        boolean same = stored != null && stored.userId().equals(sent.userId()) && (stored.bodyHash() == null
                ? stored.pain() == sent.pain()
                : stored.bodyHash().equals(sent.bodyHash()));
        if (!same) {
            throw ProblemException.conflict("Check-in " + sent.checkInId() + " was already recorded with a different body",
                    List.of(new FieldError("checkInId", "is already used by another check-in")));
        }
        return new Recorded(stored.localDay(), stored.pain());
    }

    private String write(CheckInRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
