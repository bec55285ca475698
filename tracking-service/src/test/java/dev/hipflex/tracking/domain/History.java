package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Sessions and check-ins of one person, folded into the per-day aggregates the engine takes, the way the plumbing
 * keeps them up to date as sessions arrive.
 */
final class History {

    private final List<Session> sessions = new ArrayList<>();
    private final List<CheckIn> checkIns = new ArrayList<>();

    History add(Session session) {
        sessions.add(session);
        return this;
    }

    /** {@code count} full sessions on the day. */
    History sessions(LocalDate day, int count) {
        for (int i = 0; i < count; i++) {
            add(Session.on(day));
        }
        return this;
    }

    /** One session a day on plan days {@code from}…{@code to} of {@link TestPlans#START}. */
    History daily(int from, int to) {
        return daily(from, to, UnaryOperator.identity());
    }

    History daily(int from, int to, UnaryOperator<Session> shape) {
        for (int planDay = from; planDay <= to; planDay++) {
            add(shape.apply(Session.on(TestPlans.day(planDay))));
        }
        return this;
    }

    /** A full session that started at {@code start}, on the person's local day in {@code zone}. */
    History at(Instant start, ZoneId zone) {
        return add(Session.on(LocalDays.localDay(start, zone)));
    }

    History checkIn(LocalDate day, int pain) {
        checkIns.add(new CheckIn(day, pain));
        return this;
    }

    List<CheckIn> checkIns() {
        return List.copyOf(checkIns);
    }

    List<DaySessions> days() {
        return aggregate(sessions);
    }

    Adherence compute(Plan plan, LocalDate today) {
        return AdherenceEngine.compute(plan, days(), checkIns(), today);
    }

    /** Adherence on the catalog plan from {@link TestPlans#START}, on a plan day. */
    Adherence onDay(int planDay) {
        return compute(TestPlans.plan(TestPlans.START), TestPlans.day(planDay));
    }

    static List<DaySessions> aggregate(Collection<Session> sessions) {
        Map<LocalDate, DaySessions> days = new TreeMap<>();
        for (Session s : sessions) {
            days.merge(s.day(), one(s), History::plus);
        }
        return List.copyOf(days.values());
    }

    private static DaySessions one(Session s) {
        int pain = s.painBefore() == null ? 0 : s.painBefore();
        return new DaySessions(s.day(), 1, 20, has(s, Phase.RELEASE), has(s, Phase.STRETCH), has(s, Phase.STRENGTHEN),
                s.side() == Side.LEFT ? 1 : 0, s.side() == Side.RIGHT ? 1 : 0, s.side() == Side.BOTH ? 1 : 0, pain, 0,
                s.painBefore() == null ? 0 : 1);
    }

    private static int has(Session s, Phase phase) {
        return s.phases().contains(phase) ? 1 : 0;
    }

    static DaySessions plus(DaySessions a, DaySessions b) {
        return new DaySessions(a.day(), a.sessions() + b.sessions(), a.minutes() + b.minutes(),
                a.releaseSessions() + b.releaseSessions(), a.stretchSessions() + b.stretchSessions(),
                a.strengthenSessions() + b.strengthenSessions(), a.leftOnly() + b.leftOnly(),
                a.rightOnly() + b.rightOnly(), a.bothSides() + b.bothSides(), a.painBeforeSum() + b.painBeforeSum(),
                a.painAfterSum() + b.painAfterSum(), a.painCount() + b.painCount());
    }
}
