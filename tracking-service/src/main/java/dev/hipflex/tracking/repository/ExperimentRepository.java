package dev.hipflex.tracking.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.RootCauseExperiment.Course;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SQL of {@code experiment}: a person's root-cause experiments. A partial unique index keeps one running per
 * person, whoever starts two at once.
 */
@ApplicationScoped
public class ExperimentRepository {

    /** An experiment as stored; {@code result} and {@code confirmation} are set once announced. */
    public record StoredExperiment(UUID experimentId, String userId, String item, String change, String timeZone,
            LocalDate start, LocalDate changeFrom, LocalDate endedByPerson, LocalDate undoFrom,
            LocalDate undoEndedByPerson, String result, String confirmation, OffsetDateTime createdAt) {

        public Course course() {
            return new Course(item, start, changeFrom, endedByPerson, undoFrom, undoEndedByPerson);
        }
    }

    private static final String COLUMNS = """
            experiment_id, user_id, checklist_item, change_words, time_zone, start_day, change_from, ended_by_person,
            undo_from, undo_ended_by_person, result, confirmation_result, created_at
            """;
    private static final String INSERT = "insert into experiment (" + COLUMNS + ") values "
            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict do nothing returning experiment_id";
    private static final String OF_PERSON = "select " + COLUMNS
            + " from experiment where user_id = $1 order by created_at desc, experiment_id";
    private static final String CHANGE_FROM = """
            update experiment set change_from = $3 where experiment_id = $1 and user_id = $2 and change_from is null
            """;
    private static final String END = """
            update experiment set ended_by_person = $3 where experiment_id = $1 and user_id = $2
            and ended_by_person is null and result is null
            """;
    private static final String END_UNDO = """
            update experiment set undo_ended_by_person = $3 where experiment_id = $1 and user_id = $2
            and undo_from is not null and undo_ended_by_person is null and confirmation_result is null
            """;
    private static final String UNDO = """
            update experiment set undo_from = $3 where experiment_id = $1 and user_id = $2
            and result is not null and undo_from is null
            """;
    private static final String RESULT = """
            update experiment set result = $3 where experiment_id = $1 and user_id = $2 and result is null
            """;
    private static final String CONFIRMATION = """
            update experiment set confirmation_result = $3 where experiment_id = $1 and user_id = $2
            and confirmation_result is null
            """;

    // The partial unique index one_running_experiment serves this: its condition is the query's.
    private static final String RUNNING_PEOPLE = """
            select user_id from experiment where (result is null or (undo_from is not null and confirmation_result is null))
            and user_id > $1 order by user_id limit $2
            """;

    private final Pool pool;

    public ExperimentRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores it unless the person has one running; answers whether it was stored. */
    public Uni<Boolean> insert(SqlClient client, StoredExperiment e) {
        return client.preparedQuery(INSERT).execute(Tuple.tuple().addValue(e.experimentId()).addValue(e.userId())
                .addValue(e.item()).addValue(e.change()).addValue(e.timeZone()).addValue(e.start())
                .addValue(e.changeFrom()).addValue(e.endedByPerson()).addValue(e.undoFrom())
                .addValue(e.undoEndedByPerson()).addValue(e.result()).addValue(e.confirmation())
                .addValue(e.createdAt())).map(rows -> rows.size() == 1);
    }

    /** The person's experiments, newest first. */
    public Uni<List<StoredExperiment>> of(SqlClient client, String userId) {
        return client.preparedQuery(OF_PERSON).execute(Tuple.of(userId)).map(rows -> {
            List<StoredExperiment> experiments = new ArrayList<>();
            rows.forEach(row -> experiments.add(experiment(row)));
            return experiments;
        });
    }

    public Uni<List<StoredExperiment>> of(String userId) {
        return of(pool, userId);
    }

    /** Up to {@code limit} people with a running experiment, in id order after {@code after} ("" for the first). */
    public Uni<List<String>> runningPeople(String after, int limit) {
        return pool.preparedQuery(RUNNING_PEOPLE).execute(Tuple.of(after, limit)).map(rows -> {
            List<String> people = new ArrayList<>();
            rows.forEach(row -> people.add(row.getString("user_id")));
            return people;
        });
    }

    /** Remembers the day the change started (the person was told); answers whether it was set now. */
    public Uni<Boolean> changeFrom(SqlClient client, String userId, UUID id, LocalDate day) {
        return update(client, CHANGE_FROM, userId, id, day);
    }

    public Uni<Boolean> endedByPerson(SqlClient client, String userId, UUID id, LocalDate day) {
        return update(client, END, userId, id, day);
    }

    public Uni<Boolean> undoEndedByPerson(SqlClient client, String userId, UUID id, LocalDate day) {
        return update(client, END_UNDO, userId, id, day);
    }

    public Uni<Boolean> undoFrom(SqlClient client, String userId, UUID id, LocalDate day) {
        return update(client, UNDO, userId, id, day);
    }

    /** Remembers the result as announced; answers whether it was not before. */
    public Uni<Boolean> result(SqlClient client, String userId, UUID id, String outcome) {
        return update(client, RESULT, userId, id, outcome);
    }

    public Uni<Boolean> confirmation(SqlClient client, String userId, UUID id, String confirmation) {
        return update(client, CONFIRMATION, userId, id, confirmation);
    }

    private static Uni<Boolean> update(SqlClient client, String sql, String userId, UUID id, Object value) {
        return client.preparedQuery(sql).execute(Tuple.of(id, userId, value)).map(rows -> rows.rowCount() == 1);
    }

    private static StoredExperiment experiment(Row row) {
        return new StoredExperiment(row.getUUID("experiment_id"), row.getString("user_id"),
                row.getString("checklist_item"), row.getString("change_words"), row.getString("time_zone"),
                row.getLocalDate("start_day"), row.getLocalDate("change_from"), row.getLocalDate("ended_by_person"),
                row.getLocalDate("undo_from"), row.getLocalDate("undo_ended_by_person"), row.getString("result"),
                row.getString("confirmation_result"), row.getOffsetDateTime("created_at"));
    }
}
