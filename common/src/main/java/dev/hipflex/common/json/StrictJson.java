package dev.hipflex.common.json;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads request bodies and events as they are written, nothing more: a number is not a word, {@code "5"} is
 * not 5, 4.5 is not 4, {@code 0} is not {@code left}, a list holds no nulls, and nothing may follow the
 * document. Jackson's lenient defaults had stored such input as if it were valid (found by the REST fuzz test).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

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
        for (Class<?> collection : List.of(Collection.class, List.class, Set.class)) {
            mapper.configOverride(collection).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
    }
}
