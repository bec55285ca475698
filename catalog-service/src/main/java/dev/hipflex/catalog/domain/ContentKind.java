package dev.hipflex.catalog.domain;

import dev.hipflex.catalog.domain.Content.Cause;
import dev.hipflex.catalog.domain.Content.CommonMistake;
import dev.hipflex.catalog.domain.Content.Condition;
import dev.hipflex.catalog.domain.Content.Exercise;
import dev.hipflex.catalog.domain.Content.Guidance;
import dev.hipflex.catalog.domain.Content.Muscle;
import dev.hipflex.catalog.domain.Content.Protocol;
import dev.hipflex.catalog.domain.Content.RecoveryTimeline;
import dev.hipflex.catalog.domain.Content.RedFlag;
import dev.hipflex.catalog.domain.Content.Reference;
import dev.hipflex.catalog.domain.Content.RootCauseChecklist;
import dev.hipflex.catalog.domain.Content.Source;
import dev.hipflex.catalog.domain.Content.Symptom;

/**
 * The kinds of catalog content. {@code path} is both the API path segment and the content file
 * (or folder) name; a kind is either a list of items, one file per item in a folder, or one document.
 */
public enum ContentKind {
    SOURCE("sources", Source.class, Layout.LIST),
    MUSCLE("muscles", Muscle.class, Layout.LIST),
    CAUSE("causes", Cause.class, Layout.LIST),
    SYMPTOM("symptoms", Symptom.class, Layout.LIST),
    EXERCISE("exercises", Exercise.class, Layout.FOLDER),
    PROTOCOL("protocols", Protocol.class, Layout.FOLDER),
    RECOVERY_TIMELINE("recovery-timeline", RecoveryTimeline.class, Layout.DOCUMENT),
    COMMON_MISTAKE("common-mistakes", CommonMistake.class, Layout.LIST),
    CONDITION("conditions", Condition.class, Layout.LIST),
    RED_FLAG("red-flags", RedFlag.class, Layout.LIST),
    ROOT_CAUSE_CHECKLIST("root-cause-checklist", RootCauseChecklist.class, Layout.DOCUMENT),
    GUIDANCE("guidance", Guidance.class, Layout.LIST),
    REFERENCE("references", Reference.class, Layout.LIST);

    public enum Layout {
        LIST, FOLDER, DOCUMENT
    }

    private final String path;
    private final Class<?> type;
    private final Layout layout;

    ContentKind(String path, Class<?> type, Layout layout) {
        this.path = path;
        this.type = type;
        this.layout = layout;
    }

    public String path() {
        return path;
    }

    public Class<?> type() {
        return type;
    }

    public Layout layout() {
        return layout;
    }
}
