package dev.hipflex.common.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Work done in passes on a Vert.x timer: one every interval, and one as soon as possible when asked ({@link #soon()}).
 * Passes never overlap; a request during a pass runs another after it, and so does a pass that answers that more is
 * waiting (a full batch). A failed pass is logged and tried again on the next tick. This is how the services schedule
 * their background work (the outbox relay, week closes, experiment closes), so each one reads the same way.
 */
public final class PeriodicPass {

    private static final Logger LOG = Logger.getLogger(PeriodicPass.class);

    private final Vertx vertx;
    private final String name;
    private final Duration interval;
    private final Supplier<Uni<Boolean>> pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long timer = -1;

    /**
     * @param name what the pass does, for the log ("Outbox relay")
     * @param pass one pass; its item says whether more is waiting, so that another pass follows at once
     */
    public PeriodicPass(Vertx vertx, String name, Duration interval, Supplier<Uni<Boolean>> pass) {
        this.vertx = vertx;
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    public void start() {
        timer = vertx.setPeriodic(interval.toMillis(), id -> soon());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Asks for a pass as soon as possible. */
    public void soon() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            vertx.runOnContext(this::run);
        }
    }

    private void run() {
        again.set(false);
        Uni<Boolean> started;
        try {
            started = pass.get();
        } catch (RuntimeException e) {
            started = Uni.createFrom().failure(e);
        }
        started.subscribe().with(more -> {
            running.set(false);
            if (Boolean.TRUE.equals(more) || again.get()) {
                soon();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("%s pass failed, retrying on the next tick: %s", name, failure.getMessage());
        });
    }
}
