package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.CheckInRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Pain check-ins: stored once per id (a retry changes nothing); the pain trend reads them (see AdherenceService). */
@ApplicationScoped
public class CheckInService {

    private final Pool pool;
    private final Clock clock;

    public CheckInService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<LocalDate> record(String userId, CheckInRequest request, OffsetDateTime at, LocalDate day) {
        return pool.preparedQuery("insert into check_in (check_in_id, user_id, checked_at, local_day, pain, notes, created_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7) on conflict (check_in_id) do nothing")
                .execute(Tuple.tuple().addValue(request.checkInId()).addValue(userId).addValue(at).addValue(day)
                        .addValue(request.pain()).addValue(request.notes()).addValue(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .replaceWith(day);
    }
}
