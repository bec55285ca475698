package dev.hipflex.common.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads request bodies and events as they are written, nothing more: a number is not a word, {@code "5"} is
 * not 5, 4.5 is not 4, {@code 0} is not {@code left}, a list holds no nulls, a date-time is ISO-8601 text (not
 * 12345 seconds since 1970), and nothing may follow the document. Jackson's lenient defaults had stored such
 * input as if it were valid (found by the REST fuzz test). A set is read in its elements' natural order, so the JSON
 * it is written back to (and the hash that recognises a request sent again) is the same in every instance: a hash
 * set of enums iterates in an order that differs from one JVM to the next.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Set<Class<?>> DATE_TIMES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.DateTime, LogicalType.Enum)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        // While a request body is read, bad values are noted and reading goes on (BindingErrors); elsewhere they fail it.
        mapper.addHandler(BindingErrors.handler(mapper));
        mapper.registerModule(new SimpleModule("sorted-sets").addAbstractTypeMapping(Set.class, TreeSet.class));
        for (Class<?> collection : List.of(Collection.class, List.class, Set.class)) {
            mapper.configOverride(collection).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        // java.time's readers take no notice of the coercion settings above: they read 12345 and "12345" as seconds
        // since 1970 (a check-in at 1970-01-01 was stored so), "" as no date, and [2026, 11, 23] as a date.
        mapper.registerModule(new SimpleModule("iso-date-times").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                    JsonDeserializer<?> deserializer) {
                return DATE_TIMES.contains(bean.getBeanClass()) ? new IsoTextOnly(deserializer) : deserializer;
            }
        }));
    }

    /** A java.time reader that takes only text, and neither empty text (once read as null) nor a bare number. */
    static final class IsoTextOnly extends DelegatingDeserializer {

        private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]*)?");

        IsoTextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new IsoTextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText().strip();
            if (text.isEmpty() || NUMBER.matcher(text).matches()) {
                return ctxt.handleWeirdStringValue(handledType(), p.getText(), "not an ISO-8601 date-time");
            }
            return super.deserialize(p, ctxt);
        }
    }
}
