package dev.hipflex.triage.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A word of a closed vocabulary, written lowercase kebab-case on the wire ({@code FRONT_OF_HIP} is {@code front-of-hip}). */
public interface Word {

    String name();

    @JsonValue
    default String word() {
        // Computed once per constant: every recommendation writes dozens of these.
        return this instanceof Enum<?> constant ? Words.CACHE.get(constant.getDeclaringClass())[constant.ordinal()]
                : Words.spell(name());
    }

    /** The cache of {@link #word()}, every constant's word by ordinal: an interface cannot hold a private field itself. */
    final class Words {
        private static final ClassValue<String[]> CACHE = new ClassValue<>() {
            @Override
            protected String[] computeValue(Class<?> type) {
                Object[] constants = type.getEnumConstants();
                String[] words = new String[constants.length];
                for (int i = 0; i < constants.length; i++) {
                    words[i] = spell(((Enum<?>) constants[i]).name());
                }
                return words;
            }
        };

        private Words() {
        }

        static String spell(String name) {
            return name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
