package dev.hipflex.tracking.rest;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.tracking.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What the tests of the periodic passes (week closes, experiment closes) share: the service's clock, moved forward
 * instead of rewriting dates in the database and set back to real time after each test; the passes' counters, to wait
 * for passes to run; the database, to read what they stored.
 */
abstract class MovedClockTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** How many passes the counter has seen. */
    double passes(String counter) {
        return registry.counter(counter).count();
    }
}
