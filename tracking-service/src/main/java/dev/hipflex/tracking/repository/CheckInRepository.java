package dev.hipflex.tracking.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL of {@code check_in}: pain check-ins, stored once per id. The adherence history reads them
 * too, and root-cause experiments read the waking ratings. */
@ApplicationScoped
public class CheckInRepository {

    private static final String INSERT = """
            insert into check_in (check_in_id, user_id, checked_at, local_day, pain, notes, body_hash, created_at, waking,
                warning_signs)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict (check_in_id) do nothing
            returning check_in_id
            """;
    // The highest rating of a morning counts, as for the adapting plan: the cautious reading of two ratings on one day.
    private static final String WAKING = """
            select local_day, max(pain) as pain from check_in
            where user_id = $1 and waking and local_day >= $2 group by local_day
            """;
    private static final String STORED = "select user_id, local_day, pain, body_hash from check_in where check_in_id = $1";

    /** A check-in to store; {@code bodyHash} identifies the body it was sent with. */
    public record NewCheckIn(UUID checkInId, String userId, OffsetDateTime at, LocalDate localDay, int pain,
            String notes, String bodyHash, OffsetDateTime createdAt, boolean waking, String[] warningSigns) {
    }

    /** A stored check-in, as far as a repeat needs it; {@code bodyHash} is null for check-ins stored without one. */
    public record StoredCheckIn(String userId, LocalDate localDay, int pain, String bodyHash) {
    }

    private final Pool pool;

    public CheckInRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the check-in unless its id is taken; answers whether it was stored now. */
    public Uni<Boolean> insert(NewCheckIn c) {
        return pool.preparedQuery(INSERT)
                .execute(Tuple.tuple().addValue(c.checkInId()).addValue(c.userId()).addValue(c.at())
                        .addValue(c.localDay()).addValue(c.pain()).addValue(c.notes()).addValue(c.bodyHash())
                        .addValue(c.createdAt()).addValue(c.waking()).addArrayOfString(c.warningSigns()))
                .map(rows -> rows.size() == 1);
    }

    /** The person's waking ratings by local day from {@code from} on. */
    public Uni<Map<LocalDate, Integer>> waking(String userId, LocalDate from) {
        return pool.preparedQuery(WAKING).execute(Tuple.of(userId, from)).map(rows -> {
            Map<LocalDate, Integer> ratings = new TreeMap<>();
            rows.forEach(row -> ratings.put(row.getLocalDate("local_day"), row.getInteger("pain")));
            return ratings;
        });
    }

    /** The check-in stored under {@code checkInId}, or null. */
    public Uni<StoredCheckIn> stored(UUID checkInId) {
        return pool.preparedQuery(STORED).execute(Tuple.of(checkInId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new StoredCheckIn(row.getString("user_id"), row.getLocalDate("local_day"), row.getInteger("pain"),
                    row.getString("body_hash"));
        });
    }
}
