package dev.hipflex.triage.domain;

import dev.hipflex.triage.domain.Decision.Fact;

/** What the decisions beyond the level read: report fields, and the parts of the assessment the level rules made. */
final class Facts {

    static final Fact PAIN_LOCATIONS = Fact.of(RuleSet.PAIN_LOCATIONS);
    static final Fact QUALITIES = Fact.of(RuleSet.QUALITIES);
    static final Fact ONSET = Fact.of(RuleSet.ONSET);
    static final Fact DAYS_SINCE_ONSET = Fact.of(RuleSet.DAYS_SINCE_ONSET);
    static final Fact AGGRAVATING_ACTIVITIES = new Fact("aggravatingActivities",
            "activities that make the pain worse: sitting, standing up, running, stairs, deep squat, lifting the "
                    + "knee, sleeping", reading -> reading.report().aggravatingActivities());
    static final Fact RUNNER = new Fact("profile.runner", "whether the person runs",
            reading -> reading.report().profile().runner());
    static final Fact DESK_WORKER = new Fact("profile.deskWorker", "whether the person works at a desk",
            reading -> reading.report().profile().deskWorker());
    static final Fact HOURS_SITTING = new Fact("profile.hoursSittingPerDay", "hours the person sits on a usual day",
            reading -> reading.report().profile().hoursSittingPerDay());
    static final Fact SHOE_AGE = new Fact("profile.runningShoeAgeMonths",
            "age of the running shoes in months, if given",
            reading -> reading.report().profile().runningShoeAgeMonths());
    static final Fact WANTS_DEEP_PSOAS_RELEASE = new Fact("profile.wantsDeepPsoasRelease",
            "whether the person asks for the deep lacrosse-ball psoas release",
            reading -> reading.report().profile().wantsDeepPsoasRelease());
    static final Fact RAISED_HEELS = new Fact("profile.wearsRaisedHeels", "whether the person often wears raised heels",
            reading -> reading.report().profile().wearsRaisedHeels());

    static final Fact LEVEL = new Fact("level", "the level the level rules gave, the most severe of those that fired",
            reading -> reading.assessment().level());
    static final Fact GENTLE = new Fact("gentleMode", "whether only acute-safe exercises are allowed",
            reading -> reading.assessment().gentle());
    static final Fact NO_RUNNING = new Fact("noRunning",
            "whether running waits until a professional has seen the person",
            reading -> reading.assessment().noRunning());
    static final Fact EXERCISES_ON_HOLD = new Fact("exercisesOnHold",
            "whether all exercises wait until a professional has seen the person",
            reading -> reading.assessment().exercisesOnHold());

    private Facts() {
    }
}
