package dev.hipflex.tracking.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.hipflex.common.schedule.PeriodicPass;
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
 * {@code experiment-results} event on time, even when the person neither rates nor looks. A {@link PeriodicPass} walks
 * the people with a running experiment in batches and lets
 * {@link ExperimentService#advance} store and announce what their ratings decide. {@code advance} stores a result only
 * where none is stored yet, so a pass on each of several instances still announces it once.
 */
@ApplicationScoped
public class ExperimentCloses {

    private final ExperimentRepository experiments;
    private final ExperimentService service;
    private final int batch;
    private final Counter passes;
    private final PeriodicPass periodic;

    public ExperimentCloses(ExperimentRepository experiments, ExperimentService service, Vertx vertx,
            @ConfigProperty(name = "hipflex.tracking.experiment-close.interval") Duration interval,
            @ConfigProperty(name = "hipflex.tracking.experiment-close.batch") int batch, MeterRegistry registry) {
        this.experiments = experiments;
        this.service = service;
        this.batch = batch;
        this.passes = registry.counter("hipflex.experiment-closes.passes");
        this.periodic = new PeriodicPass(vertx, "Experiment-close", interval,
                () -> pass("").invoke(() -> passes.increment()).replaceWith(false));
    }

    void start(@Observes StartupEvent event) {
        periodic.start();
    }

    void stop(@Observes ShutdownEvent event) {
        periodic.stop();
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
