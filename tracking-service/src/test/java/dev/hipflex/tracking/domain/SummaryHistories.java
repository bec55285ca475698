package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Summaries of generated histories: a plan started on some day, sessions and check-ins on random days up to today
 * (today may come before the plan starts), the adherence the engine computes from them, and a recommendation with
 * random rules, inputs and doses, or none. Text values carry characters that need escaping in JSON and XML, and some
 * outside Latin-1.
 */
public final class SummaryHistories {

    static final List<String> RULES = List.of("RF-NEURO", "RF-GAIT", "RF-NO-IMPROVEMENT", "GC-FEVER", "GC-BONE-STRESS",
            "UC-INFECTION", "CA-ACUTE", "CA-PREGNANCY", "CI-LOW-BACK", "CI-KNEE", "SC-NO-RED-FLAGS");
    static final List<String> INPUTS = List.of("painLocations", "side", "daysSinceOnset", "intensity", "signs",
            "warningSigns", "onset", "qualities");
    static final List<String> VALUES = List.of("groin", "front-of-hip, low-back", "left", "both", "42", "7", "none",
            "not given", "numbness, tingling", "pain \u2265 7 & <rest>", "\"quoted\"", "M\u00fcller's hip");
    static final List<String> LEVELS = List.of("self-care", "self-care-with-caution", "see-professional",
            "urgent-care");
    static final List<String> PHASES = List.of("release", "stretch", "strengthen");
    static final List<String> EXERCISES = List.of("foam-roll-quads-rectus-femoris", "couch-stretch", "dead-bug",
            "bird-dog", "glute-bridge-hold", "half-kneeling-hip-flexor-stretch", "low-lunge-side-reach");

    private SummaryHistories() {
    }

    /** The summary of one generated history; the same seed gives the same summary. */
    public static Summary generate(long seed) {
        Random random = new Random(seed);
        String person = "p-" + Long.toHexString(random.nextLong()) + (random.nextBoolean() ? ":x_y.z" : "");
        LocalDate start = TestPlans.START.plusDays(random.nextInt(200));
        LocalDate today = start.plusDays(random.nextInt(104) - 4);
        Instant madeAt = today.atTime(LocalTime.of(random.nextInt(24), random.nextInt(60))).atZone(TestPlans.BERLIN)
                .toInstant();
        Summary.Recommendation recommendation = random.nextInt(10) < 8 ? recommendation(random, madeAt) : null;
        if (random.nextInt(10) == 0) {
            return new Summary(person, madeAt, today, recommendation, null, List.of(), null, experiments(random, today),
                    function(random, start, today));
        }
        History history = history(random, start, today);
        Adherence adherence = history.compute(TestPlans.plan(start), today);
        List<String> planned = EXERCISES.subList(0, random.nextInt(EXERCISES.size() + 1));
        Summary.PlanOutline plan = new Summary.PlanOutline(List.of("active", "paused", "see-professional-first")
                .get(random.nextInt(3)), start, "complete-release-protocol", planned);
        return new Summary(person, madeAt, today, recommendation, plan,
                Summary.painRatings(history.days(), history.checkIns(), today), adherence, experiments(random, today),
                function(random, start, today));
    }

    static final List<String> ACTIVITIES = List.of("Getting up from a chair", "Running 5 km", "Putting on socks",
            "Stairs & <steps>", "\"Long\" walks", "Gartenarbeit (M\u00fcller's)", "\u6563\u6b65 walking",
            "Sitting at my desk for an hour", "Cycling to work");

    /**
     * The PSFS assessments of a generated history: none, or the start and the later weeks reached, each rating the
     * start's activities; some without the day they were recorded.
     */
    private static List<Summary.FunctionAssessment> function(Random random, LocalDate start, LocalDate today) {
        List<Summary.FunctionAssessment> list = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            return list;
        }
        List<String> activities = new ArrayList<>(ACTIVITIES);
        java.util.Collections.shuffle(activities, random);
        activities = activities.subList(0, 1 + random.nextInt(FunctionalScale.MAX_ACTIVITIES));
        for (int week : FunctionalScale.WEEKS) {
            LocalDate due = start.plusWeeks(week);
            if (week > 0 && (due.isAfter(today) || random.nextInt(4) == 0)) {
                continue;
            }
            List<FunctionalScale.Rating> ratings = activities.stream()
                    .map(a -> new FunctionalScale.Rating(a, random.nextInt(11))).toList();
            list.add(new Summary.FunctionAssessment(new FunctionalScale.Assessment(week, ratings),
                    random.nextInt(8) == 0 ? null : due.plusDays(random.nextInt(3))));
        }
        return list;
    }

    /**
     * The example for docs/: a person six weeks into the plan, told to see a professional for nerve signs, with
     * sessions on most days and a daily check-in whose pain eases from 6 to about 3.
     */
    public static Summary example() {
        LocalDate start = LocalDate.of(2026, 10, 12);
        LocalDate today = LocalDate.of(2026, 11, 23);
        History history = new History();
        for (int day = 0; day <= 42; day++) {
            LocalDate date = start.plusDays(day);
            if (day % 7 != 5) {
                history.add(Session.on(date).pain(day < 21 ? 5 : 4));
            }
            if (day % 3 != 2) {
                history.checkIn(date, 6 - day * 3 / 42);
            }
        }
        Instant madeAt = today.atTime(18, 30).atZone(TestPlans.BERLIN).toInstant();
        Summary.Dose hold45 = new Summary.Dose(new Summary.Range(45, 45), null, null, null, true);
        Summary.Dose bridge = new Summary.Dose(new Summary.Range(5, 5), new Summary.Range(3, 3),
                new Summary.Range(12, 12), null, false);
        Summary.Dose roll = new Summary.Dose(null, null, null, new Summary.Range(2, 2), true);
        Summary.Recommendation recommendation = new Summary.Recommendation(
                UUID.fromString("7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87"), today.atTime(8, 30).atZone(TestPlans.BERLIN)
                        .toInstant(), "see-professional",
                List.of(new Summary.FiredRule("RF-NEURO", "1", "release-tight-hips-guide",
                        List.of(new Summary.Evidence("signs", "numbness, tingling"))),
                        new Summary.FiredRule("CI-LOW-BACK", "1", "general-clinical-guidance",
                                List.of(new Summary.Evidence("painLocations", "front-of-hip, groin"),
                                        new Summary.Evidence("side", "left"),
                                        new Summary.Evidence("daysSinceOnset", "75"),
                                        new Summary.Evidence("intensity", "5")))),
                List.of(new Summary.Exercise("release", "foam-roll-quads-rectus-femoris", roll),
                        new Summary.Exercise("stretch", "half-kneeling-hip-flexor-stretch", hold45),
                        new Summary.Exercise("strengthen", "glute-bridge-hold", bridge)));
        Summary.PlanOutline plan = new Summary.PlanOutline("active", start, "complete-release-protocol",
                List.of("foam-roll-quads-rectus-femoris", "half-kneeling-hip-flexor-stretch", "glute-bridge-hold"));
        return new Summary("p-7f3e2c1a", madeAt, today, recommendation, plan,
                Summary.painRatings(history.days(), history.checkIns(), today),
                history.compute(TestPlans.plan(start), today),
                List.of(new Summary.ExperimentResult("everyday-shoes", LocalDate.of(2026, 10, 19),
                        LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 8), "completed", "helped", 5.857142857142857,
                        2.1818181818181817, 0.00012, 7, 11, "held")),
                List.of(psfs(0, start, 3, 2, 4), psfs(4, start.plusWeeks(4), 6, 4, 7)));
    }

    /** The example's PSFS: three activities named at the start, rated at week {@code week}. */
    private static Summary.FunctionAssessment psfs(int week, LocalDate recorded, int chair, int running, int socks) {
        return new Summary.FunctionAssessment(new FunctionalScale.Assessment(week, List.of(
                new FunctionalScale.Rating("Getting up from a chair", chair),
                new FunctionalScale.Rating("Running 5 km", running),
                new FunctionalScale.Rating("Putting on socks", socks))), recorded);
    }

    /** Up to two judged experiments, run through RootCauseExperiment over generated ratings. */
    private static List<Summary.ExperimentResult> experiments(Random random, LocalDate today) {
        List<Summary.ExperimentResult> results = new java.util.ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            LocalDate start = today.minusDays(20 + random.nextInt(40));
            java.util.Map<LocalDate, Integer> waking = new java.util.TreeMap<>();
            int level = random.nextInt(9);
            int shift = random.nextInt(7) - 4;
            for (int day = 0; day < 30; day++) {
                if (random.nextInt(6) > 0) {
                    int pain = (day < 9 ? level : level + shift) + random.nextInt(3) - 1;
                    waking.put(start.plusDays(day), Math.max(0, Math.min(10, pain)));
                }
            }
            String item = List.of("socks", "everyday-shoes", "sleeping-posture").get(random.nextInt(3));
            LocalDate ended = random.nextInt(4) == 0 ? start.plusDays(random.nextInt(12)) : null;
            RootCauseExperiment.Course course = new RootCauseExperiment.Course(item, start, null, ended, null, null);
            RootCauseExperiment.Progress p = RootCauseExperiment.progress(course, waking, today);
            if (p.result() != null) {
                results.add(new Summary.ExperimentResult(item, start, p.changeFrom(),
                        p.change() != null ? p.change().end() : ended,
                        p.change() != null ? p.change().reason().word() : "ended-by-person", p.result().outcome().word(),
                        p.result().baselineMean(), p.result().changeMean(), p.result().p(),
                        p.result().baselineRatings(), p.result().changeRatings(), null));
            }
        }
        return results;
    }

    private static History history(Random random, LocalDate start, LocalDate today) {
        History history = new History();
        double sessionChance = random.nextDouble();
        double checkInChance = random.nextDouble();
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            int sessions = random.nextDouble() < sessionChance ? 1 + random.nextInt(3) : 0;
            for (int i = 0; i < sessions; i++) {
                EnumSet<Phase> phases = EnumSet.allOf(Phase.class);
                if (random.nextInt(4) == 0) {
                    phases.remove(Phase.values()[random.nextInt(Phase.values().length)]);
                }
                history.add(new Session(day, phases, Side.values()[random.nextInt(Side.values().length)],
                        random.nextBoolean() ? random.nextInt(11) : null));
            }
            if (random.nextDouble() < checkInChance) {
                history.checkIn(day, random.nextInt(11));
            }
        }
        return history;
    }

    private static Summary.Recommendation recommendation(Random random, Instant madeAt) {
        List<Summary.FiredRule> rules = new ArrayList<>();
        for (String rule : RULES) {
            if (random.nextInt(3) == 0) {
                List<Summary.Evidence> inputs = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    inputs.add(new Summary.Evidence(pick(random, INPUTS), pick(random, VALUES)));
                }
                rules.add(new Summary.FiredRule(rule, String.valueOf(1 + random.nextInt(3)), "release-tight-hips-guide",
                        inputs));
            }
        }
        List<Summary.Exercise> exercises = new ArrayList<>();
        for (int i = random.nextInt(20); i > 0; i--) {
            exercises.add(new Summary.Exercise(pick(random, PHASES), pick(random, EXERCISES), random.nextInt(5) == 0
                    ? null
                    : new Summary.Dose(range(random), range(random), range(random), range(random), random.nextBoolean())));
        }
        return new Summary.Recommendation(new UUID(random.nextLong(), random.nextLong()),
                madeAt.minusSeconds(random.nextInt(30 * 86_400)), pick(random, LEVELS), rules, exercises);
    }

    private static Summary.Range range(Random random) {
        if (random.nextInt(3) == 0) {
            return random.nextBoolean() ? null : new Summary.Range(null, null);
        }
        int min = 1 + random.nextInt(60);
        return new Summary.Range(min, random.nextBoolean() ? min : min + random.nextInt(10));
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
