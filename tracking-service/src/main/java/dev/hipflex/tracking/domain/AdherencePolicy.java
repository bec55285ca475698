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

    /** The sources' titles, for readers of the review document. */
    static final Map<String, String> SOURCE_TITLES = Map.of(
            RELEASE_GUIDE, "Hip Flexor Pain: Release Tight Hips with These Exercises, seed article 003",
            GENERAL_GUIDANCE, "General clinical guidance for hip and groin pain");

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

    /** A change in weekly pain large enough to count. */
    public record MeaningfulPainChange(String id, int version, String source, int points, int percent)
            implements PolicyRule {

        /**
         * Compared on the exact averages (sum / count), not on rounded ones, so that exactly {@code points} or exactly
         * {@code percent} counts and anything below does not.
         */
        public boolean meaningful(long firstSum, int firstCount, long latestSum, int latestCount) {
            // change = latest − first = delta / (firstCount × latestCount)
            long delta = latestSum * firstCount - firstSum * latestCount;
            long denominator = (long) firstCount * latestCount;
            return delta != 0 && (Math.abs(delta) >= points * denominator
                    // A relative change from no pain means nothing.
                    || firstSum > 0 && 100 * Math.abs(delta) >= (long) percent * firstSum * latestCount);
        }

        @Override
        public String description() {
            return "The latest week's average pain (0–10, check-ins and pain before sessions weighted equally) differs "
                    + "from the first week's by at least " + points + " points, or by at least " + percent
                    + " % of a first-week average above 0.";
        }

        @Override
        public List<String> inputs() {
            return List.of("first week with pain data: pain sum and samples",
                    "latest week with pain data: pain sum and samples");
        }

        @Override
        public String effect() {
            return "The pain trend is improving (less pain) or worsening (more pain); otherwise it is steady.";
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

    public static final PlanWaitsForProfessional PLAN_WAITS_FOR_PROFESSIONAL = new PlanWaitsForProfessional(
            "TRK-PLAN-WAITS-FOR-PROFESSIONAL", 1, RELEASE_GUIDE, Set.of("see-professional", "urgent-care"));

    public static final RecentWindow RECENT_WINDOW = new RecentWindow("TRK-RECENT-WINDOW", 1, RELEASE_GUIDE, 14, 3);

    public static final PhaseSkippedRepeatedly PHASE_SKIPPED_REPEATEDLY = new PhaseSkippedRepeatedly(
            "TRK-PHASE-SKIPPED-REPEATEDLY", 1, RELEASE_GUIDE, RECENT_WINDOW, 50);

    public static final MostlyOneSide MOSTLY_ONE_SIDE = new MostlyOneSide("TRK-MOSTLY-ONE-SIDE", 1, RELEASE_GUIDE,
            RECENT_WINDOW, 50);

    public static final MeaningfulPainChange MEANINGFUL_PAIN_CHANGE = new MeaningfulPainChange(
            "TRK-MEANINGFUL-PAIN-CHANGE", 1, GENERAL_GUIDANCE, 2, 30);

    public static final ConsistentWork CONSISTENT_WORK = new ConsistentWork("TRK-CONSISTENT-WORK", 1, RELEASE_GUIDE,
            800);

    public static final WorseningPain WORSENING_PAIN = new WorseningPain("TRK-ALERT-WORSENING", 1, RELEASE_GUIDE, 2,
            "Your pain has got meaningfully worse since your first week. Please see a physiotherapist, a sports "
                    + "medicine doctor or an orthopaedic specialist before going on.");

    public static final NoImprovement NO_IMPROVEMENT = new NoImprovement("TRK-ALERT-NO-IMPROVEMENT", 1, RELEASE_GUIDE, 4,
            "After 4 weeks of consistent work your pain has not improved meaningfully. Please see a physiotherapist, "
                    + "a sports medicine doctor or an orthopaedic specialist.");

    public static final ConsistencyNudge CONSISTENCY_NUDGE = new ConsistencyNudge("TRK-ALERT-CONSISTENCY", 2,
            RELEASE_GUIDE, 4, "Recovery depends most on consistency: short, regular sessions work better than long, "
                    + "rare ones. Try to get back to your plan's rhythm this week.");

    /** The alert rules in the order they are tried: the first that applies is the alert. */
    public static final List<AlertRule> ALERTS = List.of(WORSENING_PAIN, NO_IMPROVEMENT, CONSISTENCY_NUDGE);

    /** Every rule, in the order the review document shows them. */
    public static final List<PolicyRule> RULES = List.of(PLAN_WAITS_FOR_PROFESSIONAL, RECENT_WINDOW,
            PHASE_SKIPPED_REPEATEDLY, MOSTLY_ONE_SIDE, MEANINGFUL_PAIN_CHANGE, CONSISTENT_WORK, WORSENING_PAIN,
            NO_IMPROVEMENT, CONSISTENCY_NUDGE);

    private AdherencePolicy() {
    }
}
