package dev.hipflex.tracking.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.CheckIn;
import dev.hipflex.tracking.domain.CheckInRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Pain check-ins: stored once per id (a retry changes nothing), read back as (day, pain) for the trend. */
@ApplicationScoped
public class CheckInService {

    private final Pool pool;

    public CheckInService(Pool pool) {
        this.pool = pool;
    }

    public Uni<LocalDate> record(String userId, CheckInRequest request, OffsetDateTime at, LocalDate day) {
        return pool.preparedQuery("insert into check_in (check_in_id, user_id, checked_at, local_day, pain, notes, created_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7) on conflict (check_in_id) do nothing")
                .execute(Tuple.tuple().addValue(request.checkInId()).addValue(userId).addValue(at).addValue(day)
                        .addValue(request.pain()).addValue(request.notes()).addValue(OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWith(day);
    }

    public Uni<List<CheckIn>> between(String userId, LocalDate from, LocalDate to) {
        return pool.preparedQuery("select local_day, pain from check_in where user_id = $1 and local_day between $2 and $3")
                .execute(Tuple.of(userId, from, to))
                .map(rows -> {
                    List<CheckIn> checkIns = new ArrayList<>();
                    for (Row row : rows) {
                        checkIns.add(new CheckIn(row.getLocalDate("local_day"), row.getInteger("pain")));
                    }
                    return checkIns;
                });
    }
}
