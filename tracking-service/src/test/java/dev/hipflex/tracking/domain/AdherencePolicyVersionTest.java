package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.tracking.domain.Adherence.Direction;
import dev.hipflex.tracking.domain.AdherencePolicy.AlertFacts;
import dev.hipflex.tracking.domain.AdherencePolicy.AlertRule;

/**
 * A rule's condition, inputs or effect cannot change without its version changing. Each rule's fingerprint hashes its
 * inputs, its effect and what its condition answers over a fixed corpus: seeded generated histories run through the
 * engine, and a grid of the facts the alert rules read. The fingerprints are committed beside each rule's version in
 * {@value #FINGERPRINTS}.
 */
class AdherencePolicyVersionTest {

    static final String FINGERPRINTS = "src/test/resources/adherence-policy-fingerprints.txt";

    private static final List<String> LEVELS = Arrays.asList("self-care", "self-care-with-caution", "see-professional",
            "urgent-care", "unknown", null);

    /**
     * Whether a generated history counts as consistent work for the alert rules' facts: fixed here, so that an alert
     * rule's fingerprint moves with its own condition, not with TRK-CONSISTENT-WORK's threshold.
     */
    private static final long CORPUS_CONSISTENT_PERMILLE = 800;

    /** One person's generated history and the adherence the engine computes from it. */
    private record Case(Adherence adherence) {
    }

    @Test
    void everyRuleChangeComesWithANewVersionAndItsRecordedFingerprint() throws Exception {
        Map<String, String[]> recorded = recorded();
        List<String> problems = new ArrayList<>();
        List<Case> corpus = corpus();
        for (PolicyRule rule : AdherencePolicy.RULES) {
            String fingerprint = fingerprint(rule, corpus);
            String line = rule.id() + " " + rule.version() + " " + fingerprint;
            String[] known = recorded.remove(rule.id());
            if (known == null) {
                problems.add(rule.id() + " is new: record `" + line + "`");
            } else if (Integer.parseInt(known[0]) == rule.version() && !known[1].equals(fingerprint)) {
                problems.add(rule.id() + " changed its condition, inputs or effect but is still version " + rule.version()
                        + ": bump its version in AdherencePolicy to " + (rule.version() + 1)
                        + " and record the new fingerprint `" + rule.id() + " " + (rule.version() + 1) + " "
                        + fingerprint + "`");
            } else if (Integer.parseInt(known[0]) != rule.version() || !known[1].equals(fingerprint)) {
                problems.add(rule.id() + " is now version " + rule.version() + ": record its fingerprint `" + line + "`");
            }
        }
        recorded.keySet().forEach(id -> problems.add(id + " is no longer in the policy: remove its line"));
        assertThat(problems).withFailMessage("The adherence policy and " + FINGERPRINTS + " disagree:\n- "
                + String.join("\n- ", problems)).isEmpty();
    }

    @Test
    void aChangedThresholdChangesTheFingerprint() {
        List<Case> corpus = corpus();
        AdherencePolicy.ConsistentWork lower = new AdherencePolicy.ConsistentWork("TRK-CONSISTENT-WORK", 1,
                AdherencePolicy.RELEASE_GUIDE, 790);
        AdherencePolicy.NoImprovement sooner = new AdherencePolicy.NoImprovement("TRK-ALERT-NO-IMPROVEMENT", 1,
                AdherencePolicy.RELEASE_GUIDE, 3, AdherencePolicy.NO_IMPROVEMENT.reason());

        assertThat(fingerprint(lower, corpus)).isNotEqualTo(fingerprint(AdherencePolicy.CONSISTENT_WORK, corpus));
        assertThat(fingerprint(sooner, corpus)).isNotEqualTo(fingerprint(AdherencePolicy.NO_IMPROVEMENT, corpus));
        assertThat(fingerprint(AdherencePolicy.NO_IMPROVEMENT, corpus))
                .isEqualTo(fingerprint(AdherencePolicy.NO_IMPROVEMENT, corpus()));
    }

    static String fingerprint(PolicyRule rule, List<Case> corpus) {
        StringBuilder text = new StringBuilder("inputs: ").append(rule.inputs()).append("\neffect: ")
                .append(rule.effect()).append("\nbehaviour:");
        for (Object outcome : behaviour(rule, corpus)) {
            text.append(' ').append(outcome);
        }
        return Sha256.hex(text.toString()).substring(0, 16);
    }

    /** What the rule's condition answers over the corpus. */
    private static List<Object> behaviour(PolicyRule rule, List<Case> corpus) {
        if (rule instanceof AdherencePolicy.PlanWaitsForProfessional waits) {
            return LEVELS.stream().map(level -> (Object) waits.appliesTo(level)).toList();
        }
        if (rule instanceof AdherencePolicy.AdaptationRule adaptation) {
            return sessionFacts().stream().map(facts -> (Object) adaptation.fires(facts)).toList();
        }
        if (rule instanceof AdherencePolicy.ExperimentBaseline
                || rule instanceof AdherencePolicy.ExperimentChangePhase
                || rule instanceof AdherencePolicy.ExperimentSafetyStop
                || rule instanceof AdherencePolicy.ExperimentResultRule
                || rule instanceof AdherencePolicy.ExperimentConfirmation) {
            return experimentBehaviour(rule);
        }
        if (rule instanceof AlertRule alert) {
            List<Object> outcomes = new ArrayList<>();
            for (AlertFacts facts : alertFacts(corpus)) {
                Adherence.Alert raised = alert.alert(facts);
                outcomes.add(raised == null ? "-" : raised.level().word() + "/" + raised.key() + "/" + raised.reason());
            }
            if (alert instanceof AdherencePolicy.ConsistencyNudge nudge) {
                LocalDate weekFrom = TestPlans.day(29);
                Instant weekEnded = Instant.parse("2026-03-01T00:00:00Z");
                for (int offset = -8; offset <= 8; offset++) {
                    outcomes.add(nudge.dueOnSession(weekFrom.plusDays(offset), weekFrom));
                    outcomes.add(nudge.dueAtWeekClose(weekEnded.plusSeconds(offset * 3600L), weekEnded));
                }
            }
            return outcomes;
        }
        if (rule instanceof AdherencePolicy.EscalationRule || rule instanceof AdherencePolicy.MeaningfulFunctionChange) {
            return escalationOrFunction(rule);
        }
        Function<Case, Object> probe;
        if (rule instanceof AdherencePolicy.RecentWindow window) {
            probe = c -> {
                int recent = c.adherence().oneSideOnly().recentSessions();
                return recent + ":" + window.judges(recent);
            };
        } else if (rule instanceof AdherencePolicy.PhaseSkippedRepeatedly skipped) {
            probe = c -> c.adherence().skippedPhases().stream()
                    .map(s -> skipped.repeatedly(s.recentSessions(), s.recentSkipped())).toList();
        } else if (rule instanceof AdherencePolicy.MostlyOneSide oneSide) {
            probe = c -> oneSide.mostly(c.adherence().oneSideOnly().recentSessions(),
                    c.adherence().oneSideOnly().recentOneSided());
        } else if (rule instanceof AdherencePolicy.MeaningfulPainChange) {
            // Applied by the engine to the exact weekly sums, which only the trend it computes shows.
            probe = c -> c.adherence().painTrend().direction();
        } else if (rule instanceof AdherencePolicy.ConsistentWork consistent) {
            probe = c -> consistent.consistent(permille(c.adherence()));
        } else {
            throw new AssertionError(rule.id() + " has no probe in AdherencePolicyVersionTest: add one");
        }
        return corpus.stream().map(probe).toList();
    }

    /** A grid over what the escalation rules and the function rule read. */
    private static List<Object> escalationOrFunction(PolicyRule rule) {
        List<Object> outcomes = new ArrayList<>();
        if (rule instanceof AdherencePolicy.EscalateSessionPain pain) {
            List<PainKind> kinds = new ArrayList<>(Arrays.asList(PainKind.values()));
            kinds.add(null);
            for (int during = 0; during <= 10; during++) {
                for (PainKind kind : kinds) {
                    outcomes.add(pain.fires(during, kind));
                }
                for (int highest = -1; highest <= 10; highest++) {
                    outcomes.add(pain.worse(during, highest));
                }
            }
        } else if (rule instanceof AdherencePolicy.EscalateWakingPain waking) {
            for (int rating = 0; rating <= 10; rating++) {
                for (Double baseline : Arrays.asList(null, 0.0, 1.5, 2.0, 3.0, 7.5)) {
                    outcomes.add(waking.high(rating, baseline));
                }
            }
            outcomes.add(waking.daysRunning());
            outcomes.add(waking.pointsAbove(List.of(5, 6), List.of(2.5, 3.0)));
        } else if (rule instanceof AdherencePolicy.EscalateWarningSign sign) {
            for (WarningSign s : WarningSign.values()) {
                outcomes.add(sign.urgency(s));
            }
        } else if (rule instanceof AdherencePolicy.MeaningfulFunctionChange function) {
            Random random = new Random(5);
            for (int i = 0; i < 2_000; i++) {
                int n = 1 + random.nextInt(5);
                List<Integer> start = new ArrayList<>();
                List<Integer> now = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    start.add(random.nextInt(11));
                    now.add(random.nextInt(11));
                }
                outcomes.add(function.change(start, now));
            }
        }
        return outcomes;
    }

    private static final List<String> CHECKLIST = List.of("running-shoes", "exercise-form", "posterior-chain-work",
            "sleeping-posture", "everyday-shoes", "walking-duck-footed", "pillow-height", "socks", "unknown");

    /** What a root-cause experiment rule answers over seeded rating series, and grids of the facts it reads. */
    private static List<Object> experimentBehaviour(PolicyRule rule) {
        List<Object> outcomes = new ArrayList<>();
        Random random = new Random(19);
        LocalDate first = LocalDate.of(2026, 11, 2);
        if (rule instanceof AdherencePolicy.ExperimentBaseline baseline) {
            outcomes.add(baseline.windowDays());
            for (int i = 0; i < 400; i++) {
                outcomes.add(baseline.ready(series(random, first, 4 + random.nextInt(11), random.nextInt(9),
                        (random.nextInt(9) - 4) * 0.05)));
            }
        } else if (rule instanceof AdherencePolicy.ExperimentChangePhase phase) {
            outcomes.add(phase.minRatings());
            for (String item : CHECKLIST) {
                outcomes.add(item + ":" + phase.days(item) + ":" + phase.settle(item) + ":" + phase.mostDays(item));
            }
        } else if (rule instanceof AdherencePolicy.ExperimentSafetyStop stop) {
            outcomes.add(stop.daysRunning());
            for (int tenths = 0; tenths <= 100; tenths += 5) {
                for (int pain = 0; pain <= 10; pain++) {
                    outcomes.add(stop.high(tenths / 10.0, pain));
                }
            }
        } else if (rule instanceof AdherencePolicy.ExperimentResultRule result) {
            for (int i = 0; i < 400; i++) {
                int before = random.nextInt(11);
                List<ExperimentStatistics.Rating> a = series(random, first, 3 + random.nextInt(12), before, 0);
                List<ExperimentStatistics.Rating> b = series(random, first.plusDays(20), 3 + random.nextInt(12),
                        Math.max(0, before - random.nextInt(6) + 1), 0);
                outcomes.add(result.judge(a, b).outcome().word());
            }
        } else if (rule instanceof AdherencePolicy.ExperimentConfirmation confirmation) {
            outcomes.add(confirmation.days() + ":" + confirmation.extraDays());
            for (String item : CHECKLIST) {
                for (ExperimentStatistics.Outcome outcome : ExperimentStatistics.Outcome.values()) {
                    outcomes.add(confirmation.offered(item, outcome));
                    outcomes.add(confirmation.confirmation(new ExperimentStatistics.Result(outcome, 7, 7, 1.0, 1.0,
                            0.0, 1.0, 0.0, false, "")));
                }
            }
        }
        return outcomes;
    }

    /** Daily ratings: level + slope × day + noise, rounded into 0–10. */
    private static List<ExperimentStatistics.Rating> series(Random random, LocalDate from, int days, double level,
            double slope) {
        List<ExperimentStatistics.Rating> ratings = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            long pain = Math.round(level + slope * day + random.nextGaussian() * 0.7);
            ratings.add(new ExperimentStatistics.Rating(from.plusDays(day), (int) Math.max(0, Math.min(10, pain))));
        }
        return ratings;
    }

    /** A grid over the facts the adapting-plan rules read. */
    private static List<AdherencePolicy.SessionFacts> sessionFacts() {
        List<AdherencePolicy.SessionFacts> grid = new ArrayList<>();
        List<Effort> efforts = new ArrayList<>(Arrays.asList(Effort.values()));
        efforts.add(null);
        boolean[] both = {false, true};
        for (int during : new int[] {0, 3, 5, 6, 8}) {
            for (Integer next : Arrays.asList(null, 0, 2, 3, 4, 5)) {
                for (Double baseline : Arrays.asList(null, 2.0, 2.5)) {
                    for (Effort effort : efforts) {
                        for (int inARow : new int[] {0, 2, 3}) {
                            for (int days : new int[] {6, 7}) {
                                for (boolean everyMorning : both) {
                                    for (boolean experiment : both) {
                                        for (boolean rose : both) {
                                            for (boolean steppedBack : both) {
                                                grid.add(new AdherencePolicy.SessionFacts(during, next, baseline, effort,
                                                        inARow, days, everyMorning, experiment, rose, steppedBack));
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return grid;
    }

    private static long permille(Adherence a) {
        return Math.round(a.overallPercent() * 10);
    }

    /** The facts of every generated history, then a grid over the facts alert rules read. */
    private static List<AlertFacts> alertFacts(List<Case> corpus) {
        List<AlertFacts> facts = new ArrayList<>();
        for (Case c : corpus) {
            Adherence a = c.adherence();
            int complete = a.planDay() < 1 ? 0 : (a.planDay() - 1) / Plan.DAYS_PER_WEEK;
            facts.add(new AlertFacts(a.painTrend().direction(),
                    a.painTrend().latest() == null ? null : a.painTrend().latest().week(),
                    permille(a) >= CORPUS_CONSISTENT_PERMILLE, complete,
                    a.planDay() < 1 ? 0 : complete + 1, TestPlans.CATALOG_SCHEDULE.totalWeeks()));
        }
        List<Direction> directions = new ArrayList<>(Arrays.asList(Direction.values()));
        directions.add(null);
        for (Direction direction : directions) {
            for (Integer latest : Arrays.asList(null, 1, 2, 3, 4, 5, 6, 8)) {
                for (boolean consistent : new boolean[] {false, true}) {
                    for (int week = 1; week <= 14; week++) {
                        facts.add(new AlertFacts(direction, latest, consistent, week - 1, week, 12));
                    }
                }
            }
        }
        return facts;
    }

    /** Fixed: the same seed, so the same histories, on every run. */
    static List<Case> corpus() {
        Random random = new Random(16);
        List<Case> corpus = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            History history = new History();
            int today = 1 + random.nextInt(95);
            double activity = random.nextDouble();
            double oneSided = random.nextDouble() * 0.8;
            double skipping = random.nextDouble() * 0.7;
            for (int planDay = 1; planDay <= today; planDay++) {
                if (random.nextDouble() < activity) {
                    Session session = Session.on(day(planDay));
                    for (Phase phase : EnumSet.allOf(Phase.class)) {
                        if (random.nextDouble() < skipping && session.phases().size() > 1) {
                            session = session.without(phase);
                        }
                    }
                    if (random.nextDouble() < oneSided) {
                        session = session.side(random.nextBoolean() ? Side.LEFT : Side.RIGHT);
                    }
                    if (random.nextDouble() < 0.3) {
                        session = session.pain(random.nextInt(11));
                    }
                    history.add(session);
                }
            }
            int pain = random.nextInt(11);
            int slope = random.nextInt(5) - 2;
            for (int planDay = 1 + random.nextInt(7); planDay <= today; planDay += 2 + random.nextInt(9)) {
                int week = (planDay - 1) / Plan.DAYS_PER_WEEK;
                history.checkIn(day(planDay), Math.max(0, Math.min(10, pain + slope * week / 2 + random.nextInt(3) - 1)));
            }
            corpus.add(new Case(history.onDay(today)));
        }
        return corpus;
    }

    /** id → {version, fingerprint} as committed. */
    private static Map<String, String[]> recorded() throws Exception {
        Map<String, String[]> recorded = new LinkedHashMap<>();
        Path file = Path.of(FINGERPRINTS);
        if (!Files.exists(file)) {
            return recorded;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            recorded.put(parts[0], new String[] {parts[1], parts[2]});
        }
        return recorded;
    }
}
