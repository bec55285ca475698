package dev.hipflex.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The documents hold together: asyncapi.yaml names every topic, each event topic's message points to schemas that
 * exist and are valid draft 2020-12, every schema is used, and each topic's example event validates.
 * (dev.hipflex.testsupport.EventContracts, which the services' tests use, is tested in test-support.)
 */
class EventContractDocumentsTest {

    private static final String RESOURCES = "dev/hipflex/contracts/";
    private static final String BASE = "https://hipflex.dev/contracts/";
    private static final List<String> TOPICS = List.of("catalog-updates", "symptom-reports", "symptom-reports-dlq",
            "recommendations", "recommendations-dlq", "session-completions", "adherence-updates", "recovery-alerts",
            "plan-adjustments", "outcome-recorded", "experiment-results");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    // The document's relative refs resolve against BASE, which is this module's classpath.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:" + RESOURCES)));

    private final JsonNode asyncapi = yaml(RESOURCES + "asyncapi.yaml");

    @Test
    void theDocumentIsAsyncApi3AndDescribesEveryTopic() {
        assertThat(asyncapi.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> addresses = new ArrayList<>();
        asyncapi.path("channels").properties().forEach(channel -> {
            assertThat(channel.getValue().path("address").asText()).as("address of %s", channel.getKey())
                    .isEqualTo(channel.getKey());
            addresses.add(channel.getKey());
        });
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(TOPICS);
    }

    @Test
    void theSymptomReportMessageSaysAReportWithoutScreeningAnswersIsStillTriagedWithWhatWasNotAsked() {
        String description = asyncapi.at("/components/messages/symptomReportReceived/description").asText();
        assertThat(description).as("symptomReportReceived's description").contains("screening answers")
                .contains("data.screening").contains("without them").contains("still triaged")
                .contains("notAsked").contains("NA-NOT-ASKED").contains("night-or-rest-pain");
    }

    @Test
    void everyReferenceInTheDocumentResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncapi, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            if (ref.startsWith("#")) {
                assertThat(asyncapi.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(resource(RESOURCES + ref.replaceFirst("^\\./", ""))).as(ref).isTrue();
            }
        });
    }

    @Test
    void everyOperationHasAServiceTagAndAKnownChannel() {
        asyncapi.path("operations").properties().forEach(operation -> {
            JsonNode value = operation.getValue();
            assertThat(value.path("action").asText()).isIn("send", "receive");
            assertThat(value.path("tags").size()).as(operation.getKey()).isPositive();
            assertThat(asyncapi.at(value.path("channel").path("$ref").asText().substring(1)).isMissingNode()).isFalse();
        });
        // Every topic has someone who sends it and someone who receives it.
        for (String topic : TOPICS) {
            assertThat(actionsOn(topic)).as(topic).contains("send", "receive");
        }
    }

    @Test
    void everySchemaIsValidDraft202012WithAnIdThatMatchesItsFileName() throws Exception {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
        Map<String, JsonNode> schemas = schemaFiles();
        assertThat(schemas).containsKeys("cloudevent.v1.json", "symptom-reports.v1.json", "recommendations.v1.json",
                "recommendations.v2.json",
                "session-completions.v1.json", "adherence-updates.v1.json", "recovery-alerts.v1.json",
                "catalog-updates.v1.json", "plan-adjustments.v1.json", "outcome-recorded.v1.json",
                "experiment-results.v1.json");
        schemas.forEach((file, schema) -> {
            assertThat(metaSchema.validate(schema)).as(file).isEmpty();
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            String[] parts = file.split("\\.");
            assertThat(schema.path("$id").asText()).as(file)
                    .isEqualTo("https://hipflex.dev/schemas/" + parts[0] + "/" + parts[1]);
            // Loading it resolves every internal $ref.
            FACTORY.getSchema(SchemaLocation.of(BASE + "schemas/" + file), CONFIG).initializeValidators();
        });
    }

    @Test
    void everyEventMessagePinsAnExistingPayloadSchemaOfItsTopicAndEverySchemaIsUsed() throws Exception {
        List<String> used = new ArrayList<>(List.of("cloudevent.v1.json"));
        for (String topic : eventTopics()) {
            for (String pointer : messagePointers(topic)) {
                JsonNode schema = payloadSchema(pointer);
                String dataschema = pinned(schema, "dataschema").path("const").asText();
                String dataRef = pinned(schema, "data").path("$ref").asText();
                String version = version(dataschema);
                assertThat(dataschema).as(pointer).isEqualTo("https://hipflex.dev/schemas/" + topic + "/" + version);
                assertThat(dataRef).as(pointer).isEqualTo("./schemas/" + topic + "." + version + ".json");
                assertThat(schema.path("allOf").get(0).path("$ref").asText()).isEqualTo("./schemas/cloudevent.v1.json");
                used.add(topic + "." + version + ".json");
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(schemaFiles().keySet());
    }

    @Test
    void everyEventMessageHasAnExampleThatKeepsItsContract() {
        for (String topic : eventTopics()) {
            for (String pointer : messagePointers(topic)) {
                String schemaPointer = pointer + "/payload/schema";
                JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + "asyncapi.yaml#" + schemaPointer),
                        asyncapi.at(schemaPointer), CONFIG);
                JsonNode example = json(RESOURCES + "examples/" + exampleFile(topic, pointer));
                assertThat(schema.validate(example)).as(pointer).extracting(ValidationMessage::getMessage).isEmpty();
            }
        }
    }

    @Test
    void recommendationsCarryV2AndStillDocumentV1() {
        assertThat(messagePointers("recommendations")).hasSize(2)
                .extracting(pointer -> version(pinned(payloadSchema(pointer), "dataschema").path("const").asText()))
                .containsExactly("v2", "v1");
    }

    @Test
    void theV2RecommendationHoldsNoProse() throws Exception {
        // Words stay in the catalog and the REST answer: v2 names none of v1's texts.
        JsonNode v2 = schemaFiles().get("recommendations.v2.json");
        List<String> names = new ArrayList<>();
        collectPropertyNames(v2, names);
        assertThat(names).contains("rules", "inputs", "excluded", "condition", "dose", "ruleSetVersion")
                .doesNotContain("reasons", "text", "whatToDo", "notes", "note", "instruction", "advice", "afterPainfulRun",
                        "gaitAnalysis", "explanation");
        JsonNode example = json(RESOURCES + "examples/recommendations.v2.json").path("data");
        List<String> exampleNames = new ArrayList<>();
        collectFieldNames(example, exampleNames);
        assertThat(exampleNames).isNotEmpty().doesNotContain("text", "whatToDo", "notes", "note", "instruction");
    }

    @Test
    void theExamplesThemselvesAreStrictlyChecked() {
        // A guard against a schema that accepts anything: each recommendation example without its level fails.
        for (String pointer : messagePointers("recommendations")) {
            String schemaPointer = pointer + "/payload/schema";
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + "asyncapi.yaml#" + schemaPointer),
                    asyncapi.at(schemaPointer), CONFIG);
            JsonNode example = json(RESOURCES + "examples/" + exampleFile("recommendations", pointer));
            ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("data")).remove("level");
            assertThat(schema.validate(example)).as(pointer).extracting(ValidationMessage::getMessage)
                    .anySatisfy(message -> assertThat(message).contains("level"));
        }
    }

    /** The topics whose messages are CloudEvents with a JSON Schema (not raw dead-letter records). */
    private List<String> eventTopics() {
        return TOPICS.stream()
                .filter(topic -> asyncapi.at(messagePointers(topic).get(0)).path("payload").has("schemaFormat")).toList();
    }

    /** The pointers of a topic's messages, the current version first. */
    private List<String> messagePointers(String topic) {
        JsonNode messages = asyncapi.path("channels").path(topic).path("messages");
        assertThat(messages.size()).as(topic).isPositive();
        List<String> pointers = new ArrayList<>();
        messages.forEach(message -> pointers.add(message.path("$ref").asText().substring(1)));
        return pointers;
    }

    private JsonNode payloadSchema(String messagePointer) {
        JsonNode payload = asyncapi.at(messagePointer).path("payload");
        assertThat(payload.path("schemaFormat").asText()).isEqualTo("application/schema+json;version=draft-2020-12");
        return payload.path("schema");
    }

    /** examples/<topic>.json is a topic's v1; a later version has examples/<topic>.<version>.json. */
    private String exampleFile(String topic, String messagePointer) {
        String version = version(pinned(payloadSchema(messagePointer), "dataschema").path("const").asText());
        return version.equals("v1") ? topic + ".json" : topic + "." + version + ".json";
    }

    private static String version(String dataschema) {
        return dataschema.substring(dataschema.lastIndexOf('/') + 1);
    }

    private static void collectPropertyNames(JsonNode schema, List<String> names) {
        if (schema.isObject() && schema.path("properties").isObject()) {
            schema.path("properties").fieldNames().forEachRemaining(names::add);
        }
        schema.forEach(child -> collectPropertyNames(child, names));
    }

    private static void collectFieldNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        node.forEach(child -> collectFieldNames(child, names));
    }

    private static JsonNode pinned(JsonNode schema, String property) {
        for (JsonNode part : schema.path("allOf")) {
            if (part.path("properties").has(property)) {
                return part.path("properties").path(property);
            }
        }
        throw new AssertionError("no allOf part pins " + property);
    }

    private List<String> actionsOn(String topic) {
        List<String> actions = new ArrayList<>();
        asyncapi.path("operations").forEach(operation -> {
            if (operation.path("channel").path("$ref").asText().equals("#/channels/" + topic)) {
                actions.add(operation.path("action").asText());
            }
        });
        return actions;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static Map<String, JsonNode> schemaFiles() throws URISyntaxException, IOException {
        Path folder = Path.of(EventContractDocumentsTest.class.getClassLoader().getResource(RESOURCES + "schemas").toURI());
        Map<String, JsonNode> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                schemas.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        return schemas;
    }

    private static boolean resource(String name) {
        return EventContractDocumentsTest.class.getClassLoader().getResource(name) != null;
    }

    private static JsonNode json(String resource) {
        return read(resource, JSON);
    }

    private static JsonNode yaml(String resource) {
        return read(resource, new ObjectMapper(new YAMLFactory()));
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = EventContractDocumentsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
