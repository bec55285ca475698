package dev.hipflex.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The services' own settings, read from their application.properties: what deployments must agree with. */
final class ServiceSettings {

    static final List<String> SERVICES = List.of("catalog", "triage", "tracking");
    private static final Pattern TOPIC_PARTITIONS = Pattern.compile("hipflex\\.topic\\.([a-z0-9.-]+)\\.partitions");

    private ServiceSettings() {
    }

    /** A service's application.properties. */
    static Properties of(String service) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(FaultStack.root().resolve(service + "-service/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Each topic a service writes, with its partitions ({@code hipflex.topic.<name>.partitions}), of all services. */
    static Map<String, Integer> topicPartitions() {
        Map<String, Integer> topics = new TreeMap<>();
        for (String service : SERVICES) {
            Properties properties = of(service);
            for (String key : properties.stringPropertyNames()) {
                Matcher topic = TOPIC_PARTITIONS.matcher(key);
                if (topic.matches()) {
                    topics.put(topic.group(1), Integer.parseInt(properties.getProperty(key).strip()));
                }
            }
        }
        return topics;
    }
}
