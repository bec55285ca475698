package dev.hipflex.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The topics and messages of the contracts' asyncapi.yaml, read once: for each topic, the messages it carries, with
 * the payload schema and the pointers the record key and the CloudEvents subject must equal.
 */
final class ContractDocument {

    /**
     * One message of a topic.
     *
     * @param pointer where the payload schema sits in asyncapi.yaml (a JSON pointer), so its relative refs resolve
     * @param schema the payload schema (the CloudEvent with its data), or null for raw dead-letter records
     * @param dataschema the {@code dataschema} this message pins, or null for raw records
     * @param keyPointer from {@code x-key}: where in the event the value the record key equals is, or null
     * @param subjectPointer from {@code x-subject}, or null
     */
    record Message(String name, String pointer, JsonNode schema, String dataschema, String keyPointer,
            String subjectPointer) {

        boolean raw() {
            return dataschema == null;
        }
    }

    private final JsonNode document;
    private final Map<String, List<Message>> topics = new LinkedHashMap<>();

    private ContractDocument(JsonNode document) {
        this.document = document;
        document.path("channels").forEach(channel -> {
            List<Message> messages = new ArrayList<>();
            channel.path("messages").forEach(reference -> messages.add(message(reference)));
            topics.put(channel.path("address").asText(), List.copyOf(messages));
        });
    }

    static ContractDocument load(String resource) {
        try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (hipflex-contracts missing?)");
            }
            return new ContractDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every topic, in the document's order. */
    List<String> topics() {
        return List.copyOf(topics.keySet());
    }

    /** The messages of a topic; an unknown topic is a mistake in the test, not a violation. */
    List<Message> messages(String topic) {
        List<Message> messages = topics.get(topic);
        if (messages == null) {
            throw new IllegalArgumentException("asyncapi.yaml has no topic '" + topic + "'; known: " + topics.keySet());
        }
        return messages;
    }

    private Message message(JsonNode reference) {
        String pointer = reference.has("$ref") ? reference.get("$ref").asText().substring(1) : null;
        JsonNode message = pointer == null ? reference : document.at(pointer);
        JsonNode payload = message.path("payload");
        String name = message.path("name").asText();
        if (!payload.has("schemaFormat")) {
            // A plain AsyncAPI schema: the raw records of a dead-letter topic.
            return new Message(name, pointer + "/payload", null, null, null, null);
        }
        JsonNode schema = payload.get("schema");
        return new Message(name, pointer + "/payload/schema", schema, pinnedDataschema(schema),
                message.path("x-key").asText(null), message.path("x-subject").asText(null));
    }

    /** The {@code dataschema} const one of the schema's allOf parts pins. */
    private static String pinnedDataschema(JsonNode schema) {
        for (JsonNode part : schema.path("allOf")) {
            JsonNode value = part.path("properties").path("dataschema").path("const");
            if (value.isTextual()) {
                return value.asText();
            }
        }
        throw new IllegalStateException("a message schema pins no dataschema: " + schema);
    }
}
