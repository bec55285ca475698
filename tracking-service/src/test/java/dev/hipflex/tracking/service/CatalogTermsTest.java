package dev.hipflex.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.AdherenceEngine;
import dev.hipflex.tracking.domain.Plan;
import dev.hipflex.tracking.domain.RecoveryStage;
import dev.hipflex.tracking.domain.Schedule;
import io.smallrye.mutiny.Uni;

/**
 * What tracking measures against is the catalog's, not constants of its own: a catalog whose protocol asks for one
 * daily week then 4–5 sessions a week over 8 weeks, with a two-stage timeline, is what adherence then counts by.
 * catalog-service is stood in for by its client interface (another service, not Kafka or PostgreSQL).
 */
class CatalogTermsTest {

    @Test
    void theScheduleTheStagesTheExerciseSlugsAndTheChecklistComeFromTheCatalog() {
        CatalogClient catalog = new CatalogClient() {
            @Override
            public Uni<Protocol> protocol(String slug) {
                assertThat(slug).isEqualTo(CatalogTerms.PROTOCOL);
                return Uni.createFrom().item(new Protocol(slug, new CatalogClient.Schedule(1, new Range(4, 5), 8)));
            }

            @Override
            public Uni<Timeline> recoveryTimeline() {
                return Uni.createFrom().item(new Timeline(List.of(
                        new Stage("first-days", 1, "First days", 1, 10, "Settling in", List.of("Some soreness")),
                        new Stage("later", 2, "Later", 11, 56, "Getting easier", List.of("Less pain")))));
            }

            @Override
            public Uni<Exercises> exercises(int limit, int offset) {
                // Two pages: every slug is taken, not only the first page's.
                return Uni.createFrom().item(offset == 0 ? new Exercises(List.of(new ExerciseRef("couch-stretch", "Couch stretch", null, null, null, null)), 1)
                        : new Exercises(List.of(new ExerciseRef("dead-bug", "Dead bug", null, null, null, null)), null));
            }

            @Override
            public Uni<Checklist> rootCauseChecklist() {
                return Uni.createFrom().item(new Checklist(List.of(new ChecklistStep(1, "everyday-shoes", "Shoes",
                        "everyone"), new ChecklistStep(2, "socks", "Socks", "everyone"))));
            }
        };

        CatalogTerms.Terms terms = new CatalogTerms(catalog).get().await().indefinitely();

        assertThat(terms.schedule()).isEqualTo(new Schedule(1, 4, 5, 8));
        assertThat(terms.stages()).extracting(RecoveryStage::slug).containsExactly("first-days", "later");
        assertThat(terms.exercises()).containsExactlyInAnyOrder("couch-stretch", "dead-bug");
        // The items a root-cause experiment may change.
        assertThat(terms.checklist()).containsExactlyInAnyOrder("everyday-shoes", "socks");

        LocalDate start = LocalDate.of(2026, 3, 2);
        Adherence figures = AdherenceEngine.compute(new Plan(start, ZoneId.of("Europe/Berlin"), terms.schedule(),
                terms.stages()), List.of(), List.of(), start.plusDays(14));
        assertThat(figures.weeks().get(0).unit()).isEqualTo(Adherence.Unit.DAYS);
        assertThat(figures.weeks().get(1).unit()).isEqualTo(Adherence.Unit.SESSIONS);
        assertThat(figures.weeks().get(1).target()).isEqualTo(4);
        assertThat(figures.currentStage().slug()).isEqualTo("later");
    }
}
