package dev.hipflex.common.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import dev.hipflex.common.problem.Problem.FieldError;

/**
 * Binding that goes on past a bad value, so that one answer can name every bad field of a request body: while a
 * body is read {@link #collecting collecting}, an unknown word, an unknown field, text that is not a date or an id,
 * or a value of the wrong shape is noted with its JSON path and read as absent (null), and reading goes on. Outside
 * such a read (events from Kafka, answers of other services) nothing changes: the first bad value fails the read.
 * An unknown word in a list is read as the first word of its vocabulary instead, since lists refuse null entries; a
 * body with anything noted never reaches a resource, so that stand-in is only seen by the checks of the rest.
 */
public final class BindingErrors {

    private static final ThreadLocal<List<FieldError>> COLLECTED = new ThreadLocal<>();

    private BindingErrors() {
    }

    /**
     * Runs {@code read} (a JSON read on this thread) with the bad values it meets noted in {@code into} instead of
     * failing it; a failure this cannot go past (a syntax error, a number out of range, text where a number belongs)
     * still ends the read by its exception.
     */
    public static <T> T collecting(List<FieldError> into, Callable<T> read) throws Exception {
        List<FieldError> outer = COLLECTED.get();
        COLLECTED.set(into);
        try {
            return read.call();
        } finally {
            if (outer == null) {
                COLLECTED.remove();
            } else {
                COLLECTED.set(outer);
            }
        }
    }

    /** The handler the services' ObjectMapper carries (see {@link StrictJson}); it acts only while collecting. */
    static DeserializationProblemHandler handler(ObjectMapper mapper) {
        return new Handler(mapper);
    }

    private static boolean note(JsonParser p, String message) {
        return note(pathOf(valueContext(p)), message);
    }

    /** The context the parser's current value is in: at the start of a list or an object, the one it opens is not. */
    private static JsonStreamContext valueContext(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        return context != null && (p.hasToken(JsonToken.START_ARRAY) || p.hasToken(JsonToken.START_OBJECT))
                ? context.getParent() : context;
    }

    private static boolean note(String field, String message) {
        List<FieldError> errors = COLLECTED.get();
        if (errors == null) {
            return false;
        }
        errors.add(new FieldError(field.isEmpty() ? "body" : field, message));
        return true;
    }

    /**
     * Where an unknown field is. A record's unknown fields are buffered and handed over from a parser over that buffer
     * once the record's closing brace is read: the record is then where the body's own parser stands. Otherwise the
     * field is in the object whose context the parser stands in (or, at the start of the field's value, its parent).
     */
    private static String pathOfField(DeserializationContext ctxt, JsonParser p, String name) {
        JsonParser body = ctxt.getParser();
        String parent;
        if (body != null && body != p && body.hasToken(JsonToken.END_OBJECT)) {
            parent = pathOf(body.getParsingContext());
        } else {
            JsonStreamContext holder = p.getParsingContext();
            if (holder != null && (p.isExpectedStartObjectToken() || p.isExpectedStartArrayToken())) {
                holder = holder.getParent();
            }
            parent = holder == null ? "" : pathOf(holder.getParent());
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The JSON path of where the parser stands: {@code profile.hoursSittingPerDay}, {@code painLocations[1]}. */
    public static String pathOf(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = pathOf(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        String name = context.getCurrentName();
        return name == null ? parent : parent.isEmpty() ? name : parent + "." + name;
    }

    private static final class Handler extends DeserializationProblemHandler {

        private final ObjectMapper mapper;

        Handler(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            if (!note(pathOfField(ctxt, p, propertyName), "is not a known field")) {
                return false;
            }
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                String failureMsg) {
            String message = targetType.isEnum()
                    ? "'" + valueToConvert + "' is not one of: " + words(targetType)
                    : "cannot be read as " + targetType.getSimpleName().toLowerCase(Locale.ROOT) + ": '" + valueToConvert + "'";
            return note(ctxt.getParser(), message) ? absent(ctxt.getParser(), targetType) : NOT_HANDLED;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                String failureMsg) {
            return note(ctxt.getParser(), "has the wrong type or shape") ? absent(ctxt.getParser(), targetType) : NOT_HANDLED;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                String failureMsg) throws IOException {
            if (t == null || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || !note(p, "has the wrong type or shape")) {
                return NOT_HANDLED;
            }
            p.skipChildren();
            return absent(p, targetType.getRawClass());
        }

        /** What an unreadable value is read as: null, or in a list (which refuses nulls) a word of its vocabulary. */
        private static Object absent(JsonParser p, Class<?> type) {
            JsonStreamContext context = valueContext(p);
            boolean inList = context != null && context.inArray();
            return inList && type.isEnum() && type.getEnumConstants().length > 0 ? type.getEnumConstants()[0] : null;
        }

        /** The words an enum is written as on the wire (its {@code @JsonValue}, if it has one). */
        private String words(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(constant -> mapper.valueToTree(constant).asText())
                    .collect(Collectors.joining(", "));
        }
    }

    /** Drops {@code later}'s errors about a field {@code first} names already, or about a part or a parent of it. */
    public static List<FieldError> merge(List<FieldError> first, List<FieldError> later) {
        List<FieldError> all = new ArrayList<>(first);
        for (FieldError error : later) {
            if (first.stream().noneMatch(named -> related(named.field(), error.field()))) {
                all.add(error);
            }
        }
        return all;
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || within(a, b) || within(b, a);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer) && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }
}
