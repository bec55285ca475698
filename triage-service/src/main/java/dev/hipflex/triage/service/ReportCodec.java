package dev.hipflex.triage.service;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.triage.domain.Plan;
import dev.hipflex.triage.domain.ProfileExtras;
import dev.hipflex.triage.domain.SymptomReport;

/**
 * JSON for the pipeline: the canonical JSON of a report and its hash (what makes a retry recognisable as the same
 * report), and the JSON of recommendations.
 * <p>
 * A recommendation's plan and profile extras are mostly the catalog's words (instructions, doses, notes) and take
 * most of its 12 KB; they depend on a few things in the report, so the same ones come again and again. Each distinct
 * one is written once and its JSON reused, byte for byte what writing it again would give.
 */
@ApplicationScoped
public class ReportCodec {

    /** Distinct plans and extras kept; beyond that the memory starts again (a catalog change makes new ones anyway). */
    static final int REMEMBERED = 2_048;

    private final ObjectMapper json;

    public ReportCodec(ObjectMapper json) {
        SimpleModule repeated = new SimpleModule("repeated-recommendation-parts");
        repeated.addSerializer(new WrittenOnce<>(Plan.class, json));
        repeated.addSerializer(new WrittenOnce<>(ProfileExtras.class, json));
        this.json = json.copy().registerModule(repeated);
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    public String hash(SymptomReport report) {
        return hash(toJson(report));
    }

    /** The hash of a report's canonical JSON, when the caller has it already. */
    public String hash(String canonicalJson) {
        return Sha256.hex(canonicalJson);
    }

    /** Writes a value (a record: equal values give equal JSON) with {@code plain}, once per distinct value. */
    static final class WrittenOnce<T> extends StdSerializer<T> {

        private final transient ObjectMapper plain;
        private final transient Map<T, String> written = new ConcurrentHashMap<>();

        WrittenOnce(Class<T> type, ObjectMapper plain) {
            super(type);
            this.plain = plain;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            String text = written.get(value);
            if (text == null) {
                text = plain.writeValueAsString(value);
                if (written.size() >= REMEMBERED) {
                    written.clear();
                }
                written.put(value, text);
            }
            generator.writeRawValue(text);
        }
    }
}
