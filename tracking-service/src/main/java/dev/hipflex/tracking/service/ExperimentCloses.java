package dev.hipflex.tracking.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.hipflex.tracking.repository.ExperimentRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Brings running root-cause experiments up to date on the service's clock, so that a phase which ends by time (its days
 * run out without enough waking ratings, with the change or with it undone) gives its result and its
 * {@code experiment-results} event on time, even when the person neither rates nor looks. A periodic pass, on the
 * timer idiom of {@link WeekCloses}, walks the people with a running experiment in batches and lets
 * {@link ExperimentService#advance} store and announce what their ratings decide. {@code advance} stores a result only
 * where none is stored yet, so a pass on each of several instances still announces it once.
 */
@ApplicationScoped
public class ExperimentCloses {

    private static final Logger LOG = Logger.getLogger(ExperimentCloses.class);

    private final ExperimentRepository experiments;
    private final ExperimentService service;
    private final Vertx vertx;
    private final Duration interval;
    private final int batch;
    private final Counter passes;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public ExperimentCloses(ExperimentRepository experiments, ExperimentService service, Vertx vertx,
            @ConfigProperty(name = "hipflex.tracking.experiment-close.interval") Duration interval,
            @ConfigProperty(name = "hipflex.tracking.experiment-close.batch") int batch, MeterRegistry registry) {
        this.experiments = experiments;
        this.service = service;
        this.vertx = vertx;
        this.interval = interval;
        this.batch = batch;
        this.passes = registry.counter("hipflex.experiment-closes.passes");
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> soon());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Runs a pass unless one is running. */
    void soon() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        pass("").subscribe().with(done -> {
            running.set(false);
            passes.increment();
        }, failure -> {
            running.set(false);
            LOG.warnf("Experiment pass failed, retrying on the next tick: %s", failure.getMessage());
        });
    }

    /** Every person with a running experiment after {@code after}, a batch at a time, one person after another. */
    Uni<Void> pass(String after) {
        return experiments.runningPeople(after, batch).chain(people -> {
            Uni<Void> advancing = Uni.createFrom().voidItem();
            for (String person : people) {
                advancing = advancing.chain(() -> service.advance(person));
            }
            return people.size() < batch ? advancing : advancing.chain(() -> pass(last(people)));
        });
    }

    private static String last(List<String> people) {
        return people.get(people.size() - 1);
    }
}
