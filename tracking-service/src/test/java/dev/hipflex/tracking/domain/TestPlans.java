package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The catalog's protocol schedule and recovery timeline (seed 003), as the plumbing will hand them to the engine. */
final class TestPlans {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Daily for weeks 1–2, then 3–4 a week until week 12. */
    static final Schedule CATALOG_SCHEDULE = new Schedule(2, 3, 4, 12);

    static final List<RecoveryStage> CATALOG_STAGES = List.of(
            new RecoveryStage("days-1-7", 1, "Days 1–7", 1, 7, "Less tension after release sessions",
                    List.of("Reduced tension after release sessions", "Some soreness from new exercises is normal")),
            new RecoveryStage("weeks-2-4", 2, "Weeks 2–4", 8, 28, "Daily pain starts to ease",
                    List.of("Noticeable decrease in daily hip flexor pain", "Easier to stand up from sitting")),
            new RecoveryStage("weeks-4-8", 3, "Weeks 4–8", 29, 56, "Range of motion improves",
                    List.of("Significant improvement in hip extension range", "Less lower back discomfort")),
            new RecoveryStage("weeks-8-12", 4, "Weeks 8–12", 57, 84, "Substantial relief",
                    List.of("Substantial pain relief and restored function with consistent work")));

    /** A Wednesday, so that plan weeks visibly differ from calendar weeks. */
    static final LocalDate START = LocalDate.of(2024, 3, 6);

    private TestPlans() {
    }

    static Plan plan(LocalDate start) {
        return new Plan(start, BERLIN, CATALOG_SCHEDULE, CATALOG_STAGES);
    }

    static Plan plan(LocalDate start, Schedule schedule) {
        return new Plan(start, BERLIN, schedule, CATALOG_STAGES);
    }

    /** The local date of a plan day (day 1 is the start date). */
    static LocalDate day(int planDay) {
        return START.plusDays(planDay - 1);
    }
}
