package dev.hipflex.triage.domain;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonValue;

/** A word of a closed vocabulary, written lowercase kebab-case on the wire ({@code FRONT_OF_HIP} is {@code front-of-hip}). */
public interface Word {

    String name();

    @JsonValue
    default String word() {
        // Computed once per constant: every recommendation writes dozens of these.
        return Words.CACHE.computeIfAbsent(this, w -> w.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The cache of {@link #word()}: an interface cannot hold a private field itself. */
    final class Words {
        private static final Map<Word, String> CACHE = new ConcurrentHashMap<>();

        private Words() {
        }
    }
}
