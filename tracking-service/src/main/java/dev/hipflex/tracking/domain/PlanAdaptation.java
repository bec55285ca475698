package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.hipflex.tracking.domain.AdherencePolicy.AdaptationRule;
import dev.hipflex.tracking.domain.AdherencePolicy.SessionFacts;

/**
 * The adapting plan: the person's history of session feedback and waking ratings replayed, in day order, through the
 * rules {@code TRK-ADAPT-*} of the {@link AdherencePolicy}. A pure function of the history, so the same history always
 * gives the same plan and every change carries the facts that made its rule fire.
 * <p>
 * A session is decided on the morning after it (its waking rating), or on its own day when the pain during it alone
 * calls for a step back; a session whose morning has not come yet waits.
 */
public final class PlanAdaptation {

    /** A dose variable an exercise may step: the catalog's range and step. */
    public record DoseStep(String variable, int min, int max, int step) {
    }

    /** What the catalog says about stepping one exercise. */
    public record ExerciseSteps(String slug, Map<String, Integer> start, List<DoseStep> steps, List<String> progressions,
            List<String> regressions) {

        public ExerciseSteps {
            start = Map.copyOf(start);
            steps = List.copyOf(steps);
            progressions = List.copyOf(progressions);
            regressions = List.copyOf(regressions);
        }

        DoseStep step(String variable) {
            return steps.stream().filter(s -> s.variable().equals(variable)).findFirst().orElse(null);
        }
    }

    /**
     * A session's feedback: the worst pain during it and, optionally, how hard it felt and whether the worst was pain or
     * a strong stretch feeling (which only the escalations read).
     */
    public record Feedback(LocalDate day, int painDuring, Effort effort, PainKind painKind) {

        public Feedback(LocalDate day, int painDuring, Effort effort) {
            this(day, painDuring, effort, null);
        }
    }

    /** One exercise of today's plan and its current dose (the variables the catalog lets step). */
    public record Prescription(String exercise, Map<String, Integer> dose) {
    }

    /** One change, with the rule that made it and the facts it fired on. */
    public record Change(LocalDate day, LocalDate sessionDay, AdaptationRule rule, SessionFacts facts, String fromExercise,
            String toExercise, String variable, Integer from, Integer to) {

        /** Names the change among a person's changes, however often the history is replayed. */
        public String key() {
            return String.join("|", day.toString(), sessionDay.toString(), rule.id(), fromExercise, toExercise,
                    String.valueOf(variable), String.valueOf(from), String.valueOf(to));
        }

        /** forward or back. */
        public String direction() {
            return rule == AdherencePolicy.ADAPT_STEP_FORWARD ? "forward" : "back";
        }

        /** The figures the rule read, as the person and the event see them. */
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("painDuring", facts.painDuring());
            figures.put("nextWakingPain", facts.nextWakingPain());
            figures.put("baseline", facts.baseline());
            figures.put("effort", facts.effort() == null ? null : facts.effort().word());
            figures.put("toleratedInARow", facts.toleratedInARow());
            figures.put("daysSinceLastChange", facts.daysSinceLastChange());
            figures.put("everyMorningRated", facts.everyMorningRated());
            figures.put("weekMeanRose", facts.weekMeanRose());
            return Collections.unmodifiableMap(figures);
        }

        /**
         * A sentence for the person, naming exercises by {@code titles} (the catalog's titles) and the dose in words
         * ({@link DoseVariable}).
         */
        public String sentence(Function<String, String> titles) {
            String what = variable == null
                    ? (rule == AdherencePolicy.ADAPT_STEP_FORWARD ? "you move on from " : "you go back from ")
                            + titles.apply(fromExercise) + " to " + titles.apply(toExercise)
                    : titles.apply(fromExercise) + ": " + DoseVariable.change(variable, from, to);
            String why = rule == AdherencePolicy.ADAPT_STEP_FORWARD
                    ? "Your last " + facts.toleratedInARow() + " sessions went well (pain during them at most 5 and the "
                            + "next morning close to your usual), so "
                    : facts.painDuring() > AdherencePolicy.ADAPT_STEP_BACK.painDuringAbove()
                            ? "Pain during your session reached " + facts.painDuring() + ", above 5, so "
                            : facts.nextWakingPain() != null && facts.baseline() != null
                                    && facts.nextWakingPain() >= facts.baseline() + 2
                                            ? "The morning after your session your pain was " + facts.nextWakingPain()
                                                    + ", 2 or more above your usual " + baseline(facts.baseline()) + ", so "
                                            : "Your waking pain this week was higher than the week before, so ";
            return why + what + ".";
        }

        private static String baseline(double value) {
            return value == Math.rint(value) ? Integer.toString((int) value) : Double.toString(value);
        }
    }

    /**
     * Days a root-cause experiment runs, when the plan does not step forward (TRK-ADAPT-STEP-FORWARD).
     *
     * @param to the last day, or null while it runs
     */
    public record Freeze(LocalDate from, LocalDate to) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** Today's exercises with their doses, and every change so far, oldest first. */
    public record Adapted(List<Prescription> plan, List<Change> changes) {
    }

    private PlanAdaptation() {
    }

    /**
     * @param exercises the plan's exercises in order (from the recommendation)
     * @param catalog what the catalog says about stepping each exercise it knows
     * @param excluded exercises the recommendation rules out: never stepped into
     * @param sessions session feedback, in any order
     * @param waking waking ratings by day (several on one day: the highest counts)
     * @param start the plan's first day; "days since the last change" counts from it until the first change
     * @param today decisions up to this day are taken
     */
    public static Adapted adapt(List<String> exercises, Map<String, ExerciseSteps> catalog, Set<String> excluded,
            List<Feedback> sessions, Map<LocalDate, Integer> waking, LocalDate start, LocalDate today) {
        return adapt(exercises, catalog, excluded, sessions, waking, List.of(), start, today);
    }

    /** @param frozen the days root-cause experiments ran or run: no step forward is decided on them */
    public static Adapted adapt(List<String> exercises, Map<String, ExerciseSteps> catalog, Set<String> excluded,
            List<Feedback> sessions, Map<LocalDate, Integer> waking, List<Freeze> frozen, LocalDate start,
            LocalDate today) {
        Replay replay = new Replay(exercises, catalog, excluded, new TreeMap<>(waking), List.copyOf(frozen), start);
        List<Feedback> ordered = sessions.stream()
                .sorted(Comparator.comparing(Feedback::day).thenComparingInt(Feedback::painDuring)
                        .thenComparing(f -> f.effort() == null ? "" : f.effort().word()))
                .toList();
        for (Feedback session : ordered) {
            if (!replay.decide(session, today)) {
                break;
            }
        }
        return new Adapted(replay.prescriptions(), List.copyOf(replay.changes));
    }

    /** The median of the last {@code count} ratings on or before {@code day}, or null with fewer than {@code min}. */
    static Double baseline(TreeMap<LocalDate, Integer> waking, LocalDate day, int count, int min) {
        List<Integer> last = new ArrayList<>(waking.headMap(day, true).descendingMap().values().stream().limit(count).toList());
        if (last.size() < min) {
            return null;
        }
        last.sort(null);
        int n = last.size();
        return n % 2 == 1 ? last.get(n / 2) : (last.get(n / 2 - 1) + last.get(n / 2)) / 2.0;
    }

    /** Whether the mean waking pain of the 7 days up to {@code day} is above that of the 7 days before. */
    static boolean weekMeanRose(TreeMap<LocalDate, Integer> waking, LocalDate day) {
        Map<LocalDate, Integer> latest = waking.subMap(day.minusDays(6), true, day, true);
        Map<LocalDate, Integer> before = waking.subMap(day.minusDays(13), true, day.minusDays(7), true);
        if (latest.size() < 3 || before.size() < 3) {
            return false;
        }
        long latestSum = latest.values().stream().mapToLong(Integer::longValue).sum();
        long beforeSum = before.values().stream().mapToLong(Integer::longValue).sum();
        // latestSum / latestCount > beforeSum / beforeCount, exactly
        return latestSum * before.size() > beforeSum * latest.size();
    }

    /** The replay's state: the slots of the plan and the count of tolerated sessions since the last change. */
    private static final class Replay {

        private final Map<String, ExerciseSteps> catalog;
        private final Set<String> excluded;
        private final TreeMap<LocalDate, Integer> waking;
        private final List<Freeze> frozen;
        private final List<String> slots = new ArrayList<>();
        private final List<Map<String, Integer>> doses = new ArrayList<>();
        private final List<Change> changes = new ArrayList<>();
        private LocalDate lastChange;
        private LocalDate lastStepBack;
        private int lastForwardSlot = -1;
        private int toleratedInARow;
        private LocalDate firstOfRun;

        Replay(List<String> exercises, Map<String, ExerciseSteps> catalog, Set<String> excluded,
                TreeMap<LocalDate, Integer> waking, List<Freeze> frozen, LocalDate start) {
            this.catalog = catalog;
            this.excluded = excluded;
            this.waking = waking;
            this.frozen = frozen;
            this.lastChange = start;
            for (String exercise : exercises) {
                slots.add(exercise);
                doses.add(startDose(exercise));
            }
        }

        private Map<String, Integer> startDose(String exercise) {
            ExerciseSteps steps = catalog.get(exercise);
            Map<String, Integer> dose = new LinkedHashMap<>();
            if (steps != null) {
                for (DoseStep step : steps.steps()) {
                    int value = steps.start().getOrDefault(step.variable(), step.min());
                    dose.put(step.variable(), Math.max(step.min(), Math.min(step.max(), value)));
                }
            }
            return dose;
        }

        /** Decides one session; false when its morning has not come yet (nor have later sessions'). */
        boolean decide(Feedback session, LocalDate today) {
            LocalDate morning = session.day().plusDays(1);
            AdherencePolicy.ToleratedSession tolerated = AdherencePolicy.ADAPT_TOLERATED;
            boolean painAlone = session.painDuring() > AdherencePolicy.ADAPT_STEP_BACK.painDuringAbove();
            if (morning.isAfter(today) && !painAlone) {
                return false;
            }
            // Pain during alone decides on the session's own day, so the decision is the same whenever it is replayed.
            Integer next = painAlone ? null : waking.get(morning);
            Double baseline = baseline(waking, session.day(), tolerated.baselineRatings(), tolerated.minRatings());
            LocalDate decidedOn = painAlone ? session.day() : morning;
            SessionFacts probe = facts(session, next, baseline, 0, decidedOn);
            int inARow = tolerated.fires(probe) ? toleratedInARow + 1 : 0;
            if (inARow == 1) {
                firstOfRun = session.day();
            }
            SessionFacts facts = facts(session, next, baseline, inARow, decidedOn);
            toleratedInARow = inARow;
            if (AdherencePolicy.ADAPT_STEP_BACK.fires(facts)) {
                stepBack(session, facts, decidedOn);
            } else if (AdherencePolicy.ADAPT_STEP_FORWARD.fires(facts)) {
                stepForward(session, facts, decidedOn);
            }
            return true;
        }

        private SessionFacts facts(Feedback session, Integer next, Double baseline, int inARow, LocalDate decidedOn) {
            boolean everyMorning = inARow > 0 && firstOfRun != null && everyMorningRated(firstOfRun.plusDays(1), decidedOn);
            boolean rose = weekMeanRose(waking, decidedOn);
            boolean steppedBackThisWeek = lastStepBack != null
                    && ChronoUnit.DAYS.between(lastStepBack, decidedOn) < Plan.DAYS_PER_WEEK;
            return new SessionFacts(session.painDuring(), next, baseline, session.effort(), inARow,
                    Math.toIntExact(ChronoUnit.DAYS.between(lastChange, decidedOn)), everyMorning,
                    frozen.stream().anyMatch(f -> f.covers(decidedOn)), rose,
                    steppedBackThisWeek);
        }

        private boolean everyMorningRated(LocalDate from, LocalDate to) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (!waking.containsKey(day)) {
                    return false;
                }
            }
            return true;
        }

        private void stepForward(Feedback session, SessionFacts facts, LocalDate day) {
            int n = slots.size();
            for (int i = 1; i <= n; i++) {
                int slot = (lastForwardSlot + i) % n;
                if (step(slot, true, session, facts, day)) {
                    lastForwardSlot = slot;
                    changed(day);
                    return;
                }
            }
        }

        private void stepBack(Feedback session, SessionFacts facts, LocalDate day) {
            int n = slots.size();
            List<Integer> order = new ArrayList<>();
            if (lastForwardSlot >= 0) {
                order.add(lastForwardSlot);
            }
            for (int slot = 0; slot < n; slot++) {
                if (slot != lastForwardSlot) {
                    order.add(slot);
                }
            }
            for (int slot : order) {
                if (step(slot, false, session, facts, day)) {
                    lastStepBack = day;
                    changed(day);
                    return;
                }
            }
        }

        /**
         * Moves one thing of the slot one step: the first dose variable that can go up (forward), or the last that can
         * come down (back), else the progression or regression.
         */
        private boolean step(int slot, boolean forward, Feedback session, SessionFacts facts, LocalDate day) {
            String exercise = slots.get(slot);
            ExerciseSteps steps = catalog.get(exercise);
            if (steps == null) {
                return false;
            }
            AdaptationRule rule = forward ? AdherencePolicy.ADAPT_STEP_FORWARD : AdherencePolicy.ADAPT_STEP_BACK;
            List<DoseStep> order = new ArrayList<>(steps.steps());
            if (!forward) {
                Collections.reverse(order);
            }
            Map<String, Integer> dose = doses.get(slot);
            for (DoseStep step : order) {
                int value = dose.get(step.variable());
                int to = forward ? Math.min(step.max(), value + step.step()) : Math.max(step.min(), value - step.step());
                if (to != value) {
                    dose.put(step.variable(), to);
                    changes.add(new Change(day, session.day(), rule, facts, exercise, exercise, step.variable(), value, to));
                    return true;
                }
            }
            return replace(slot, forward ? steps.progressions() : steps.regressions(), rule, session, facts, day);
        }

        /** Puts the first of {@code candidates} that is known, allowed and not already in the plan in the slot. */
        private boolean replace(int slot, List<String> candidates, AdaptationRule rule, Feedback session,
                SessionFacts facts, LocalDate day) {
            for (String candidate : candidates) {
                if (catalog.containsKey(candidate) && !excluded.contains(candidate) && !slots.contains(candidate)) {
                    String from = slots.set(slot, candidate);
                    doses.set(slot, startDose(candidate));
                    changes.add(new Change(day, session.day(), rule, facts, from, candidate, null, null, null));
                    return true;
                }
            }
            return false;
        }

        private void changed(LocalDate day) {
            lastChange = day;
            toleratedInARow = 0;
            firstOfRun = null;
        }

        List<Prescription> prescriptions() {
            List<Prescription> plan = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                plan.add(new Prescription(slots.get(i), Collections.unmodifiableMap(new LinkedHashMap<>(doses.get(i)))));
            }
            return plan;
        }
    }
}
