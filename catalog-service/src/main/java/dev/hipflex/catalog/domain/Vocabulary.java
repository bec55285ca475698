package dev.hipflex.catalog.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A closed vocabulary: its words appear in content files and in the API as lowercase kebab-case
 * ({@code ABDOMINAL_CONDITION} is {@code abdominal-condition}).
 */
public interface Vocabulary {

    String name();

    @JsonValue
    default String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The word for {@code slug}, or null when the vocabulary has no such word. */
    static <E extends Enum<E> & Vocabulary> E parse(Class<E> type, String slug) {
        for (E value : type.getEnumConstants()) {
            if (value.slug().equals(slug)) {
                return value;
            }
        }
        return null;
    }
}
