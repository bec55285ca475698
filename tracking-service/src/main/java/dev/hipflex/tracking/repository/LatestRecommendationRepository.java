package dev.hipflex.tracking.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.RecommendationSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL of {@code latest_recommendation}: each person's newest recommendation facts, as the event gave them. */
@ApplicationScoped
public class LatestRecommendationRepository {

    /** The stored facts: the event's {@code data} as JSON text. */
    public record StoredRecommendation(UUID reportId, OffsetDateTime recommendedAt, String facts) {
    }

    // An older event read late (a replay, a retry) never replaces a newer one.
    private static final String KEEP = """
            insert into latest_recommendation (user_id, report_id, recommended_at, facts) values ($1, $2, $3, $4)
            on conflict (user_id) do update set report_id = excluded.report_id,
                recommended_at = excluded.recommended_at, facts = excluded.facts
            where latest_recommendation.recommended_at <= excluded.recommended_at
            """;

    private static final String OF = "select report_id, recommended_at, facts from latest_recommendation where user_id = $1";

    private final Pool pool;

    public LatestRecommendationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> keep(RecommendationSummary recommendation, String facts) {
        return pool.preparedQuery(KEEP).execute(Tuple.of(recommendation.userId(), recommendation.reportId(),
                recommendation.at().atOffset(ZoneOffset.UTC), facts)).replaceWithVoid();
    }

    /** The person's latest recommendation; null when tracking has none. */
    public Uni<StoredRecommendation> of(String userId) {
        return pool.preparedQuery(OF).execute(Tuple.of(userId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new StoredRecommendation(row.getUUID("report_id"), row.getOffsetDateTime("recommended_at"),
                    row.getString("facts"));
        });
    }
}
