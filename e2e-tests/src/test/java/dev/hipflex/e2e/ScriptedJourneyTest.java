package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code deploy/hipflex journey} is how a newcomer sees the platform work end to end: it is run here against the shared
 * platform, so that it keeps working as the services change, and what it shows is the adapting plan's promise: a step
 * forward after tolerated sessions, a step back and an escalation after a painful one.
 */
class ScriptedJourneyTest {

    @Test
    void theJourneyShowsThePlanSteppingForwardThenBackAfterAPainfulSession() {
        String printed = Platform.get().deploy("journey", "scripted-" + System.nanoTime());

        String forward = section(printed, "5.", "6.");
        String back = section(printed, "6.", "7.");
        assertThat(printed).contains("3. The recommendation: self-care");
        assertThat(forward).as(printed).contains("(TRK-ADAPT-STEP-FORWARD)").doesNotContain("no change");
        assertThat(back).as(printed).contains("(TRK-ADAPT-STEP-BACK)", "Pain during your session reached 7")
                .contains("(TRK-ESCALATE-SESSION-PAIN");
        assertThat(section(printed, "7.", "The events")).as(printed).contains("Adherence: week 1");
    }

    /** What the journey printed from its step {@code from} up to its step {@code to}. */
    private static String section(String printed, String from, String to) {
        int start = printed.indexOf("\n" + from + " ");
        int end = printed.indexOf("\n" + to, start + 1);
        assertThat(start).as("step %s in:%n%s", from, printed).isNotNegative();
        assertThat(end).as("what follows step %s in:%n%s", from, printed).isGreaterThan(start);
        return printed.substring(start, end);
    }
}
