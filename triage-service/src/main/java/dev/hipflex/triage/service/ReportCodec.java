package dev.hipflex.triage.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.common.events.Sha256;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;

/**
 * JSON for the pipeline: the canonical JSON of a report and its hash (what makes a retry recognisable as the same
 * report), and the JSON of recommendations and of their events.
 * <p>
 * The pipeline's JSON stays UTF-8 bytes from the writer to PostgreSQL and Kafka: a 12 KB recommendation written as
 * a {@code String} was encoded again by the database driver and by the Kafka serializer, and copied into its event.
 * <p>
 * A recommendation's plan and profile extras are mostly the catalog's words (instructions, doses, notes) and take
 * about 10 of its 12 KB; they depend on a few things in the report, so the same ones come again and again. Each
 * distinct one is written once, and stored once ({@link RecommendationJson}); what is the recommendation's own is
 * written for each.
 */
@ApplicationScoped
public class ReportCodec {

    /** Distinct plans and extras kept; beyond that the memory starts again (a catalog change makes new ones anyway). */
    static final int REMEMBERED = 2_048;

    private static final byte[] DATA_FIELD = ",\"data\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAN_FIELD = ",\"plan\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXTRAS_FIELD = ",\"extras\":".getBytes(StandardCharsets.UTF_8);

    /** Writes a recommendation without its plan and extras. */
    @JsonIgnoreProperties({ "plan", "extras" })
    private interface OwnPart {
    }

    private final ObjectMapper json;
    private final ObjectWriter own;
    /**
     * Plans and extras with their JSON, by identity: the engine gives the same instance for the same plan or extras
     * within a catalog snapshot. A record's equals and hashCode walk its whole tree, and did so for every report:
     * 40 % of the engine threads' time when these were looked up by value.
     */
    private final Map<Identity, SharedPart> shared = new ConcurrentHashMap<>();

    /** A key that is equal only to itself. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    public ReportCodec(ObjectMapper json) {
        this.json = json;
        this.own = json.copy().addMixIn(Recommendation.class, OwnPart.class).writer();
    }

    /**
     * A plan or a set of profile extras, as UTF-8 JSON, and the SHA-256 of that JSON (hex), by which it is stored once
     * for every recommendation that has it.
     */
    public record SharedPart(String hash, byte[] json) {
    }

    /**
     * A recommendation's JSON in the parts it is stored in: its own (every field but the plan and the extras, which
     * come last in a recommendation), and its plan and extras.
     */
    public record RecommendationJson(byte[] own, SharedPart plan, SharedPart extras) {

        /** The whole recommendation's JSON: the same bytes as writing the recommendation in one go. */
        public byte[] whole() {
            return ReportCodec.whole(own, plan.json(), extras.json());
        }
    }

    public RecommendationJson toJson(Recommendation recommendation) {
        try {
            return new RecommendationJson(own.writeValueAsBytes(recommendation), shared(recommendation.plan()),
                    shared(recommendation.extras()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    /**
     * A recommendation's whole JSON from its stored parts: its own JSON with the plan and the extras added as its last
     * fields.
     */
    public static byte[] whole(byte[] own, byte[] plan, byte[] extras) {
        int open = own.length - 1;
        if (open < 1 || own[open] != '}') {
            throw new IllegalStateException("A recommendation's own JSON should be a JSON object");
        }
        byte[] whole = new byte[open + PLAN_FIELD.length + plan.length + EXTRAS_FIELD.length + extras.length + 1];
        int at = copy(own, 0, open, whole, 0);
        at = copy(PLAN_FIELD, 0, PLAN_FIELD.length, whole, at);
        at = copy(plan, 0, plan.length, whole, at);
        at = copy(EXTRAS_FIELD, 0, EXTRAS_FIELD.length, whole, at);
        at = copy(extras, 0, extras.length, whole, at);
        whole[at] = '}';
        return whole;
    }

    /**
     * A stored recommendation's whole JSON: its row's body, and the bodies of its plan and extras; a row made before
     * they were stored apart has no plan and its body is the whole JSON.
     */
    public static byte[] whole(String body, String plan, String extras) {
        byte[] own = body.getBytes(StandardCharsets.UTF_8);
        return plan == null ? own : whole(own, plan.getBytes(StandardCharsets.UTF_8), extras.getBytes(StandardCharsets.UTF_8));
    }

    private static int copy(byte[] from, int start, int length, byte[] to, int at) {
        System.arraycopy(from, start, to, at, length);
        return at + length;
    }

    private SharedPart shared(Object part) throws JsonProcessingException {
        Identity key = new Identity(part);
        SharedPart written = shared.get(key);
        if (written == null) {
            byte[] bytes = json.writeValueAsBytes(part);
            written = new SharedPart(Sha256.hex(bytes), bytes);
            if (shared.size() >= REMEMBERED) {
                shared.clear();
            }
            shared.put(key, written);
        }
        return written;
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    /** The value's JSON as UTF-8. */
    private byte[] toJsonBytes(Object value) {
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
        int at = copy(attributes, 0, open, event, 0);
        at = copy(DATA_FIELD, 0, DATA_FIELD.length, event, at);
        at = copy(data, 0, data.length, event, at);
        event[at] = '}';
        return event;
    }

    public String hash(SymptomReport report) {
        return hash(toJson(report));
    }

    /** The hash of a report's canonical JSON, when the caller has it already. */
    public String hash(String canonicalJson) {
        return Sha256.hex(canonicalJson);
    }
}
