package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.hipflex.tracking.domain.AdherencePolicy.EscalationRule;

/**
 * The escalations of a person's history: their session feedback, waking ratings and check-ins' warning signs replayed
 * in day order through the rules {@code TRK-ESCALATE-*} of the {@link AdherencePolicy}. A pure function of the history:
 * the same history gives the same escalations, and each carries a key naming its trigger and how bad it was, so a
 * trigger already raised (remembered by key) is not raised again and only a new or worse one is.
 */
public final class Escalations {

    /** The worst pain during one session and whether the person called it pain or a strong stretch feeling. */
    public record SessionPain(LocalDate day, int painDuring, PainKind kind) {
    }

    /** The warning signs one check-in carried. */
    public record CheckInSigns(LocalDate day, Set<WarningSign> signs) {
    }

    /**
     * One escalation: the rule, the day it was raised for, its urgency, the figures the rule read, and for a warning
     * sign the sign.
     */
    public record Escalation(LocalDate day, EscalationRule rule, String key, Urgency urgency,
            Map<String, Object> figures, WarningSign sign) {

        public String reason() {
            return rule.reason();
        }
    }

    private Escalations() {
    }

    /** Every escalation of the history, in day order (the rules' order within a day). */
    public static List<Escalation> of(List<SessionPain> sessions, Map<LocalDate, Integer> waking,
            List<CheckInSigns> checkIns) {
        List<Escalation> escalations = new ArrayList<>();
        escalations.addAll(sessionPain(sessions));
        escalations.addAll(wakingPain(new TreeMap<>(waking)));
        escalations.addAll(warningSigns(checkIns));
        List<EscalationRule> order = AdherencePolicy.ESCALATIONS;
        escalations.sort(Comparator.comparing(Escalation::day).thenComparing(e -> order.indexOf(e.rule())));
        return List.copyOf(escalations);
    }

    private static List<Escalation> sessionPain(List<SessionPain> sessions) {
        AdherencePolicy.EscalateSessionPain rule = AdherencePolicy.ESCALATE_SESSION_PAIN;
        List<SessionPain> inOrder = new ArrayList<>(sessions);
        // Within a day the lesser pain first, so a day's worse session is raised after it, never hidden by it.
        inOrder.sort(Comparator.comparing(SessionPain::day).thenComparingInt(SessionPain::painDuring)
                .thenComparing(SessionPain::kind, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Escalation> raised = new ArrayList<>();
        int highest = -1;
        for (SessionPain s : inOrder) {
            if (rule.fires(s.painDuring(), s.kind()) && rule.worse(s.painDuring(), highest)) {
                highest = s.painDuring();
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("painDuring", s.painDuring());
                figures.put("painKind", s.kind() == null ? null : s.kind().word());
                raised.add(new Escalation(s.day(), rule, "see-professional:session-pain-" + s.painDuring(),
                        rule.urgency(), Collections.unmodifiableMap(figures), null));
            }
        }
        return raised;
    }

    private static List<Escalation> wakingPain(TreeMap<LocalDate, Integer> waking) {
        AdherencePolicy.EscalateWakingPain rule = AdherencePolicy.ESCALATE_WAKING_PAIN;
        AdherencePolicy.ToleratedSession baselineRule = AdherencePolicy.ADAPT_TOLERATED;
        List<Escalation> raised = new ArrayList<>();
        int highest = -1;
        List<Integer> run = new ArrayList<>();
        List<Double> baselines = new ArrayList<>();
        LocalDate previous = null;
        for (Map.Entry<LocalDate, Integer> morning : waking.entrySet()) {
            LocalDate day = morning.getKey();
            Double baseline = PlanAdaptation.baseline(waking, day.minusDays(1), baselineRule.baselineRatings(),
                    baselineRule.minRatings());
            if (previous == null || !previous.plusDays(1).equals(day)) {
                run.clear();
                baselines.clear();
            }
            previous = day;
            if (!rule.high(morning.getValue(), baseline)) {
                run.clear();
                baselines.clear();
                continue;
            }
            run.add(morning.getValue());
            baselines.add(baseline);
            if (run.size() > rule.daysRunning()) {
                run.remove(0);
                baselines.remove(0);
            }
            if (run.size() < rule.daysRunning()) {
                continue;
            }
            int points = rule.pointsAbove(run, baselines);
            if (points > highest) {
                highest = points;
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("wakingPain", List.copyOf(run));
                figures.put("baselines", List.copyOf(baselines));
                figures.put("pointsAboveBaseline", points);
                raised.add(new Escalation(day, rule, "see-professional:waking-pain-" + points, rule.urgency(),
                        Collections.unmodifiableMap(figures), null));
            }
        }
        return raised;
    }

    private static List<Escalation> warningSigns(List<CheckInSigns> checkIns) {
        AdherencePolicy.EscalateWarningSign rule = AdherencePolicy.ESCALATE_WARNING_SIGN;
        List<CheckInSigns> inOrder = new ArrayList<>(checkIns);
        inOrder.sort(Comparator.comparing(CheckInSigns::day));
        Set<WarningSign> seen = EnumSet.noneOf(WarningSign.class);
        List<Escalation> raised = new ArrayList<>();
        for (CheckInSigns checkIn : inOrder) {
            // In the vocabulary's order, so a check-in with several new signs always gives them in the same order.
            Set<WarningSign> signs = checkIn.signs().isEmpty() ? EnumSet.noneOf(WarningSign.class)
                    : EnumSet.copyOf(checkIn.signs());
            for (WarningSign sign : signs) {
                if (seen.add(sign)) {
                    Map<String, Object> figures = new LinkedHashMap<>();
                    figures.put("warningSign", sign.word());
                    raised.add(new Escalation(checkIn.day(), rule, "see-professional:warning-sign-" + sign.word(),
                            rule.urgency(sign), Collections.unmodifiableMap(figures), sign));
                }
            }
        }
        return raised;
    }
}
