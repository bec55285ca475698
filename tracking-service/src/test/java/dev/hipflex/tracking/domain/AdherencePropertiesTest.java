package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.AbstractCollection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Adherence.PhaseSkip;
import dev.hipflex.tracking.domain.Adherence.Unit;
import dev.hipflex.tracking.domain.Adherence.Week;

/**
 * Properties over seeded random histories (2,500 each): irregular densities, several sessions on a day, aggregates of
 * one date split in two, sessions and check-ins outside the plan, and random schedules besides the catalog's. The
 * oracles are computed from the inputs directly, not with the engine's helpers.
 */
class AdherencePropertiesTest {

    private static final int HISTORIES = 2_500;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Pacific/Auckland"),
            ZoneId.of("America/New_York"), ZoneId.of("UTC"));

    private record Case(Plan plan, List<DaySessions> days, List<CheckIn> checkIns, LocalDate today) {

        Adherence compute() {
            return AdherenceEngine.compute(plan, days, checkIns, today);
        }

        /** The dates in the plan so far that have at least one session. */
        Set<LocalDate> activeDates() {
            Set<LocalDate> active = new TreeSet<>();
            days.stream().filter(d -> d.sessions() > 0 && !d.day().isBefore(plan.startDate())
                    && !d.day().isAfter(today)).forEach(d -> active.add(d.day()));
            return active;
        }
    }

    private static void forAll(long seed, Consumer<Case> property) {
        Random random = new Random(seed);
        for (int i = 0; i < HISTORIES; i++) {
            property.accept(generate(random));
        }
    }

    private static Case generate(Random random) {
        LocalDate start = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(800));
        Schedule schedule = random.nextInt(3) == 0
                ? new Schedule(random.nextInt(4), random.nextInt(8), 7, 1 + random.nextInt(16))
                : TestPlans.CATALOG_SCHEDULE;
        Plan plan = new Plan(start, ZONES.get(random.nextInt(ZONES.size())), schedule, TestPlans.CATALOG_STAGES);
        int span = random.nextInt(140) - 5;
        double density = random.nextDouble();
        List<DaySessions> days = new ArrayList<>();
        for (int offset = -10; offset <= span + 10; offset++) {
            if (random.nextDouble() < density) {
                DaySessions day = randomDay(random, start.plusDays(offset));
                // Now and then a date comes as two aggregates; together they are that day's sessions.
                if (day.sessions() > 1 && random.nextInt(10) == 0) {
                    days.add(new DaySessions(day.day(), 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0));
                    day = new DaySessions(day.day(), day.sessions() - 1, day.minutes(), day.releaseSessions(),
                            day.stretchSessions(), day.strengthenSessions(), day.leftOnly(), day.rightOnly(),
                            Math.max(0, day.bothSides() - 1), day.painBeforeSum(), day.painAfterSum(),
                            day.painCount());
                }
                days.add(day);
            }
        }
        List<CheckIn> checkIns = new ArrayList<>();
        for (int i = random.nextInt(25); i > 0; i--) {
            checkIns.add(new CheckIn(start.plusDays(random.nextInt(span + 21) - 10), random.nextInt(11)));
        }
        return new Case(plan, days, checkIns, start.plusDays(span));
    }

    private static DaySessions randomDay(Random random, LocalDate date) {
        int sessions = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(random.nextInt(5) == 0 ? 6 : 2);
        int left = random.nextInt(sessions + 1);
        int right = random.nextInt(sessions - left + 1);
        int painCount = random.nextInt(sessions + 1);
        int painSum = 0;
        for (int i = 0; i < painCount; i++) {
            painSum += random.nextInt(11);
        }
        return new DaySessions(date, sessions, 20 * sessions, random.nextInt(sessions + 1),
                random.nextInt(sessions + 1), random.nextInt(sessions + 1), left, right, sessions - left - right,
                painSum, 0, painCount);
    }

    @Test
    void the_overall_percentage_stays_between_0_and_100_and_weeks_cover_the_plan_so_far() {
        forAll(1, c -> {
            Adherence adherence = c.compute();
            int planDay = c.plan().dayNumber(c.today());
            int currentWeek = planDay < 1 ? 0 : (planDay - 1) / 7 + 1;

            assertThat(adherence.overallPercent()).isBetween(0.0, 100.0);
            assertThat(adherence.weeks()).hasSize(Math.min(currentWeek, c.plan().schedule().totalWeeks()));
            for (int i = 0; i < adherence.weeks().size(); i++) {
                Week week = adherence.weeks().get(i);
                assertThat(week.week()).isEqualTo(i + 1);
                assertThat(week.from()).isEqualTo(c.plan().startDate().plusDays(7L * i));
                assertThat(week.expected()).isBetween(0, week.target());
                assertThat(week.met()).isEqualTo(week.done() >= week.expected());
            }
            assertThat(adherence.currentStreak()).isBetween(0, adherence.longestStreak());
            assertThat(adherence.longestStreak()).isEqualTo(longestRun(c.activeDates()));
        });
    }

    @Test
    void a_day_is_never_counted_twice_in_the_daily_weeks() {
        forAll(2, c -> {
            Set<LocalDate> active = c.activeDates();
            for (Week week : c.compute().weeks()) {
                if (week.unit() == Unit.DAYS) {
                    long activeDays = active.stream()
                            .filter(d -> !d.isBefore(week.from()) && !d.isAfter(week.to())).count();
                    assertThat(week.done()).isEqualTo((int) activeDays).isLessThanOrEqualTo(week.expected());
                }
            }
        });
    }

    @Test
    void one_more_session_never_lowers_adherence_or_streaks() {
        Random where = new Random(3);
        forAll(3, c -> {
            Adherence before = c.compute();
            LocalDate date = c.plan().startDate().plusDays(where.nextInt(Math.max(1, before.planDay() + 6)) - 3);
            List<DaySessions> days = new ArrayList<>(c.days());
            days.add(new DaySessions(date, 1, 20, 1, 1, 1, 0, 0, 1, 0, 0, 0));

            Adherence after = AdherenceEngine.compute(c.plan(), days, c.checkIns(), c.today());

            assertThat(after.overallPercent()).isGreaterThanOrEqualTo(before.overallPercent());
            assertThat(after.currentStreak()).isGreaterThanOrEqualTo(before.currentStreak());
            assertThat(after.longestStreak()).isGreaterThanOrEqualTo(before.longestStreak());
        });
    }

    @Test
    void the_result_is_deterministic_and_ignores_input_order() {
        Random shuffle = new Random(4);
        forAll(4, c -> {
            Adherence first = c.compute();
            List<DaySessions> days = new ArrayList<>(c.days());
            List<CheckIn> checkIns = new ArrayList<>(c.checkIns());
            Collections.shuffle(days, shuffle);
            Collections.shuffle(checkIns, shuffle);

            assertThat(c.compute()).isEqualTo(first);
            assertThat(AdherenceEngine.compute(c.plan(), new ArrayDeque<>(days), checkIns, c.today())).isEqualTo(first);
        });
    }

    @Test
    void the_engine_reads_each_aggregate_once_however_many_sessions_it_stands_for() {
        forAll(5, c -> {
            Counting<DaySessions> days = new Counting<>(c.days());
            Counting<CheckIn> checkIns = new Counting<>(c.checkIns());
            Counting<DaySessions> heavyDays = new Counting<>(c.days().stream().map(d -> scaled(d, 100_000)).toList());

            Adherence normal = AdherenceEngine.compute(c.plan(), days, checkIns, c.today());
            Adherence heavy = AdherenceEngine.compute(c.plan(), heavyDays, c.checkIns(), c.today());

            assertThat(days.reads).isEqualTo(c.days().size());
            assertThat(heavyDays.reads).isEqualTo(c.days().size());
            assertThat(checkIns.reads).isEqualTo(c.checkIns().size());
            // Counts are only added up: a hundred thousand times the sessions changes no streak and no share.
            assertThat(heavy.longestStreak()).isEqualTo(normal.longestStreak());
            assertThat(skippedPercents(heavy)).isEqualTo(skippedPercents(normal));
        });
    }

    @Test
    void a_year_of_a_million_sessions_a_day_is_still_only_365_days_of_work() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        Plan plan = TestPlans.plan(start);
        List<DaySessions> year = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            year.add(new DaySessions(start.plusDays(i), 1_000_000, 0, 1_000_000, 900_000, 400_000, 100_000, 0,
                    900_000, 0, 0, 0));
        }
        // The engine reads each day once (the read-counting property above); speed belongs to the benchmark, not here.
        assertThat(AdherenceEngine.compute(plan, year, List.of(), start.plusDays(364)).overallPercent())
                .isEqualTo(100.0);
    }

    private static Map<Phase, Double> skippedPercents(Adherence adherence) {
        return adherence.skippedPhases().stream()
                .collect(Collectors.toMap(PhaseSkip::phase, PhaseSkip::skippedPercent));
    }

    private static DaySessions scaled(DaySessions d, int k) {
        return new DaySessions(d.day(), d.sessions() * k, d.minutes() * k, d.releaseSessions() * k,
                d.stretchSessions() * k, d.strengthenSessions() * k, d.leftOnly() * k, d.rightOnly() * k,
                d.bothSides() * k, d.painBeforeSum() * k, d.painAfterSum() * k, d.painCount() * k);
    }

    private static int longestRun(Set<LocalDate> dates) {
        int longest = 0;
        for (LocalDate date : dates) {
            if (!dates.contains(date.minusDays(1))) {
                int run = 1;
                while (dates.contains(date.plusDays(run))) {
                    run++;
                }
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    /** A collection that counts how many elements were read from it. */
    private static final class Counting<T> extends AbstractCollection<T> {

        private final Collection<T> elements;
        int reads;

        Counting(Collection<T> elements) {
            this.elements = elements;
        }

        @Override
        public Iterator<T> iterator() {
            Iterator<T> inner = elements.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public T next() {
                    reads++;
                    return inner.next();
                }
            };
        }

        @Override
        public int size() {
            return elements.size();
        }
    }
}
