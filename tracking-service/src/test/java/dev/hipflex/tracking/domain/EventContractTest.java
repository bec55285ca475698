package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.START;
import static dev.hipflex.tracking.domain.TestPlans.day;
import static dev.hipflex.tracking.domain.TestPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.EventJson;
import dev.hipflex.tracking.messaging.TrackingEvents;

/**
 * The events tracking emits, built by its real code (the adherence engine, TrackingEvents, the services' JSON
 * settings), keep the published contracts; and a broken event fails. In the domain package for the history helpers.
 */
class EventContractTest {

    private static final String PERSON = "person-7";
    private static final String SESSIONS = TrackingEvents.SESSIONS_TOPIC;
    private static final String ADHERENCE = TrackingEvents.ADHERENCE_TOPIC;
    private static final String ALERTS = TrackingEvents.ALERTS_TOPIC;

    private static SessionCompletion session(Set<Phase> phases, List<String> exercises, Side sides, int before,
            int after, OffsetDateTime endedAt) {
        return new SessionCompletion(UUID.randomUUID(), OffsetDateTime.of(2024, 3, 6, 18, 0, 0, 0, ZoneOffset.ofHours(1)),
                "Europe/Berlin", endedAt, 20, phases, exercises, sides, before, after, null, null, null);
    }

    private static String sessionEvent(SessionCompletion session) {
        return EventJson.write(TrackingEvents.sessionCompleted(PERSON, session, START));
    }

    @Test
    void sessionCompletionEventsKeepTheirContract() {
        List<SessionCompletion> sessions = List.of(
                session(EnumSet.allOf(Phase.class), List.of("foam-roll-quads-rectus-femoris", "couch-stretch"), Side.BOTH,
                        5, 3, null),
                session(EnumSet.of(Phase.STRETCH), List.of(), Side.LEFT, 0, 0,
                        OffsetDateTime.of(2024, 3, 6, 18, 20, 0, 0, ZoneOffset.ofHours(1))),
                session(EnumSet.of(Phase.RELEASE, Phase.STRENGTHEN), List.of("glute-bridge-hold"), Side.RIGHT, 10, 10, null));
        for (SessionCompletion session : sessions) {
            EventContracts.assertValid(SESSIONS, PERSON, sessionEvent(session));
        }
    }

    @Test
    void adherenceUpdateEventsKeepTheirContractAcrossThePlan() {
        List<Adherence> figures = List.of(
                new History().compute(plan(START), START.minusDays(3)), // the plan starts later: no week, no stage
                new History().onDay(1),
                new History().daily(1, 5).onDay(6),
                new History().daily(1, 4).daily(8, 12).checkIn(day(1), 5).checkIn(day(22), 5).onDay(29),
                new History().daily(1, 14).daily(15, 15).onDay(100)); // beyond the timeline
        for (Adherence adherence : figures) {
            EventContracts.assertValid(ADHERENCE, PERSON, EventJson.write(TrackingEvents.sessionRecorded(PERSON, adherence)));
        }
    }

    @Test
    void planAdjustmentEventsKeepTheirContractForDoseChangesAndReplacements() {
        java.time.LocalDate start = java.time.LocalDate.of(2026, 3, 2);
        java.util.Map<java.time.LocalDate, Integer> waking = new java.util.HashMap<>();
        List<PlanAdaptation.Feedback> sessions = new java.util.ArrayList<>();
        for (int d = -7; d <= 30; d++) {
            waking.put(start.plusDays(d), 2);
        }
        for (int d = 0; d < 14; d++) {
            sessions.add(new PlanAdaptation.Feedback(start.plusDays(d), 2, Effort.TOO_EASY));
        }
        for (int d = 14; d < 20; d++) {
            sessions.add(new PlanAdaptation.Feedback(start.plusDays(d), 8, null));
        }
        List<PlanAdaptation.Change> changes = PlanAdaptation.adapt(List.of("couch-stretch"), PlanAdaptationTest.CATALOG,
                Set.of(), sessions, waking, start, start.plusDays(30)).changes();
        // Forward twice (60 -> 75 -> 90 s), then back down to 30 s and on to the regression.
        assertThat(changes).extracting(PlanAdaptation.Change::variable).contains("holdSeconds").containsNull();
        for (PlanAdaptation.Change change : changes) {
            EventContracts.assertValid(TrackingEvents.ADJUSTMENTS_TOPIC, PERSON,
                    EventJson.write(TrackingEvents.planAdjusted(PERSON, change, change.sentence(slug -> slug))));
        }
    }

    @Test
    void experimentResultEventsKeepTheirContractForEveryWayAnExperimentEnds() {
        java.util.Map<java.time.LocalDate, Integer> waking = RootCauseExperimentTest.ratings(new java.util.TreeMap<>(), 0,
                6, 6, 6, 5, 6, 6, 6, 2, 2, 2, 1, 2, 2, 2);
        RootCauseExperimentTest.ratings(waking, 15, 5, 6, 6, 6, 5, 6, 6);
        java.time.LocalDate start = RootCauseExperimentTest.START;
        List<RootCauseExperiment.Course> courses = List.of(
                new RootCauseExperiment.Course("socks", start, null, null, null, null),
                new RootCauseExperiment.Course("socks", start, null, start.plusDays(3), null, null),
                new RootCauseExperiment.Course("everyday-shoes", start, null, start.plusDays(10), null, null),
                new RootCauseExperiment.Course("socks", start, start.plusDays(7), null, start.plusDays(15), null));
        int events = 0;
        for (RootCauseExperiment.Course course : courses) {
            RootCauseExperiment.Progress p = RootCauseExperiment.progress(course, waking, start.plusDays(25));
            assertThat(p.result()).isNotNull();
            EventContracts.assertValid(TrackingEvents.EXPERIMENTS_TOPIC, PERSON, EventJson.write(
                    TrackingEvents.experimentResulted(UUID.randomUUID(), PERSON, course, p)));
            events++;
        }
        // Safety stop.
        java.util.Map<java.time.LocalDate, Integer> high = RootCauseExperimentTest.ratings(new java.util.TreeMap<>(), 0,
                3, 3, 3, 3, 3, 3, 3, 6, 6);
        RootCauseExperiment.Course course = new RootCauseExperiment.Course("socks", start, null, null, null, null);
        RootCauseExperiment.Progress stopped = RootCauseExperiment.progress(course, high, start.plusDays(9));
        assertThat(stopped.change().reason()).isEqualTo(RootCauseExperiment.EndReason.SAFETY_STOP);
        String event = EventJson.write(TrackingEvents.experimentResulted(UUID.randomUUID(), PERSON, course, stopped));
        EventContracts.assertValid(TrackingEvents.EXPERIMENTS_TOPIC, PERSON, event);
        assertThat(event).contains("\"endReason\":\"safety-stop\"").contains("\"outcome\":\"not-enough-data\"")
                .doesNotContain("\"change\":");
        assertThat(events).isEqualTo(4);
    }

    @Test
    void recoveryAlertEventsKeepTheirContractForEveryKindOfAlert() {
        History fullFourWeeks = new History().daily(1, 14).daily(15, 15).daily(17, 17).daily(19, 19).daily(22, 22)
                .daily(24, 24).daily(26, 26);
        List<Adherence> alerting = List.of(
                fullFourWeeks.checkIn(day(1), 5).checkIn(day(22), 5).onDay(29), // no improvement
                new History().daily(1, 4).daily(8, 12).checkIn(day(1), 5).checkIn(day(22), 5).onDay(29), // consistency
                new History().daily(1, 20).checkIn(day(1), 2).checkIn(day(22), 7).onDay(29)); // worsening
        assertThat(alerting).extracting(a -> a.alert().key()).containsExactlyInAnyOrder(
                "see-professional:no-improvement", "consistency:week-5", "see-professional:worsening");
        for (Adherence adherence : alerting) {
            EventContracts.assertValid(ALERTS, PERSON, EventJson.write(TrackingEvents.recoveryAlert(PERSON, adherence)));
        }
    }

    @Test
    void escalationEventsKeepTheRecoveryAlertContractForEveryTrigger() {
        java.time.LocalDate d = START;
        List<Escalations.Escalation> escalations = Escalations.of(
                List.of(new Escalations.SessionPain(d, 10, PainKind.PAIN), new Escalations.SessionPain(d, 7, null)),
                java.util.Map.of(d, 1, d.plusDays(1), 1, d.plusDays(2), 1, d.plusDays(3), 9, d.plusDays(4), 9),
                List.of(new Escalations.CheckInSigns(d, EnumSet.allOf(WarningSign.class))));
        assertThat(escalations).hasSize(2 + 1 + WarningSign.values().length);
        for (Escalations.Escalation e : escalations) {
            EventContracts.assertValid(ALERTS, PERSON, EventJson.write(TrackingEvents.escalated(PERSON, e, d, 42.5)));
            EventContracts.assertValid(ALERTS, PERSON, EventJson.write(TrackingEvents.escalated(PERSON, e, d, null)));
        }
        String event = EventJson.write(TrackingEvents.escalated(PERSON, escalations.get(0), d, 42.5));
        assertThat(EventContracts.violationsOnceChanged(ALERTS, PERSON, event, e -> EventContracts.data(e).putNull("urgency")))
                .isNotEmpty();
    }

    @Test
    void outcomeEventsKeepTheirContractAtTheStartAndLater() {
        FunctionalScale.Assessment start = new FunctionalScale.Assessment(0,
                List.of(new FunctionalScale.Rating("a", 3), new FunctionalScale.Rating("b", 4)));
        FunctionalScale.Assessment later = new FunctionalScale.Assessment(4,
                List.of(new FunctionalScale.Rating("a", 7), new FunctionalScale.Rating("b", 4)));
        FunctionalScale.Change change = FunctionalScale.change(start, later);
        TrackingEvents.OutcomeRecorded atStart = new TrackingEvents.OutcomeRecorded(PERSON, START, 0, 2, List.of(3, 4),
                3.5, null, null, null, null, null, null, null, AdherencePolicy.MEANINGFUL_PAIN_CHANGE.id(),
                AdherencePolicy.MEANINGFUL_PAIN_CHANGE.version(), null);
        TrackingEvents.OutcomeRecorded atWeek4 = new TrackingEvents.OutcomeRecorded(PERSON, START, 4, 2, List.of(7, 4),
                later.mean(), change.meanChange(), change.activityChanges(), change.change().word(),
                AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE.id(), AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE.version(),
                "improving", -2.0, AdherencePolicy.MEANINGFUL_PAIN_CHANGE.id(),
                AdherencePolicy.MEANINGFUL_PAIN_CHANGE.version(), 91.0);
        EventContracts.assertValid(TrackingEvents.OUTCOMES_TOPIC, PERSON,
                EventJson.write(TrackingEvents.outcomeRecorded(PERSON, atStart)));
        String event = EventJson.write(TrackingEvents.outcomeRecorded(PERSON, atWeek4));
        EventContracts.assertValid(TrackingEvents.OUTCOMES_TOPIC, PERSON, event);
        assertThat(EventContracts.violationsOnceChanged(TrackingEvents.OUTCOMES_TOPIC, PERSON, event,
                e -> EventContracts.data(e).put("week", 5))).isNotEmpty();
        assertThat(EventContracts.violationsOnceChanged(TrackingEvents.OUTCOMES_TOPIC, PERSON, event,
                e -> EventContracts.data(e).put("activity", "climbing stairs"))).isNotEmpty();
    }

    @Test
    void aSessionWithoutItsPainScoreIsRejected() {
        assertThat(broken(event -> EventContracts.data(event).remove("painBefore")))
                .anySatisfy(v -> assertThat(v).contains("painBefore"));
    }

    @Test
    void aSideWrittenAsTheJavaNameIsRejected() {
        assertThat(broken(event -> EventContracts.data(event).put("sides", "BOTH")))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.sides"));
    }

    @Test
    void aSessionCarryingMoreThanTheContractSaysIsRejected() {
        // Start and end times, or a check-in's notes, must not leak into the event unnoticed.
        assertThat(broken(event -> EventContracts.data(event).put("startedAt", "2024-03-06T18:00:00+01:00")))
                .anySatisfy(v -> assertThat(v).contains("startedAt"));
        assertThat(broken(event -> EventContracts.data(event).put("notes", "hip felt tight after work")))
                .anySatisfy(v -> assertThat(v).contains("notes"));
    }

    @Test
    void anAdherenceUpdateWithAnUnknownTriggerOrAPercentOver100IsRejected() {
        String event = EventJson.write(TrackingEvents.sessionRecorded(PERSON, new History().daily(1, 5).onDay(6)));
        ObjectNode tree = read(event);
        EventContracts.data(tree).put("trigger", "session-recorded");
        assertThat(EventContracts.violations(ADHERENCE, PERSON, tree.toString())).isEmpty();
        EventContracts.data(tree).put("trigger", "nightly");
        assertThat(EventContracts.violations(ADHERENCE, PERSON, tree.toString()))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.trigger"));
        EventContracts.data(tree).put("trigger", "week-closed").put("overallPercent", 100.1);
        assertThat(EventContracts.violations(ADHERENCE, PERSON, tree.toString()))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.overallPercent"));
    }

    /** A full session's event, broken by {@code change}: its violations, which must not be empty. */
    private static List<String> broken(Consumer<ObjectNode> change) {
        return EventContracts.violationsOnceChanged(SESSIONS, PERSON, sessionEvent(session(EnumSet.allOf(Phase.class),
                List.of("couch-stretch"), Side.BOTH, 4, 3, null)), change);
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
