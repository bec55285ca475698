package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hipflex.tracking.domain.Adherence.Alert;
import dev.hipflex.tracking.domain.Adherence.Alert.Level;
import dev.hipflex.tracking.domain.Adherence.Direction;

/**
 * Every clinical and adherence decision tracking takes, in one place: each rule a named object with id, version,
 * source, description, inputs and effect; the calculators only apply them. The schedule (how many sessions a week) and
 * the recovery timeline are not here: they come from the catalog's protocol and timeline through the {@link Plan}.
 * {@link AdherencePolicyDocument} renders the policy for review.
 */
public final class AdherencePolicy {

    /** Seed 003, "Hip Flexor Pain: Release Tight Hips with These Exercises". */
    static final String RELEASE_GUIDE = "release-tight-hips-guide";
    static final String GENERAL_GUIDANCE = "general-clinical-guidance";
    /** Seed 000, "A Cure For Hip Flexor Pain You Won't Believe": change one thing at a time. */
    static final String ROOT_CAUSE = "mfactor-root-cause";

    /** The sources' titles, for readers of the review document. */
    static final Map<String, String> SOURCE_TITLES = Map.of(
            RELEASE_GUIDE, "Hip Flexor Pain: Release Tight Hips with These Exercises, seed article 003",
            GENERAL_GUIDANCE, "General clinical guidance for hip and groin pain",
            ROOT_CAUSE, "A Cure For Hip Flexor Pain You Won't Believe, seed article 000");

    /** A recommendation at one of these levels asks for a professional's advice before the plan starts. */
    public record PlanWaitsForProfessional(String id, int version, String source, Set<String> levels)
            implements PolicyRule {

        public boolean appliesTo(String level) {
            return level != null && levels.contains(level);
        }

        @Override
        public String description() {
            return "The recommendation's level is one of " + String.join(", ", levels.stream().sorted().toList())
                    + ": triage asks the person to see a professional before exercising.";
        }

        @Override
        public List<String> inputs() {
            return List.of("recommendation level");
        }

        @Override
        public String effect() {
            return "The plan is marked see-professional-first instead of starting; it starts when a later "
                    + "recommendation allows it or when the person starts it themselves.";
        }
    }

    /** What "recent" means for habits. */
    public record RecentWindow(String id, int version, String source, int days, int minSessions) implements PolicyRule {

        /** Whether this many recent sessions are enough to say something about habits. */
        public boolean judges(int recentSessions) {
            return recentSessions >= minSessions;
        }

        @Override
        public String description() {
            return "Habits are judged on the recent sessions: those of today and the " + (days - 1)
                    + " days before (within the plan), and only once there are at least " + minSessions + " of them. The "
                    + "source asks for regular, complete sessions; the window and the minimum are hipflex's reading.";
        }

        @Override
        public List<String> inputs() {
            return List.of("session dates", "today's date");
        }

        @Override
        public String effect() {
            return "Sets the window and the minimum number of sessions that the skipped-phase and one-side rules use.";
        }
    }

    /** A phase left out of at least {@code share} of the recent sessions is skipped repeatedly. */
    public record PhaseSkippedRepeatedly(String id, int version, String source, RecentWindow window, int percent)
            implements PolicyRule {

        public boolean repeatedly(int recentSessions, int recentSkipped) {
            return window.judges(recentSessions) && 100L * recentSkipped >= (long) percent * recentSessions;
        }

        @Override
        public String description() {
            return "A phase (release, stretch or strengthen) was left out of at least " + percent + " % of the recent "
                    + "sessions (" + window.id() + "). Skipping strengthening is the common mistake the source names.";
        }

        @Override
        public List<String> inputs() {
            return List.of("recent sessions", "recent sessions without the phase");
        }

        @Override
        public String effect() {
            return "The phase is shown as skipped repeatedly, listed first (strengthening first among equals).";
        }
    }

    /** Most recent sessions worked one side only, although the source asks for both sides. */
    public record MostlyOneSide(String id, int version, String source, RecentWindow window, int percent)
            implements PolicyRule {

        public boolean mostly(int recentSessions, int recentOneSided) {
            return window.judges(recentSessions) && 100L * recentOneSided > (long) percent * recentSessions;
        }

        @Override
        public String description() {
            return "More than " + percent + " % of the recent sessions (" + window.id() + ") worked the left or the "
                    + "right side only; the source asks for both sides even when the pain is on one.";
        }

        @Override
        public List<String> inputs() {
            return List.of("recent sessions", "recent sessions on one side only");
        }

        @Override
        public String effect() {
            return "Adherence shows that the sessions are mostly one-sided.";
        }
    }

    /**
     * A change in weekly pain large enough to count, asymmetric as the outcome literature has it: less pain counts once
     * it is both a relative and an absolute drop (a 30 % drop from 3/10 alone is within measurement error), more pain
     * once it is an absolute rise beyond noise.
     */
    public record MeaningfulPainChange(String id, int version, String source, int improvementPercent,
            int improvementPoints, int worseningPoints) implements PolicyRule {

        /**
         * Compared on the exact averages (sum / count), not on rounded ones, so that exactly the threshold counts and
         * anything below does not.
         */
        public Adherence.Direction direction(long firstSum, int firstCount, long latestSum, int latestCount) {
            // change = latest − first = delta / (firstCount × latestCount)
            long delta = latestSum * firstCount - firstSum * latestCount;
            long denominator = (long) firstCount * latestCount;
            if (delta < 0 && -delta >= improvementPoints * denominator
                    && 100 * -delta >= (long) improvementPercent * firstSum * latestCount) {
                return Adherence.Direction.IMPROVING;
            }
            if (delta > 0 && delta >= worseningPoints * denominator) {
                return Adherence.Direction.WORSENING;
            }
            return Adherence.Direction.STEADY;
        }

        @Override
        public String description() {
            return "The latest week's average pain (0–10, check-ins and pain before sessions weighted equally) compared "
                    + "with the first week's: improved when it fell by at least " + improvementPercent + " % of the "
                    + "first week's average and by at least " + improvementPoints + " point (Farrar JT et al., Pain "
                    + "2001;94:149–158; a " + improvementPercent + " % drop from 3/10 alone is within measurement "
                    + "error); worse when it rose by at least " + worseningPoints + " points (Childs JD et al., Spine "
                    + "2005).";
        }

        @Override
        public List<String> inputs() {
            return List.of("first week with pain data: pain sum and samples",
                    "latest week with pain data: pain sum and samples");
        }

        @Override
        public String effect() {
            return "The pain trend is improving (less pain) or worsening (more pain); otherwise it is steady. The "
                    + "outcomes (GET /me/outcomes, outcome-recorded) report the same direction.";
        }
    }

    /** Overall adherence high enough to call the work consistent. */
    public record ConsistentWork(String id, int version, String source, int permille) implements PolicyRule {

        /** @param overallPermille overall adherence in tenths of a percent, rounded down */
        public boolean consistent(long overallPermille) {
            return overallPermille >= permille;
        }

        @Override
        public String description() {
            return "Overall adherence (each week's sessions counted up to what the week asks, over what all weeks so "
                    + "far asked) is at least " + Percent.of(permille) + " %, rounded down so 79.96 % is not. The source "
                    + "speaks of consistent work; " + Percent.of(permille) + " % is the product's reading of it.";
        }

        @Override
        public List<String> inputs() {
            return List.of("overall adherence");
        }

        @Override
        public String effect() {
            return "The work counts as consistent for the recovery alerts.";
        }
    }

    /** What the alert rules read, as the engine works it out for today. */
    public record AlertFacts(Direction painDirection, Integer latestPainWeek, boolean consistent, int completeWeeks,
            int currentWeek, int totalWeeks) {
    }

    /** A rule that may raise a recovery alert. */
    public interface AlertRule extends PolicyRule {

        /** The alert, or null when the rule does not apply. */
        Alert alert(AlertFacts facts);
    }

    /** Meaningfully worse pain after the first weeks' expected soreness. */
    public record WorseningPain(String id, int version, String source, int earlyWeeks, String reason)
            implements AlertRule {

        static final String KEY = "see-professional:worsening";

        @Override
        public Alert alert(AlertFacts f) {
            boolean applies = f.painDirection() == Direction.WORSENING && f.latestPainWeek() != null
                    && f.latestPainWeek() > earlyWeeks;
            return applies ? new Alert(Level.SEE_PROFESSIONAL, KEY, reason) : null;
        }

        @Override
        public String description() {
            return "Pain has got meaningfully worse (TRK-MEANINGFUL-PAIN-CHANGE) and the latest pain data is from after "
                    + "week " + earlyWeeks + ": some soreness from new exercises is normal in the first " + earlyWeeks
                    + " weeks. Applies whatever the adherence.";
        }

        @Override
        public List<String> inputs() {
            return List.of("pain trend direction", "latest week with pain data");
        }

        @Override
        public String effect() {
            return "Recovery alert `" + KEY + "` (see a professional): \"" + reason + "\"";
        }
    }

    /** Pain not meaningfully improved after weeks of consistent work. */
    public record NoImprovement(String id, int version, String source, int weeks, String reason)
            implements AlertRule {

        static final String KEY = "see-professional:no-improvement";

        @Override
        public Alert alert(AlertFacts f) {
            // Only a comparison that reaches into the alert window shows that pain has not improved: no data, or data
            // from the first weeks alone, shows nothing.
            boolean shown = f.latestPainWeek() != null && f.latestPainWeek() >= weeks
                    && f.painDirection() != Direction.IMPROVING;
            boolean applies = f.consistent() && f.completeWeeks() >= weeks && shown;
            return applies ? new Alert(Level.SEE_PROFESSIONAL, KEY, reason) : null;
        }

        @Override
        public String description() {
            return "After at least " + weeks + " complete plan weeks of consistent work (TRK-CONSISTENT-WORK), pain data "
                    + "from week " + weeks + " or later shows no meaningful improvement over the first week (steady or "
                    + "worse). The same " + weeks + " weeks as triage's RF-NO-IMPROVEMENT (the source's 4 to 6 weeks).";
        }

        @Override
        public List<String> inputs() {
            return List.of("consistent work", "complete plan weeks", "pain trend direction",
                    "latest week with pain data");
        }

        @Override
        public String effect() {
            return "Recovery alert `" + KEY + "` (see a professional): \"" + reason + "\"";
        }
    }

    /** Low adherence once the protocol should have had a fair try. */
    public record ConsistencyNudge(String id, int version, String source, int firstWeek, String reason)
            implements AlertRule {

        static final String KEY_PREFIX = "consistency:week-";

        @Override
        public Alert alert(AlertFacts f) {
            boolean applies = !f.consistent() && f.currentWeek() >= firstWeek && f.currentWeek() <= f.totalWeeks();
            return applies ? new Alert(Level.CONSISTENCY, KEY_PREFIX + f.currentWeek(), reason) : null;
        }

        /**
         * Whether a session on {@code sessionDay} may bring the nudge: only one in the current plan week. A session
         * logged for an earlier week is the person catching up their log, whose figures look low until it is complete.
         */
        public boolean dueOnSession(LocalDate sessionDay, LocalDate currentWeekFrom) {
            return !sessionDay.isBefore(currentWeekFrom);
        }

        /**
         * Whether a closing week may bring the nudge: only if the plan was set up as it is before the week ended. A
         * plan set up just now with an earlier start date (a late first recommendation, someone who began before
         * telling us) has had no chance to be logged yet.
         */
        public boolean dueAtWeekClose(Instant planSetUp, Instant weekEnded) {
            return planSetUp.isBefore(weekEnded);
        }

        @Override
        public String description() {
            return "The work is not consistent (TRK-CONSISTENT-WORK) in plan week " + firstWeek + " or later, up to the "
                    + "plan's last week: the protocol has not really been tried yet, so the person is nudged about "
                    + "consistency rather than referred.";
        }

        @Override
        public List<String> inputs() {
            return List.of("consistent work", "current plan week", "plan weeks in the schedule",
                    "day of the session logged", "when the plan was set up");
        }

        @Override
        public String effect() {
            return "Recovery alert `" + KEY_PREFIX + "N` for plan week N (consistency), at most once a plan week, and only for a "
                    + "session logged in the current week, or when a week closes that ended after the plan was set up: \""
                    + reason + "\"";
        }
    }

    /** The facts an adapting-plan rule reads about one session, as {@link PlanAdaptation} works them out. */
    public record SessionFacts(int painDuring, Integer nextWakingPain, Double baseline, Effort effort,
            int toleratedInARow, int daysSinceLastChange, boolean everyMorningRated, boolean experimentRunning,
            boolean weekMeanRose, boolean steppedBackThisWeek) {
    }

    /** A rule of the adapting plan (the pain-monitoring model). */
    public interface AdaptationRule extends PolicyRule {

        /** Whether the rule fires for these facts. */
        boolean fires(SessionFacts facts);
    }

    /**
     * A session the body tolerated: pain during it stayed low and the next morning was close to the person's usual. The
     * baseline is the median of the last {@code baselineRatings} waking ratings up to the session's day, once there are
     * at least {@code minRatings}.
     */
    public record ToleratedSession(String id, int version, String source, int maxPainDuring, int maxAboveBaseline,
            int baselineRatings, int minRatings) implements AdaptationRule {

        @Override
        public boolean fires(SessionFacts f) {
            return f.painDuring() <= maxPainDuring && f.nextWakingPain() != null && f.baseline() != null
                    && f.nextWakingPain() <= f.baseline() + maxAboveBaseline;
        }

        @Override
        public String description() {
            return "A session is tolerated when the worst pain during it was at most " + maxPainDuring + " (0–2 is safe, "
                    + "3–5 acceptable) and the next morning's waking pain was at most the baseline + " + maxAboveBaseline
                    + ". The baseline is the median of the person's last " + baselineRatings + " waking ratings up to the "
                    + "session's day, once there are at least " + minRatings + " (fewer: no session counts as tolerated "
                    + "yet). Pain-monitoring model, extrapolated from tendinopathy (Silbernagel KG et al., Am J Sports "
                    + "Med 2007;35(6):897–906).";
        }

        @Override
        public List<String> inputs() {
            return List.of("worst pain during the session", "waking pain the next morning", "last waking ratings");
        }

        @Override
        public String effect() {
            return "The session counts towards a step forward (TRK-ADAPT-STEP-FORWARD); any other session starts the count "
                    + "again.";
        }
    }

    /** Enough tolerated, not-too-hard sessions since the last change: one thing gets one step harder. */
    public record StepForward(String id, int version, String source, int inARow, int minDays, Set<Effort> efforts)
            implements AdaptationRule {

        @Override
        public boolean fires(SessionFacts f) {
            return f.toleratedInARow() >= inARow && f.effort() != null && efforts.contains(f.effort())
                    && f.daysSinceLastChange() >= minDays && f.everyMorningRated() && !f.experimentRunning();
        }

        @Override
        public String description() {
            return inARow + " tolerated sessions in a row (TRK-ADAPT-TOLERATED) since the last change, the latest felt "
                    + String.join(" or ", efforts.stream().map(Effort::word).sorted().toList()) + ", at least " + minDays
                    + " days since the last change (or the plan's start), a waking rating on every morning since the "
                    + "first of those sessions, and no root-cause experiment running. One thing changes by one step: "
                    + "the first dose variable below the top of the catalog's range (sets, reps or hold, by the "
                    + "catalog's step), else the next exercise along the catalog's progressions that the "
                    + "recommendation does not exclude. Exercises take turns. Never beyond the catalog's range.";
        }

        @Override
        public List<String> inputs() {
            return List.of("tolerated sessions in a row", "how hard the latest session felt", "days since the last change",
                    "waking ratings since the first of those sessions", "experiment running",
                    "catalog dose steps and progressions", "the recommendation's excluded exercises");
        }

        @Override
        public String effect() {
            return "One exercise's dose goes up one step, or the exercise is replaced by its progression at the "
                    + "progression's starting dose; a plan-adjustments event and a sentence for the person.";
        }
    }

    /** Too much pain: one thing gets one step easier. */
    public record StepBack(String id, int version, String source, int painDuringAbove, int wakingAboveBaseline)
            implements AdaptationRule {

        @Override
        public boolean fires(SessionFacts f) {
            return f.painDuring() > painDuringAbove
                    || f.nextWakingPain() != null && f.baseline() != null
                            && f.nextWakingPain() >= f.baseline() + wakingAboveBaseline
                    || f.weekMeanRose() && !f.steppedBackThisWeek();
        }

        @Override
        public String description() {
            return "After one session with pain during above " + painDuringAbove + ", or a next-morning waking pain at "
                    + "the baseline + " + wakingAboveBaseline + " or more, or a rise in the mean waking pain of the 7 days "
                    + "up to that morning over the 7 days before (at most one step back a week for that). The dose "
                    + "comes down first (the last dose variable above the bottom of the catalog's range, by the "
                    + "catalog's step), then the catalog's regression that the recommendation does not exclude. The "
                    + "exercise that last went up comes down first. A change of about 2 points on the 0–10 scale is "
                    + "more than noise (Childs JD et al., Spine 2005).";
        }

        @Override
        public List<String> inputs() {
            return List.of("worst pain during the session", "waking pain the next morning", "last waking ratings",
                    "mean waking pain of this week and the week before", "catalog dose steps and regressions",
                    "the recommendation's excluded exercises");
        }

        @Override
        public String effect() {
            return "One exercise's dose goes down one step, or the exercise is replaced by its regression at the "
                    + "regression's starting dose; a plan-adjustments event and a sentence for the person. Nothing "
                    + "changes when every exercise is already at its easiest.";
        }
    }

    /** Neither step: the plan holds. */
    public record Hold(String id, int version, String source) implements AdaptationRule {

        @Override
        public boolean fires(SessionFacts f) {
            return !ADAPT_STEP_BACK.fires(f) && !ADAPT_STEP_FORWARD.fires(f);
        }

        @Override
        public String description() {
            return "Otherwise the plan holds: the same exercises at the same doses. A session without the worst pain "
                    + "during it (an older app) changes nothing and starts the count of tolerated sessions again.";
        }

        @Override
        public List<String> inputs() {
            return List.of("TRK-ADAPT-STEP-BACK", "TRK-ADAPT-STEP-FORWARD");
        }

        @Override
        public String effect() {
            return "No change.";
        }
    }

    /**
     * A rule that escalates: the person is asked to see a professional, with an urgency. Each escalation has a key that
     * names its trigger and how bad it was, so the same trigger is raised once and only a new or worse one again.
     */
    public interface EscalationRule extends PolicyRule {

        /** What the person is told. */
        String reason();
    }

    /** Pain (not a strong stretch feeling) of {@code minPain} or more during a session. */
    public record EscalateSessionPain(String id, int version, String source, int minPain, Urgency urgency,
            String reason) implements EscalationRule {

        /** Without an answer to "pain or a strong stretch feeling?" the feeling counts as pain: the cautious reading. */
        public boolean fires(int painDuring, PainKind kind) {
            return painDuring >= minPain && kind != PainKind.STRONG_STRETCH;
        }

        /** Raised again only when worse than every session pain raised before. */
        public boolean worse(int painDuring, int highestRaised) {
            return painDuring > highestRaised;
        }

        @Override
        public String description() {
            return "The worst pain during a session was " + minPain + " or more on the 0–10 scale, and the person said "
                    + "it was pain rather than a strong stretch feeling (no answer counts as pain). Raised again only "
                    + "for a session with more pain than any raised before. Pain-monitoring model (Silbernagel KG et "
                    + "al., Am J Sports Med 2007;35(6):897–906): above 5 is already too much for the exercise.";
        }

        @Override
        public List<String> inputs() {
            return List.of("worst pain during the session", "pain or a strong stretch feeling",
                    "highest session pain raised before");
        }

        @Override
        public String effect() {
            return "Recovery alert `see-professional:session-pain-N` (N the pain), urgency " + urgency.word() + ": \""
                    + reason + "\"";
        }
    }

    /**
     * Waking pain at the baseline + {@code aboveBaseline} or more on {@code daysRunning} mornings running, each morning
     * against the baseline of the ratings before it.
     */
    public record EscalateWakingPain(String id, int version, String source, int aboveBaseline, int daysRunning,
            Urgency urgency, String reason) implements EscalationRule {

        /** Whether one morning's rating is high enough, against the baseline before it (null: too few ratings yet). */
        public boolean high(int waking, Double baseline) {
            return baseline != null && waking >= baseline + aboveBaseline;
        }

        /** The whole points above the baseline of a run of high mornings: its least, rounded down. */
        public int pointsAbove(List<Integer> waking, List<Double> baselines) {
            double least = Double.MAX_VALUE;
            for (int i = 0; i < waking.size(); i++) {
                least = Math.min(least, waking.get(i) - baselines.get(i));
            }
            return (int) Math.floor(least);
        }

        @Override
        public String description() {
            return "Waking pain at the baseline + " + aboveBaseline + " or more on " + daysRunning + " mornings "
                    + "running (consecutive days), each morning against the median of the last "
                    + ADAPT_TOLERATED.baselineRatings() + " waking ratings before it (at least "
                    + ADAPT_TOLERATED.minRatings() + "). Raised again only when the run is further above the baseline "
                    + "(in whole points, the lesser of its mornings) than any raised before. A change of about 2 "
                    + "points is more than noise (Childs JD et al., Spine 2005).";
        }

        @Override
        public List<String> inputs() {
            return List.of("waking ratings", "points above the baseline raised before");
        }

        @Override
        public String effect() {
            return "Recovery alert `see-professional:waking-pain-N` (N the points above the baseline), urgency "
                    + urgency.word() + ": \"" + reason + "\"";
        }
    }

    /**
     * A warning sign at a check-in that the person had not reported at an earlier check-in: tracking escalates, and
     * sends triage a new symptom report with it.
     */
    public record EscalateWarningSign(String id, int version, String source, Set<WarningSign> today, String reason)
            implements EscalationRule {

        public Urgency urgency(WarningSign sign) {
            return today.contains(sign) ? Urgency.TODAY : Urgency.WITHIN_A_WEEK;
        }

        @Override
        public String description() {
            return "A check-in carries a warning sign (in triage's words) that none of the person's earlier check-ins "
                    + "carried. " + String.join(", ", today.stream().map(WarningSign::word).sorted().toList())
                    + " are urgent today (infection or a fracture must be ruled out), the others within a week; "
                    + "triage then triages the new symptom report on its own rules.";
        }

        @Override
        public List<String> inputs() {
            return List.of("warning signs of the check-in", "warning signs of earlier check-ins");
        }

        @Override
        public String effect() {
            return "Recovery alert `see-professional:warning-sign-<sign>` once per sign: \"" + reason + "\"; and a "
                    + "new symptom report to triage (symptom-reports, through the outbox) with the check-in's pain and "
                    + "warning signs.";
        }
    }

    /**
     * A meaningful change on the Patient-Specific Functional Scale (0 unable, 10 as before) between the start and a
     * later assessment.
     */
    public record MeaningfulFunctionChange(String id, int version, String source, int meanPoints, int activityPoints)
            implements PolicyRule {

        /**
         * Compared on the exact mean (sum / count). A meaningful change of the mean decides; otherwise activities that
         * changed by {@code activityPoints} or more decide, and both ways at once is mixed.
         */
        public FunctionChange change(List<Integer> start, List<Integer> now) {
            long delta = 0;
            boolean someBetter = false;
            boolean someWorse = false;
            for (int i = 0; i < start.size(); i++) {
                int d = now.get(i) - start.get(i);
                delta += d;
                someBetter |= d >= activityPoints;
                someWorse |= d <= -activityPoints;
            }
            if (delta >= (long) meanPoints * start.size()) {
                return FunctionChange.IMPROVED;
            }
            if (-delta >= (long) meanPoints * start.size()) {
                return FunctionChange.WORSE;
            }
            if (someBetter && someWorse) {
                return FunctionChange.MIXED;
            }
            return someBetter ? FunctionChange.IMPROVED : someWorse ? FunctionChange.WORSE : FunctionChange.UNCHANGED;
        }

        @Override
        public String description() {
            return "Between the start and a later assessment (weeks 4, 8, 12) of the same activities, the mean rating "
                    + "changed by at least " + meanPoints + " points, or one activity by at least " + activityPoints
                    + " points (Abbott JH and Schmitt JS, JOSPT 2014;44:560; the scale: Stratford P et al., "
                    + "Physiotherapy Canada 1995;47:258–263). The mean decides first; without a meaningful mean, "
                    + "activities " + activityPoints + " or more better and others " + activityPoints + " or more worse "
                    + "are mixed.";
        }

        @Override
        public List<String> inputs() {
            return List.of("each activity's rating at the start", "each activity's rating at the assessment");
        }

        @Override
        public String effect() {
            return "Function is improved, worse, mixed or unchanged in GET /me/outcomes and outcome-recorded.";
        }
    }

    /** How the function measured by the Patient-Specific Functional Scale changed since the start. */
    public enum FunctionChange implements Word {
        IMPROVED, UNCHANGED, WORSE, MIXED
    }

    /**
     * The baseline of a root-cause experiment: daily waking ratings from its start date until the latest
     * {@code windowDays} of them hold at least {@code minRatings} without a trend. The change starts the next day.
     */
    public record ExperimentBaseline(String id, int version, String source, int minRatings, int windowDays,
            double stableSlope) implements PolicyRule {

        /** Whether the ratings of a window (at most {@code windowDays} days) let the change start. */
        public boolean ready(List<ExperimentStatistics.Rating> window) {
            return window.size() >= minRatings && Math.abs(ExperimentStatistics.slope(window)) < stableSlope;
        }

        @Override
        public String description() {
            return "The baseline runs from the experiment's start date until the waking ratings of its latest "
                    + windowDays + " days number at least " + minRatings + " and are stable: their trend (Theil–Sen "
                    + "slope) is under " + stableSlope + " points a day either way. Those ratings are the baseline; "
                    + "the change starts the next day. The plan does not step forward meanwhile "
                    + "(TRK-ADAPT-STEP-FORWARD), so only one thing changes.";
        }

        @Override
        public List<String> inputs() {
            return List.of("waking ratings since the experiment's start date", "today's date");
        }

        @Override
        public String effect() {
            return "The person is told to make the change from the next day; until then they are in the baseline.";
        }
    }

    /**
     * The phase with the change: {@code days} days, or {@code longDays} for items that take time to settle (the first
     * {@code settleDays} of those not counted); it ends once it has lasted that long with at least
     * {@code minRatings} counted ratings, or after {@code extraDays} more days whatever it has.
     */
    public record ExperimentChangePhase(String id, int version, String source, int days, int longDays, int settleDays,
            Set<String> longItems, int minRatings, int extraDays) implements PolicyRule {

        public int days(String item) {
            return longItems.contains(item) ? longDays : days;
        }

        /** The first days of the phase whose ratings do not count. */
        public int settle(String item) {
            return longItems.contains(item) ? settleDays : 0;
        }

        /** The most days the phase lasts while ratings are missing. */
        public int mostDays(String item) {
            return days(item) + extraDays;
        }

        @Override
        public String description() {
            return "The change runs for at least " + days + " days, or " + longDays + " for "
                    + String.join(", ", longItems.stream().sorted().toList()) + " (shoes and sleeping posture take "
                    + "time to settle, so their first " + settleDays + " days are not counted). It ends on the first "
                    + "day from then on with a waking rating that brings the counted ratings to at least "
                    + minRatings + ", or after " + extraDays + " more days whatever it has. Days without a rating "
                    + "are missing, never filled in.";
        }

        @Override
        public List<String> inputs() {
            return List.of("checklist item", "the day the change started", "waking ratings since then", "today's date");
        }

        @Override
        public String effect() {
            return "The experiment ends and its result is judged (TRK-EXP-RESULT) on the counted ratings.";
        }
    }

    /** Pain well above the baseline on consecutive mornings: stop and undo the change. */
    public record ExperimentSafetyStop(String id, int version, String source, int pointsAbove, int daysRunning)
            implements PolicyRule {

        /** Whether a waking rating is high enough to count towards the stop. */
        public boolean high(double baselineMean, int pain) {
            return pain >= baselineMean + pointsAbove;
        }

        @Override
        public String description() {
            return "With the change (or while it is undone to confirm it), waking pain of the baseline's mean + "
                    + pointsAbove + " or more on " + daysRunning + " days running (calendar days, both rated). "
                    + "A change of about 2 points on the 0–10 scale is more than noise (Childs JD et al., Spine 2005).";
        }

        @Override
        public List<String> inputs() {
            return List.of("the baseline's mean waking pain", "waking ratings with the change");
        }

        @Override
        public String effect() {
            return "The experiment ends at once (safety stop) and the person is told to undo the change, or to make "
                    + "it again when it was undone for the confirmation; the result is judged on what there is.";
        }
    }

    /** The result of an experiment, as {@link ExperimentStatistics} judges it. */
    public record ExperimentResultRule(String id, int version, String source) implements PolicyRule {

        public ExperimentStatistics.Result judge(List<ExperimentStatistics.Rating> baseline,
                List<ExperimentStatistics.Rating> change) {
            return ExperimentStatistics.judge(baseline, change);
        }

        @Override
        public String description() {
            return "helped: mean waking pain with the change lower than the baseline's by at least "
                    + Math.round(ExperimentStatistics.SMALLEST_SHARE * 100) + " % and at least "
                    + ExperimentStatistics.SMALLEST_POINTS + " point (Farrar JT et al., Pain 2001), and Kendall's Tau "
                    + "between phase and pain significant at " + Math.round(ExperimentStatistics.ALPHA * 100)
                    + " % (two-sided), after taking away the baseline's trend when its slope is "
                    + ExperimentStatistics.STABLE_SLOPE + " points a day or more (Tarlow KR, Behav Modif 2017). "
                    + "worse: the same upward. not-enough-data: fewer than " + ExperimentStatistics.FEWEST_RATINGS
                    + " ratings in a phase, so never helped on too little data. Otherwise no-clear-change.";
        }

        @Override
        public List<String> inputs() {
            return List.of("the baseline's waking ratings", "the change's counted waking ratings");
        }

        @Override
        public String effect() {
            return "The result helped, worse, no-clear-change or not-enough-data, with both phases' ratings, means, "
                    + "Tau and its p-value and the rule in words; an experiment-results event.";
        }
    }

    /**
     * A-B-A: a change that helped and can be undone is undone for {@code days} days; the confirmation holds when pain
     * comes back (the undone phase judged worse than the change's).
     */
    public record ExperimentConfirmation(String id, int version, String source, int days, int extraDays,
            Set<String> notUndoable) implements PolicyRule {

        public boolean offered(String item, ExperimentStatistics.Outcome outcome) {
            return outcome == ExperimentStatistics.Outcome.HELPED && !notUndoable.contains(item);
        }

        /** held, did-not-hold or not-enough-data. */
        public String confirmation(ExperimentStatistics.Result undone) {
            return switch (undone.outcome()) {
                case WORSE -> "held";
                case NOT_ENOUGH_DATA -> "not-enough-data";
                default -> "did-not-hold";
            };
        }

        @Override
        public String description() {
            return "After a helped result, the change can be confirmed by undoing it for at least " + days
                    + " days (A-B-A), except for " + String.join(", ", notUndoable.stream().sorted().toList())
                    + " (going back to poor form or dropping the strength work is not advised). The undone phase ends "
                    + "like the change phase (at least " + ExperimentStatistics.FEWEST_RATINGS + " ratings, at most "
                    + extraDays + " more days). The confirmation holds when the undone phase is worse than the "
                    + "change's by TRK-EXP-RESULT's measure: pain came back.";
        }

        @Override
        public List<String> inputs() {
            return List.of("checklist item", "the result", "the change's counted waking ratings",
                    "waking ratings while it is undone");
        }

        @Override
        public String effect() {
            return "The result says whether the confirmation held (held, did-not-hold, not-enough-data); the person "
                    + "is told to make the change again; an experiment-results event.";
        }
    }

    public static final PlanWaitsForProfessional PLAN_WAITS_FOR_PROFESSIONAL = new PlanWaitsForProfessional(
            "TRK-PLAN-WAITS-FOR-PROFESSIONAL", 1, RELEASE_GUIDE, Set.of("see-professional", "urgent-care"));

    public static final RecentWindow RECENT_WINDOW = new RecentWindow("TRK-RECENT-WINDOW", 1, RELEASE_GUIDE, 14, 3);

    public static final PhaseSkippedRepeatedly PHASE_SKIPPED_REPEATEDLY = new PhaseSkippedRepeatedly(
            "TRK-PHASE-SKIPPED-REPEATEDLY", 1, RELEASE_GUIDE, RECENT_WINDOW, 50);

    public static final MostlyOneSide MOSTLY_ONE_SIDE = new MostlyOneSide("TRK-MOSTLY-ONE-SIDE", 1, RELEASE_GUIDE,
            RECENT_WINDOW, 50);

    public static final MeaningfulPainChange MEANINGFUL_PAIN_CHANGE = new MeaningfulPainChange(
            "TRK-MEANINGFUL-PAIN-CHANGE", 2, GENERAL_GUIDANCE, 30, 1, 2);

    public static final ConsistentWork CONSISTENT_WORK = new ConsistentWork("TRK-CONSISTENT-WORK", 1, RELEASE_GUIDE,
            800);

    public static final WorseningPain WORSENING_PAIN = new WorseningPain("TRK-ALERT-WORSENING", 2, RELEASE_GUIDE, 2,
            "Your pain has got meaningfully worse since your first week. Please see a physiotherapist, a sports "
                    + "medicine doctor or an orthopaedic specialist before going on.");

    public static final NoImprovement NO_IMPROVEMENT = new NoImprovement("TRK-ALERT-NO-IMPROVEMENT", 2, RELEASE_GUIDE, 4,
            "After 4 weeks of consistent work your pain has not improved meaningfully. Please see a physiotherapist, "
                    + "a sports medicine doctor or an orthopaedic specialist.");

    public static final ConsistencyNudge CONSISTENCY_NUDGE = new ConsistencyNudge("TRK-ALERT-CONSISTENCY", 2,
            RELEASE_GUIDE, 4, "Recovery depends most on consistency: short, regular sessions work better than long, "
                    + "rare ones. Try to get back to your plan's rhythm this week.");

    public static final ToleratedSession ADAPT_TOLERATED = new ToleratedSession("TRK-ADAPT-TOLERATED", 1,
            GENERAL_GUIDANCE, 5, 1, 7, 3);

    public static final StepForward ADAPT_STEP_FORWARD = new StepForward("TRK-ADAPT-STEP-FORWARD", 1, GENERAL_GUIDANCE,
            3, 7, Set.of(Effort.TOO_EASY, Effort.ABOUT_RIGHT));

    public static final StepBack ADAPT_STEP_BACK = new StepBack("TRK-ADAPT-STEP-BACK", 1, GENERAL_GUIDANCE, 5, 2);

    public static final Hold ADAPT_HOLD = new Hold("TRK-ADAPT-HOLD", 1, GENERAL_GUIDANCE);

    public static final EscalateSessionPain ESCALATE_SESSION_PAIN = new EscalateSessionPain("TRK-ESCALATE-SESSION-PAIN",
            1, GENERAL_GUIDANCE, 7, Urgency.WITHIN_A_WEEK, "The pain during your session was 7 or more out of 10. Stop "
                    + "the exercise that hurt and please see a physiotherapist or a doctor within a week before going "
                    + "on with it.");

    public static final EscalateWakingPain ESCALATE_WAKING_PAIN = new EscalateWakingPain("TRK-ESCALATE-WAKING-PAIN", 1,
            GENERAL_GUIDANCE, 2, 2, Urgency.WITHIN_A_WEEK, "Your pain on waking has been 2 or more points above your "
                    + "usual on two mornings running. Please see a physiotherapist or a doctor within a week.");

    public static final EscalateWarningSign ESCALATE_WARNING_SIGN = new EscalateWarningSign("TRK-ESCALATE-WARNING-SIGN",
            1, GENERAL_GUIDANCE, Set.of(WarningSign.FEVER_OR_UNWELL, WarningSign.HOT_SWOLLEN_HIP,
                    WarningSign.RECENT_FALL_OR_INJURY),
            "You told us about a new warning sign. Please stop the exercises and see a professional: your symptoms "
                    + "have gone to the symptom check again, which tells you how soon.");

    public static final MeaningfulFunctionChange MEANINGFUL_FUNCTION_CHANGE = new MeaningfulFunctionChange(
            "TRK-MEANINGFUL-FUNCTION-CHANGE", 1, GENERAL_GUIDANCE, 2, 3);

    /** The escalation rules. */
    public static final List<EscalationRule> ESCALATIONS = List.of(ESCALATE_SESSION_PAIN, ESCALATE_WAKING_PAIN,
            ESCALATE_WARNING_SIGN);

    public static final ExperimentBaseline EXPERIMENT_BASELINE = new ExperimentBaseline("TRK-EXP-BASELINE", 1,
            ROOT_CAUSE, ExperimentStatistics.FEWEST_RATINGS, 14, ExperimentStatistics.STABLE_SLOPE);

    public static final ExperimentChangePhase EXPERIMENT_CHANGE_PHASE = new ExperimentChangePhase(
            "TRK-EXP-CHANGE-PHASE", 1, ROOT_CAUSE, 7, 14, 3, Set.of("running-shoes", "everyday-shoes",
                    "sleeping-posture"), ExperimentStatistics.FEWEST_RATINGS, 7);

    public static final ExperimentSafetyStop EXPERIMENT_SAFETY_STOP = new ExperimentSafetyStop("TRK-EXP-SAFETY-STOP", 1,
            GENERAL_GUIDANCE, 2, 2);

    public static final ExperimentResultRule EXPERIMENT_RESULT = new ExperimentResultRule("TRK-EXP-RESULT", 1,
            ROOT_CAUSE);

    public static final ExperimentConfirmation EXPERIMENT_CONFIRMATION = new ExperimentConfirmation(
            "TRK-EXP-CONFIRMATION", 1, ROOT_CAUSE, 7, 7, Set.of("exercise-form", "posterior-chain-work"));

    /** The alert rules in the order they are tried: the first that applies is the alert. */
    public static final List<AlertRule> ALERTS = List.of(WORSENING_PAIN, NO_IMPROVEMENT, CONSISTENCY_NUDGE);

    /** Every rule, in the order the review document shows them. */
    public static final List<PolicyRule> RULES = List.of(PLAN_WAITS_FOR_PROFESSIONAL, RECENT_WINDOW,
            PHASE_SKIPPED_REPEATEDLY, MOSTLY_ONE_SIDE, MEANINGFUL_PAIN_CHANGE, CONSISTENT_WORK, WORSENING_PAIN,
            NO_IMPROVEMENT, CONSISTENCY_NUDGE, ADAPT_TOLERATED, ADAPT_STEP_FORWARD, ADAPT_STEP_BACK, ADAPT_HOLD,
            ESCALATE_SESSION_PAIN, ESCALATE_WAKING_PAIN, ESCALATE_WARNING_SIGN, MEANINGFUL_FUNCTION_CHANGE,
            EXPERIMENT_BASELINE, EXPERIMENT_CHANGE_PHASE, EXPERIMENT_SAFETY_STOP, EXPERIMENT_RESULT,
            EXPERIMENT_CONFIRMATION);

    private AdherencePolicy() {
    }
}
