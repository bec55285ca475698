package dev.hipflex.tracking.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.FunctionalScale.Assessment;
import dev.hipflex.tracking.domain.FunctionalScale.Rating;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL of {@code functional_assessment}: each person's PSFS assessments, one row per activity. */
@ApplicationScoped
public class FunctionalAssessmentRepository {

    private static final String OF = """
            select week, position, activity, rating from functional_assessment where user_id = $1 order by week, position
            """;
    private static final String RECORDED = """
            select week, min(recorded_at) as recorded_at from functional_assessment where user_id = $1 group by week
            """;
    private static final String INSERT = """
            insert into functional_assessment (user_id, week, position, activity, rating, recorded_at)
            select $1, $2, p, a, r, $3 from unnest($4::int[], $5::varchar[], $6::int[]) as t(p, a, r)
            on conflict do nothing returning position
            """;

    /** The person's assessments by week, each in the start's order. */
    public Uni<List<Assessment>> of(SqlClient client, String userId) {
        return client.preparedQuery(OF).execute(Tuple.of(userId)).map(rows -> {
            Map<Integer, List<Rating>> byWeek = new TreeMap<>();
            for (Row row : rows) {
                byWeek.computeIfAbsent(row.getInteger("week"), w -> new ArrayList<>())
                        .add(new Rating(row.getString("activity"), row.getInteger("rating")));
            }
            List<Assessment> assessments = new ArrayList<>();
            byWeek.forEach((week, ratings) -> assessments.add(new Assessment(week, List.copyOf(ratings))));
            return assessments;
        });
    }

    /** When each of the person's assessments was recorded, by week. */
    public Uni<Map<Integer, OffsetDateTime>> recorded(SqlClient client, String userId) {
        return client.preparedQuery(RECORDED).execute(Tuple.of(userId)).map(rows -> {
            Map<Integer, OffsetDateTime> byWeek = new TreeMap<>();
            for (Row row : rows) {
                byWeek.put(row.getInteger("week"), row.getOffsetDateTime("recorded_at"));
            }
            return byWeek;
        });
    }

    /** Stores the assessment unless the week is recorded already; answers whether it was stored now. */
    public Uni<Boolean> insert(SqlClient client, String userId, Assessment assessment, OffsetDateTime at) {
        List<Rating> ratings = assessment.ratings();
        Integer[] positions = new Integer[ratings.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return client.preparedQuery(INSERT).execute(Tuple.of(userId, assessment.week(), at, positions,
                ratings.stream().map(Rating::activity).toArray(String[]::new),
                ratings.stream().map(Rating::rating).toArray(Integer[]::new)))
                .map(rows -> rows.size() == ratings.size());
    }
}
