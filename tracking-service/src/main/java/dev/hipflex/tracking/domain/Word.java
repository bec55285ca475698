package dev.hipflex.tracking.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A word of a closed vocabulary, written lowercase kebab-case on the wire ({@code STRENGTHEN} is {@code strengthen}). */
public interface Word {

    String name();

    @JsonValue
    default String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
