package dev.hipflex.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.hipflex.testsupport.ContractDocument.Message;

/**
 * Checks events against the published contracts (module {@code contracts}): the topic's message in asyncapi.yaml
 * whose {@code dataschema} the event names, which is the CloudEvents envelope with that topic's type, source and
 * payload schema; and, where the document says so, that the record key and the {@code subject} equal what they
 * should. Formats (uuid, date, date-time, uri) are asserted, not just annotated.
 */
public final class EventContracts {

    private static final String RESOURCES = "dev/hipflex/contracts/";
    /** Where asyncapi.yaml pretends to live, so that its relative refs resolve; mapped to the classpath. */
    private static final String DOCUMENT_BASE = "https://hipflex.dev/contracts/";
    /** A {@code dataschema} such as https://hipflex.dev/schemas/recommendations/v1 is schemas/recommendations.v1.json. */
    private static final Pattern SCHEMA_ID = Pattern.compile("https://hipflex\\.dev/schemas/([a-z0-9-]+)/(v[0-9]+)");
    private static final String ENVELOPE = "https://hipflex.dev/schemas/cloudevent/v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContractDocument DOCUMENT = ContractDocument.load(RESOURCES + "asyncapi.yaml");
    /** Formats are asserted (2020-12 only annotates them by default); paths read as $.data.level. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix(DOCUMENT_BASE, "classpath:" + RESOURCES)
                    .add(EventContracts::schemaFile)));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Every topic the contracts describe, dead-letter topics included. */
    public static List<String> topics() {
        return DOCUMENT.topics();
    }

    /** The topics whose records are CloudEvents with a schema (all but the dead-letter topics). */
    public static List<String> eventTopics() {
        return DOCUMENT.topics().stream()
                .filter(topic -> DOCUMENT.messages(topic).stream().noneMatch(Message::raw)).toList();
    }

    /** What is wrong with an event on {@code topic}, in the validator's words; empty when it keeps the contract. */
    public static List<String> violations(String topic, String eventJson) {
        return check(topic, false, null, eventJson);
    }

    /** As {@link #violations(String, String)}, and the record key must be what the topic is keyed by. */
    public static List<String> violations(String topic, String key, String eventJson) {
        return check(topic, true, key, eventJson);
    }

    public static void assertValid(String topic, String eventJson) {
        failIfAny(topic, violations(topic, eventJson), eventJson);
    }

    public static void assertValid(String topic, String key, String eventJson) {
        failIfAny(topic, violations(topic, key, eventJson), eventJson);
    }

    /**
     * For negative contract tests: checks that {@code validEventJson} keeps the contract, applies {@code change} to it
     * and returns what the contract finds wrong with the result, failing if the changed event is still accepted.
     */
    public static List<String> violationsOnceChanged(String topic, String key, String validEventJson,
            Consumer<ObjectNode> change) {
        assertValid(topic, key, validEventJson);
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(validEventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + validEventJson, e);
        }
        change.accept(event);
        List<String> violations = violations(topic, key, event.toString());
        if (violations.isEmpty()) {
            throw new AssertionError("The contract of " + topic + " accepted the changed event: " + event);
        }
        return violations;
    }

    /** The {@code data} of a CloudEvent, to change in {@link #violationsOnceChanged}. */
    public static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    /** The contracts' example event of a topic ({@code examples/<topic>.json}), for consumers' tests. */
    public static String example(String topic) {
        return exampleResource(RESOURCES + "examples/" + topic + ".json");
    }

    /**
     * The contracts' example event of a later payload version of a topic ({@code examples/<topic>.<version>.json},
     * such as {@code recommendations.v2.json}); {@link #example(String)} is the topic's first version.
     */
    public static String example(String topic, String version) {
        return exampleResource(RESOURCES + "examples/" + topic + "." + version + ".json");
    }

    private static String exampleResource(String resource) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> check(String topic, boolean checkKey, String key, String eventJson) {
        List<Message> messages = DOCUMENT.messages(topic);
        if (messages.stream().anyMatch(Message::raw)) {
            throw new IllegalArgumentException(topic + " carries raw records as received; check them against their own topic");
        }
        JsonNode event;
        try {
            event = JSON.readTree(eventJson == null ? "" : eventJson);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            return List.of("not a JSON object");
        }
        String dataschema = event.path("dataschema").asText(null);
        Message message = messages.stream().filter(m -> m.dataschema().equals(dataschema)).findFirst().orElse(null);
        List<String> violations = new ArrayList<>();
        if (message == null) {
            violations.add("dataschema " + dataschema + " is not published on " + topic + "; expected one of "
                    + messages.stream().map(Message::dataschema).toList());
            violations.addAll(validate(schema(ENVELOPE), event));
            return violations;
        }
        violations.addAll(validate(schema(message), event));
        equal(violations, "subject", event.get("subject"), message.subjectPointer(), event);
        if (checkKey) {
            equal(violations, "record key", key == null ? null : JSON.getNodeFactory().textNode(key),
                    message.keyPointer(), event);
        }
        return violations;
    }

    /** A value the document ties to another part of the event (x-key, x-subject) must equal it. */
    private static void equal(List<String> violations, String what, JsonNode actual, String pointer, JsonNode event) {
        if (pointer == null) {
            return;
        }
        JsonNode expected = event.at(pointer);
        if (expected.isMissingNode() || !Objects.equals(actual, expected)) {
            violations.add(what + " " + actual + " is not the event's " + pointer + " (" + expected + ")");
        }
    }

    private static List<String> validate(JsonSchema schema, JsonNode event) {
        return schema.validate(event).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema schema(Message message) {
        return SCHEMAS.computeIfAbsent(message.pointer(), pointer -> FACTORY.getSchema(
                SchemaLocation.of(DOCUMENT_BASE + "asyncapi.yaml#" + pointer), message.schema(), CONFIG));
    }

    private static JsonSchema schema(String id) {
        return SCHEMAS.computeIfAbsent(id, iri -> FACTORY.getSchema(SchemaLocation.of(iri), CONFIG));
    }

    private static AbsoluteIri schemaFile(AbsoluteIri iri) {
        Matcher id = SCHEMA_ID.matcher(iri.toString());
        return id.matches() ? AbsoluteIri.of("classpath:" + RESOURCES + "schemas/" + id.group(1) + "." + id.group(2) + ".json")
                : null;
    }

    private static void failIfAny(String topic, List<String> violations, String eventJson) {
        if (!violations.isEmpty()) {
            throw new AssertionError("event breaks the contract of " + topic + ":\n  " + String.join("\n  ", violations)
                    + "\nevent: " + eventJson);
        }
    }
}
