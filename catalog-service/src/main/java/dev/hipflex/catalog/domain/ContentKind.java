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
import dev.hipflex.catalog.domain.Content.SymptomCheck;

/**
 * The kinds of catalog content. {@code path} is both the API path segment and the content file
 * (or folder) name; a kind is either a list of items, one file per item in a folder, or one document.
 */
public enum ContentKind {
    SOURCE("sources", "source", Source.class, Layout.LIST),
    MUSCLE("muscles", "muscle", Muscle.class, Layout.LIST),
    CAUSE("causes", "cause", Cause.class, Layout.LIST),
    SYMPTOM("symptoms", "symptom", Symptom.class, Layout.LIST),
    EXERCISE("exercises", "exercise", Exercise.class, Layout.FOLDER),
    PROTOCOL("protocols", "protocol", Protocol.class, Layout.FOLDER),
    RECOVERY_TIMELINE("recovery-timeline", "recovery timeline", RecoveryTimeline.class, Layout.DOCUMENT),
    COMMON_MISTAKE("common-mistakes", "common mistake", CommonMistake.class, Layout.LIST),
    CONDITION("conditions", "condition", Condition.class, Layout.LIST),
    RED_FLAG("red-flags", "red flag", RedFlag.class, Layout.LIST),
    ROOT_CAUSE_CHECKLIST("root-cause-checklist", "root-cause checklist", RootCauseChecklist.class, Layout.DOCUMENT),
    GUIDANCE("guidance", "guidance item", Guidance.class, Layout.LIST),
    REFERENCE("references", "reference", Reference.class, Layout.LIST),
    SYMPTOM_CHECK("symptom-check", "symptom check", SymptomCheck.class, Layout.DOCUMENT);

    public enum Layout {
        LIST, FOLDER, DOCUMENT
    }

    private final String path;
    private final String noun;
    private final Class<?> type;
    private final Layout layout;

    ContentKind(String path, String noun, Class<?> type, Layout layout) {
        this.path = path;
        this.noun = noun;
        this.type = type;
        this.layout = layout;
    }

    public String path() {
        return path;
    }

    /** What one item is called in messages, such as "red flag". */
    public String noun() {
        return noun;
    }

    /** The kind served at {@code path}, or null. */
    public static ContentKind ofPath(String path) {
        for (ContentKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        return null;
    }

    public Class<?> type() {
        return type;
    }

    public Layout layout() {
        return layout;
    }
}
