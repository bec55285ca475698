package dev.hipflex.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which failures mean "PostgreSQL is away, try again" (503) rather than a bug of ours (500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreUnavailability() {
        assertThat(ProblemMappers.databaseUnavailable(new ConnectException("Connection refused"))).isTrue();
        // Seen in the PostgreSQL restart fault test: a write on a connection the server had just closed.
        assertThat(ProblemMappers.databaseUnavailable(new CompletionException(new IOException("Broken pipe")))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(new RuntimeException(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(
                new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMappers.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new RuntimeException(new JsonParseException(null, "bad json")))).isFalse();
    }
}
