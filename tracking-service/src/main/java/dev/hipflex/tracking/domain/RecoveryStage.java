package dev.hipflex.tracking.domain;

import java.util.List;

/** A stage of the catalog's recovery timeline; days count from the plan's first day (day 1). */
public record RecoveryStage(String slug, int order, String title, int fromDay, int toDay, String summary,
        List<String> whatToExpect) {
}
