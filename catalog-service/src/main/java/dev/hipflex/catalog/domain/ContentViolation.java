package dev.hipflex.catalog.domain;

/** One thing wrong with catalog content: where ({@code item}, e.g. "exercises/couch-stretch"), which field, and why. */
public record ContentViolation(String item, String field, String message) {

    @Override
    public String toString() {
        return item + ": " + field + ": " + message;
    }
}
