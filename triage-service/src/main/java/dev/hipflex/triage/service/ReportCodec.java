package dev.hipflex.triage.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.common.events.Sha256;
import dev.hipflex.triage.domain.Plan;
import dev.hipflex.triage.domain.ProfileExtras;
import dev.hipflex.triage.domain.SymptomReport;

/**
 * JSON for the pipeline: the canonical JSON of a report and its hash (what makes a retry recognisable as the same
 * report), and the JSON of recommendations and of their events.
 * <p>
 * The pipeline's JSON stays UTF-8 bytes from the writer to PostgreSQL and Kafka: a 12 KB recommendation written as
 * a {@code String} was encoded again by the database driver and by the Kafka serializer, and copied into its event.
 * <p>
 * A recommendation's plan and profile extras are mostly the catalog's words (instructions, doses, notes) and take
 * most of its 12 KB; they depend on a few things in the report, so the same ones come again and again. Each distinct
 * one is written once and its UTF-8 JSON reused, byte for byte what writing it again would give.
 */
@ApplicationScoped
public class ReportCodec {

    /** Distinct plans and extras kept; beyond that the memory starts again (a catalog change makes new ones anyway). */
    static final int REMEMBERED = 2_048;

    private static final byte[] DATA_FIELD = ",\"data\":".getBytes(StandardCharsets.UTF_8);

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

    /** The value's JSON as UTF-8. */
    public byte[] toJsonBytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    /**
     * An event around JSON already written: the envelope's attributes, then {@code data}, the same bytes as writing
     * an event whose data is that JSON as a raw value (the envelope's {@code data} comes last and is left out when
     * null), without writing the data again.
     */
    public byte[] withData(CloudEvent<Void> envelope, byte[] data) {
        byte[] attributes = toJsonBytes(envelope);
        int open = attributes.length - 1;
        if (attributes[open] != '}') {
            throw new IllegalStateException("An event's attributes should end its JSON object");
        }
        byte[] event = new byte[open + DATA_FIELD.length + data.length + 1];
        System.arraycopy(attributes, 0, event, 0, open);
        System.arraycopy(DATA_FIELD, 0, event, open, DATA_FIELD.length);
        System.arraycopy(data, 0, event, open + DATA_FIELD.length, data.length);
        event[event.length - 1] = '}';
        return event;
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
        /** Kept with their UTF-8 bytes, which the byte writer copies as they are. */
        private final transient Map<T, SerializableString> written = new ConcurrentHashMap<>();

        WrittenOnce(Class<T> type, ObjectMapper plain) {
            super(type);
            this.plain = plain;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            SerializableString text = written.get(value);
            if (text == null) {
                text = new SerializedString(plain.writeValueAsString(value));
                if (written.size() >= REMEMBERED) {
                    written.clear();
                }
                written.put(value, text);
            }
            generator.writeRawValue(text);
        }
    }
}
