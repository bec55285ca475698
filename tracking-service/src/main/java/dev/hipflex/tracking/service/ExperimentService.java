package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.ExperimentRequest;
import dev.hipflex.tracking.domain.PlanAdaptation;
import dev.hipflex.tracking.domain.RootCauseExperiment;
import dev.hipflex.tracking.domain.RootCauseExperiment.Phase;
import dev.hipflex.tracking.domain.RootCauseExperiment.Progress;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.CheckInRepository;
import dev.hipflex.tracking.repository.ExperimentRepository;
import dev.hipflex.tracking.repository.ExperimentRepository.StoredExperiment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A person's root-cause experiments: started one at a time, worked out from their waking ratings
 * ({@link RootCauseExperiment}), ended by the person or by their phases, and announced on {@code experiment-results}
 * once per result through the outbox. What the ratings decide is stored after a waking rating, whenever the
 * experiments are read, and by the periodic pass of {@link ExperimentCloses} (for phases that end by time), so a result
 * reached is announced once whichever comes first.
 */
@ApplicationScoped
public class ExperimentService {

    private static final Logger LOG = Logger.getLogger(ExperimentService.class);

    /** One experiment and where it stands on the person's today (in the experiment's time zone). */
    public record Tracked(StoredExperiment stored, Progress progress, LocalDate today) {
    }

    private final ExperimentRepository experiments;
    private final CheckInRepository checkIns;
    private final CatalogTerms catalog;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Pool pool;
    private final Clock clock;

    public ExperimentService(ExperimentRepository experiments, CheckInRepository checkIns, CatalogTerms catalog,
            Outbox outbox, OutboxRelay relay, Pool pool, Clock clock) {
        this.experiments = experiments;
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.outbox = outbox;
        this.relay = relay;
        this.pool = pool;
        this.clock = clock;
    }

    /** Every experiment of the person, newest first, with its results. */
    public Uni<List<Tracked>> list(String userId) {
        return advance(userId).chain(() -> tracked(userId));
    }

    /** The days the person's experiments freeze the adapting plan. */
    public Uni<List<PlanAdaptation.Freeze>> freezes(String userId) {
        return tracked(userId).map(list -> list.stream()
                .flatMap(t -> t.progress().freezes(t.stored().course()).stream()).toList());
    }

    /** 400 naming each bad field; 409 while another experiment runs. */
    public Uni<Tracked> start(String userId, ExperimentRequest request) {
        ZoneId zone = request.zone();
        LocalDate today = zone == null ? null : LocalDate.now(clock.withZone(zone));
        return catalog.get().chain(terms -> {
            List<FieldError> errors = request.validate(terms.checklist(), today);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            UUID id = UUID.randomUUID();
            StoredExperiment fresh = new StoredExperiment(id, userId, request.checklistItem(), request.change().strip(),
                    request.timeZone(), request.startDate(), null, null, null, null, null, null,
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            return advance(userId)
                    .chain(() -> pool.withTransaction(connection -> experiments.of(connection, userId)
                            .chain(stored -> {
                                stored.stream().filter(ExperimentService::running).findFirst()
                                        .ifPresent(ExperimentService::oneAtATime);
                                return experiments.insert(connection, fresh);
                            })))
                    .chain(inserted -> {
                        if (!inserted) {
                            // Another request started one between our read and our insert.
                            return tracked(userId).map(list -> {
                                list.stream().map(Tracked::stored).filter(ExperimentService::running).findFirst()
                                        .ifPresent(ExperimentService::oneAtATime);
                                throw new IllegalStateException("no running experiment, yet the insert conflicted");
                            });
                        }
                        return one(userId, id);
                    });
        });
    }

    /** The person ends it (or the confirmation) today: the result is judged on what there is. */
    public Uni<Tracked> end(String userId, UUID id) {
        return one(userId, id).chain(t -> {
            Phase phase = t.progress().phase();
            Uni<Boolean> ended;
            if (phase == Phase.BASELINE || phase == Phase.CHANGE) {
                ended = pool.withTransaction(c -> experiments.endedByPerson(c, userId, id, t.today()));
            } else if (phase == Phase.UNDONE) {
                ended = pool.withTransaction(c -> experiments.undoEndedByPerson(c, userId, id, t.today()));
            } else {
                throw ProblemException.conflict("Experiment " + id + " has already ended ("
                        + t.progress().phase().word() + ")", List.of(new FieldError("experimentId", "has ended")));
            }
            return ended.chain(() -> advance(userId)).chain(() -> one(userId, id));
        });
    }

    /**
     * A-B-A: the person undoes a change that helped, from tomorrow's rating on, to see whether the pain comes back.
     * 409 unless the result offers it, or while another experiment runs.
     */
    public Uni<Tracked> undo(String userId, UUID id) {
        return tracked(userId).chain(list -> {
            Tracked t = list.stream().filter(e -> e.stored().experimentId().equals(id)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("experiment", id.toString()));
            if (t.progress().phase() != Phase.ENDED || !t.progress().confirmationOffered()
                    || t.stored().undoFrom() != null) {
                throw ProblemException.conflict("Experiment " + id + " cannot be confirmed by undoing the change: that "
                        + "is offered once, after a helped result, for a change that can be undone",
                        List.of(new FieldError("experimentId", "has no confirmation to start")));
            }
            list.stream().map(Tracked::stored).filter(ExperimentService::running).findFirst()
                    .ifPresent(ExperimentService::oneAtATime);
            return pool.withTransaction(c -> experiments.undoFrom(c, userId, id, t.today().plusDays(1)))
                    .chain(() -> one(userId, id));
        });
    }

    /**
     * Stores what the ratings decided since: the day the change started, and each result reached (announced once).
     * Never fails the caller, whose own write is already committed; the next call catches up.
     */
    public Uni<Void> advance(String userId) {
        return tracked(userId).chain(list -> {
            List<Tracked> due = list.stream().filter(ExperimentService::due).toList();
            if (due.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return pool.withTransaction(connection -> {
                Uni<Void> writes = Uni.createFrom().voidItem();
                for (Tracked t : due) {
                    writes = writes.chain(() -> write(connection, userId, t));
                }
                return writes;
            }).invoke(relay::soon);
        }).onFailure().invoke(e -> LOG.warnf("Experiments of %s not brought up to date yet: %s", userId, e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static boolean due(Tracked t) {
        StoredExperiment s = t.stored();
        Progress p = t.progress();
        return s.changeFrom() == null && p.changeFrom() != null
                || s.result() == null && p.result() != null
                || s.confirmation() == null && p.confirmation() != null;
    }

    private Uni<Void> write(SqlConnection connection, String userId, Tracked t) {
        StoredExperiment s = t.stored();
        Progress p = t.progress();
        UUID id = s.experimentId();
        Uni<Void> writes = Uni.createFrom().voidItem();
        if (s.changeFrom() == null && p.changeFrom() != null) {
            writes = writes.chain(() -> experiments.changeFrom(connection, userId, id, p.changeFrom())).replaceWithVoid();
        }
        if (s.result() == null && p.result() != null) {
            writes = writes.chain(() -> experiments.result(connection, userId, id, p.result().outcome().word()))
                    .chain(fresh -> announce(connection, fresh, userId, t));
        }
        if (s.confirmation() == null && p.confirmation() != null) {
            writes = writes.chain(() -> experiments.confirmation(connection, userId, id, p.confirmation()))
                    .chain(fresh -> announce(connection, fresh, userId, t));
        }
        return writes;
    }

    private Uni<Void> announce(SqlConnection connection, boolean fresh, String userId, Tracked t) {
        if (!fresh) {
            return Uni.createFrom().voidItem();
        }
        return outbox.addAll(connection, List.of(new Outbox.Pending(TrackingEvents.EXPERIMENTS_TOPIC, userId,
                TrackingEvents.experimentResulted(t.stored().experimentId(), userId, t.stored().course(),
                        t.progress()))));
    }

    private Uni<Tracked> one(String userId, UUID id) {
        return tracked(userId).map(list -> list.stream().filter(t -> t.stored().experimentId().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("experiment", id.toString())));
    }

    private Uni<List<Tracked>> tracked(String userId) {
        return experiments.of(userId).chain(stored -> {
            Optional<LocalDate> first = stored.stream().map(StoredExperiment::start).min(Comparator.naturalOrder());
            if (first.isEmpty()) {
                return Uni.createFrom().item(List.<Tracked>of());
            }
            return checkIns.waking(userId, first.get()).map(waking -> {
                List<Tracked> list = new ArrayList<>();
                for (StoredExperiment s : stored) {
                    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(s.timeZone())));
                    list.add(new Tracked(s, RootCauseExperiment.progress(s.course(), waking, today), today));
                }
                return list;
            });
        });
    }

    /** Running as stored: no result yet, or a confirmation started and not finished (the unique index's condition). */
    private static boolean running(StoredExperiment s) {
        return s.result() == null || s.undoFrom() != null && s.confirmation() == null;
    }

    private static void oneAtATime(StoredExperiment running) {
        // The detail is for the person (apps show it as it is); the field names the running experiment for clients.
        throw ProblemException.conflict("Your experiment started on " + running.start() + " is still running. Change "
                + "one thing at a time, so you know which change made the difference: end that experiment, or wait for "
                + "its result, before you start another.", List.of(new FieldError("checklistItem",
                        "another experiment is running: " + running.experimentId())));
    }
}
