package dev.hipflex.tracking.domain;

import java.util.List;

import dev.hipflex.tracking.domain.Adherence.CurrentStage;

/** Where a plan day falls on the catalog's recovery timeline. */
final class Stages {

    private Stages() {
    }

    /**
     * The last stage that has begun by {@code planDay}, flagged beyond the timeline after the last stage's last day;
     * null before day 1 or the first stage. Should the catalog leave a gap between stages, the stage before the gap
     * stays current.
     *
     * @param stages sorted by {@code fromDay} (see {@link Plan})
     */
    static CurrentStage current(List<RecoveryStage> stages, int planDay) {
        RecoveryStage current = null;
        for (RecoveryStage stage : stages) {
            if (stage.fromDay() <= planDay) {
                current = stage;
            }
        }
        if (planDay < 1 || current == null) {
            return null;
        }
        boolean last = current == stages.get(stages.size() - 1);
        return CurrentStage.of(current, last && planDay > current.toDay());
    }
}
