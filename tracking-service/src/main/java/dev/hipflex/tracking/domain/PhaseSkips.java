package dev.hipflex.tracking.domain;

import java.util.Comparator;
import java.util.List;

import dev.hipflex.tracking.domain.Adherence.PhaseSkip;
import dev.hipflex.tracking.domain.PlanDays.Totals;

/** Which protocol phases sessions leave out, and which ones are left out repeatedly. */
final class PhaseSkips {

    /** Strengthening first: skipping it is the common mistake seed 003 names. Then the protocol's order. */
    private static final List<Phase> ORDER = List.of(Phase.STRENGTHEN, Phase.RELEASE, Phase.STRETCH);

    private PhaseSkips() {
    }

    /** One entry per phase, those skipped repeatedly first (the sort is stable, so {@link #ORDER} holds within). */
    static List<PhaseSkip> of(PlanDays days) {
        Totals sessions = days.totals(DaySessions::sessions);
        return ORDER.stream()
                .map(phase -> skip(phase, sessions, days.totals(day -> day.sessions() - done(day, phase))))
                .sorted(Comparator.comparing(PhaseSkip::repeatedly).reversed())
                .toList();
    }

    private static PhaseSkip skip(Phase phase, Totals sessions, Totals skipped) {
        boolean repeatedly = AdherencePolicy.PHASE_SKIPPED_REPEATEDLY.repeatedly(sessions.recent(), skipped.recent());
        return new PhaseSkip(phase, sessions.all(), skipped.all(), Percent.of(skipped.all(), sessions.all(), 0),
                sessions.recent(), skipped.recent(), repeatedly);
    }

    private static int done(DaySessions day, Phase phase) {
        return switch (phase) {
            case RELEASE -> day.releaseSessions();
            case STRETCH -> day.stretchSessions();
            case STRENGTHEN -> day.strengthenSessions();
        };
    }
}
