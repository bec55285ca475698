package dev.hipflex.triage.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A word of a closed vocabulary, written lowercase kebab-case on the wire ({@code FRONT_OF_HIP} is {@code front-of-hip}). */
public interface Word {

    String name();

    @JsonValue
    default String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
