package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Escalations.CheckInSigns;
import dev.hipflex.tracking.domain.Escalations.Escalation;
import dev.hipflex.tracking.domain.Escalations.SessionPain;

/**
 * Escalation (PRODUCT.md part two, "A plan that adapts": escalate): scenarios, then properties over seeded generated
 * histories of sessions, waking ratings and check-ins' warning signs. The oracles recompute the triggers from the
 * history itself, with a median of their own.
 */
class EscalationsTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final int HISTORIES = 2_000;

    private record History(List<SessionPain> sessions, Map<LocalDate, Integer> waking, List<CheckInSigns> checkIns) {

        List<Escalation> escalations() {
            return Escalations.of(sessions, waking, checkIns);
        }

        History upTo(LocalDate day) {
            Map<LocalDate, Integer> mornings = new HashMap<>();
            waking.forEach((d, p) -> {
                if (!d.isAfter(day)) {
                    mornings.put(d, p);
                }
            });
            return new History(sessions.stream().filter(s -> !s.day().isAfter(day)).toList(), mornings,
                    checkIns.stream().filter(c -> !c.day().isAfter(day)).toList());
        }
    }

    private static Map<LocalDate, Integer> mornings(int... pains) {
        Map<LocalDate, Integer> waking = new HashMap<>();
        for (int d = 0; d < pains.length; d++) {
            waking.put(START.plusDays(d), pains[d]);
        }
        return waking;
    }

    @Test
    void painOfSevenDuringASessionEscalatesWithinAWeekButAStrongStretchFeelingDoesNot_silbernagel2007() {
        List<Escalation> pain = Escalations.of(List.of(new SessionPain(START, 7, PainKind.PAIN)), Map.of(), List.of());
        List<Escalation> stretch = Escalations.of(List.of(new SessionPain(START, 9, PainKind.STRONG_STRETCH)), Map.of(),
                List.of());
        List<Escalation> six = Escalations.of(List.of(new SessionPain(START, 6, PainKind.PAIN)), Map.of(), List.of());

        assertThat(pain).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(AdherencePolicy.ESCALATE_SESSION_PAIN);
            assertThat(e.key()).isEqualTo("see-professional:session-pain-7");
            assertThat(e.urgency()).isEqualTo(Urgency.WITHIN_A_WEEK);
            assertThat(e.figures()).containsEntry("painDuring", 7).containsEntry("painKind", "pain");
        });
        assertThat(stretch).isEmpty();
        assertThat(six).isEmpty();
    }

    @Test
    void withoutAnAnswerTheFeelingCountsAsPain() {
        assertThat(Escalations.of(List.of(new SessionPain(START, 8, null)), Map.of(), List.of()))
                .extracting(Escalation::key).containsExactly("see-professional:session-pain-8");
    }

    @Test
    void theSamePainAgainIsNotRaisedAgainButWorsePainIs() {
        List<Escalation> escalations = Escalations.of(List.of(new SessionPain(START, 8, PainKind.PAIN),
                new SessionPain(START.plusDays(2), 8, PainKind.PAIN), new SessionPain(START.plusDays(3), 7, null),
                new SessionPain(START.plusDays(5), 9, PainKind.PAIN)), Map.of(), List.of());

        assertThat(escalations).extracting(Escalation::key, Escalation::day).containsExactly(
                org.assertj.core.groups.Tuple.tuple("see-professional:session-pain-8", START),
                org.assertj.core.groups.Tuple.tuple("see-professional:session-pain-9", START.plusDays(5)));
    }

    @Test
    void wakingPainTwoAboveTheBaselineOnTwoMorningsRunningEscalates_childs2005() {
        // Baseline 2 (median of 2 2 2); then 4 and 4: two mornings running at baseline + 2.
        List<Escalation> escalations = Escalations.of(List.of(), mornings(2, 2, 2, 4, 4), List.of());
        // One high morning, a normal one, then one high again: not running.
        List<Escalation> broken = Escalations.of(List.of(), mornings(2, 2, 2, 4, 2, 4), List.of());

        assertThat(escalations).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(AdherencePolicy.ESCALATE_WAKING_PAIN);
            assertThat(e.day()).isEqualTo(START.plusDays(4));
            assertThat(e.key()).isEqualTo("see-professional:waking-pain-2");
            assertThat(e.figures()).containsEntry("wakingPain", List.of(4, 4));
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void aMissingMorningBreaksTheRun() {
        Map<LocalDate, Integer> waking = mornings(2, 2, 2, 5);
        waking.put(START.plusDays(5), 5);

        assertThat(Escalations.of(List.of(), waking, List.of())).isEmpty();
    }

    @Test
    void eachNewWarningSignEscalatesOnceWithItsUrgency() {
        List<Escalation> escalations = Escalations.of(List.of(), Map.of(), List.of(
                new CheckInSigns(START, Set.of(WarningSign.NIGHT_OR_REST_PAIN)),
                new CheckInSigns(START.plusDays(1), Set.of(WarningSign.NIGHT_OR_REST_PAIN, WarningSign.FEVER_OR_UNWELL)),
                new CheckInSigns(START.plusDays(2), Set.of())));

        assertThat(escalations).extracting(Escalation::key, Escalation::urgency).containsExactly(
                org.assertj.core.groups.Tuple.tuple("see-professional:warning-sign-night-or-rest-pain",
                        Urgency.WITHIN_A_WEEK),
                org.assertj.core.groups.Tuple.tuple("see-professional:warning-sign-fever-or-unwell", Urgency.TODAY));
    }

    // Properties over generated histories.

    @Test
    void everyQualifyingHistoryIsEscalated() {
        for (History h : histories()) {
            List<Escalation> escalations = h.escalations();
            for (SessionPain s : h.sessions()) {
                if (s.painDuring() >= 7 && s.kind() != PainKind.STRONG_STRETCH) {
                    assertThat(escalations).as("session pain %s in %s", s, h).anySatisfy(e -> {
                        assertThat(e.rule()).isEqualTo(AdherencePolicy.ESCALATE_SESSION_PAIN);
                        assertThat(e.day()).isBeforeOrEqualTo(s.day());
                        assertThat((Integer) e.figures().get("painDuring")).isGreaterThanOrEqualTo(s.painDuring());
                    });
                }
            }
            for (LocalDate day : h.waking().keySet()) {
                Integer points = highPair(h.waking(), day);
                if (points != null) {
                    assertThat(escalations).as("waking pain up to %s in %s", day, h).anySatisfy(e -> {
                        assertThat(e.rule()).isEqualTo(AdherencePolicy.ESCALATE_WAKING_PAIN);
                        assertThat(e.day()).isBeforeOrEqualTo(day);
                        assertThat((Integer) e.figures().get("pointsAboveBaseline")).isGreaterThanOrEqualTo(points);
                    });
                }
            }
            for (CheckInSigns c : h.checkIns()) {
                for (WarningSign sign : c.signs()) {
                    assertThat(escalations).as("sign %s in %s", sign, h).anySatisfy(e -> {
                        assertThat(e.sign()).isEqualTo(sign);
                        assertThat(e.day()).isBeforeOrEqualTo(c.day());
                    });
                }
            }
        }
    }

    @Test
    void nothingIsRaisedAgainForTheSameTriggerAndNothingWithoutOne() {
        for (History h : histories()) {
            List<Escalation> escalations = h.escalations();
            assertThat(escalations).extracting(Escalation::key).doesNotHaveDuplicates();
            int sessionPain = -1;
            int wakingPoints = -1;
            for (Escalation e : escalations) {
                if (e.rule() == AdherencePolicy.ESCALATE_SESSION_PAIN) {
                    int pain = (Integer) e.figures().get("painDuring");
                    assertThat(pain).as("only a worse session escalates again").isGreaterThan(sessionPain);
                    sessionPain = pain;
                    assertThat(h.sessions()).anyMatch(s -> s.day().equals(e.day()) && s.painDuring() == pain
                            && s.kind() != PainKind.STRONG_STRETCH);
                } else if (e.rule() == AdherencePolicy.ESCALATE_WAKING_PAIN) {
                    int points = (Integer) e.figures().get("pointsAboveBaseline");
                    assertThat(points).as("only a worse run escalates again").isGreaterThan(wakingPoints);
                    wakingPoints = points;
                    assertThat(highPair(h.waking(), e.day())).isEqualTo(points);
                } else {
                    assertThat(h.checkIns()).anyMatch(c -> c.day().equals(e.day()) && c.signs().contains(e.sign()));
                    assertThat(h.checkIns()).noneMatch(c -> c.day().isBefore(e.day()) && c.signs().contains(e.sign()));
                    assertThat(e.urgency()).isEqualTo(AdherencePolicy.ESCALATE_WARNING_SIGN.urgency(e.sign()));
                }
            }
        }
    }

    @Test
    void whatWasRaisedStaysRaisedAsTheHistoryGrowsAndTheOrderOfArrivalDoesNotMatter() {
        for (History h : histories()) {
            List<Escalation> all = h.escalations();
            LocalDate middle = START.plusDays(10);
            List<Escalation> earlier = h.upTo(middle).escalations();
            assertThat(all.subList(0, earlier.size())).isEqualTo(earlier);
            List<SessionPain> shuffled = new ArrayList<>(h.sessions());
            Collections.shuffle(shuffled, new Random(shuffled.size()));
            List<CheckInSigns> checkIns = new ArrayList<>(h.checkIns());
            Collections.shuffle(checkIns, new Random(checkIns.size()));
            assertThat(Escalations.of(shuffled, new HashMap<>(h.waking()), checkIns)).isEqualTo(all);
        }
    }

    /**
     * The whole points above the baseline of {@code day} and the morning before when both are at the baseline + 2 or
     * more, each against the median of up to 7 ratings before it (at least 3); else null.
     */
    private static Integer highPair(Map<LocalDate, Integer> waking, LocalDate day) {
        Integer today = waking.get(day);
        Integer yesterday = waking.get(day.minusDays(1));
        if (today == null || yesterday == null) {
            return null;
        }
        Double baseToday = median(waking, day);
        Double baseYesterday = median(waking, day.minusDays(1));
        if (baseToday == null || baseYesterday == null || today < baseToday + 2 || yesterday < baseYesterday + 2) {
            return null;
        }
        return (int) Math.floor(Math.min(today - baseToday, yesterday - baseYesterday));
    }

    private static Double median(Map<LocalDate, Integer> waking, LocalDate before) {
        List<Integer> last = new ArrayList<>();
        for (LocalDate d = before.minusDays(1); last.size() < 7 && !d.isBefore(START.minusDays(60)); d = d.minusDays(1)) {
            if (waking.containsKey(d)) {
                last.add(waking.get(d));
            }
        }
        if (last.size() < 3) {
            return null;
        }
        Collections.sort(last);
        int n = last.size();
        return n % 2 == 1 ? (double) last.get(n / 2) : (last.get(n / 2 - 1) + last.get(n / 2)) / 2.0;
    }

    private static List<History> histories() {
        Random random = new Random(18);
        List<History> histories = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            int days = 5 + random.nextInt(30);
            int usual = random.nextInt(5);
            List<SessionPain> sessions = new ArrayList<>();
            Map<LocalDate, Integer> waking = new HashMap<>();
            List<CheckInSigns> checkIns = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                LocalDate day = START.plusDays(d);
                if (random.nextInt(10) < 8) {
                    int flare = random.nextInt(6) == 0 ? 2 + random.nextInt(5) : random.nextInt(2);
                    waking.put(day, Math.min(10, usual + flare));
                }
                for (int s = random.nextInt(3); s > 0; s--) {
                    PainKind kind = switch (random.nextInt(3)) {
                        case 0 -> null;
                        case 1 -> PainKind.PAIN;
                        default -> PainKind.STRONG_STRETCH;
                    };
                    sessions.add(new SessionPain(day, random.nextInt(11), kind));
                }
                if (random.nextInt(8) == 0) {
                    Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
                    WarningSign[] all = WarningSign.values();
                    for (int k = random.nextInt(3); k > 0; k--) {
                        signs.add(all[random.nextInt(all.length)]);
                    }
                    checkIns.add(new CheckInSigns(day, signs));
                }
            }
            histories.add(new History(sessions, waking, checkIns));
        }
        Set<Boolean> sanity = new HashSet<>();
        histories.forEach(h -> sanity.add(h.escalations().isEmpty()));
        // Both kinds of history occur, so the properties are not vacuous.
        assertThat(sanity).containsExactlyInAnyOrder(true, false);
        return histories;
    }
}
