package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.hipflex.testsupport.EventContracts;

/**
 * The Kubernetes manifests in {@code deploy/k8s}, rendered with {@code kubectl kustomize} for every overlay and
 * checked the way a reviewer would, without a cluster: what they reference exists (or is made by the Strimzi and
 * CloudNativePG operators), the topics are those the services write with the partitions their configuration names,
 * Kafka keeps three replicas and needs two in sync, and each service instance has probes, limits and (for triage) an
 * id of its own. Does not start the platform.
 */
class KubernetesManifestsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @BeforeAll
    static void kubectlIsInstalled() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
        Assumptions.assumeTrue(found, "kubectl is not on the PATH: the manifests in deploy/k8s were not rendered or"
                + " checked (install kubectl, which brings kustomize, to run this test)");
    }

    static List<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(FaultStack.root().resolve("deploy/k8s/overlays"))) {
            List<String> names = dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
            assertThat(names).as("overlays in deploy/k8s/overlays").contains("small", "production");
            return names;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("every Secret, ConfigMap and Service a manifest names is rendered, or made by Strimzi or CloudNativePG")
    void referencesResolve(String overlay) {
        Rendered rendered = render(overlay);
        Set<String> secrets = new HashSet<>(rendered.names("Secret"));
        Set<String> services = new HashSet<>(rendered.names("Service"));
        Map<String, Set<String>> secretKeys = new TreeMap<>();
        for (JsonNode cluster : rendered.all("Cluster")) {
            String name = name(cluster);
            // CloudNativePG: the application owner's credentials and the primary (rw), replicas (ro) and any (r) Services.
            secretKeys.put(name + "-app", Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"));
            secrets.addAll(List.of(name + "-app", name + "-ca", name + "-server", name + "-replication"));
            services.addAll(List.of(name + "-rw", name + "-ro", name + "-r"));
        }
        for (JsonNode kafka : rendered.all("Kafka")) {
            services.addAll(List.of(name(kafka) + "-kafka-bootstrap", name(kafka) + "-kafka-brokers"));
            secrets.addAll(List.of(name(kafka) + "-cluster-ca-cert", name(kafka) + "-clients-ca-cert"));
        }
        Map<String, JsonNode> configMaps = new TreeMap<>();
        rendered.all("ConfigMap").forEach(map -> configMaps.put(name(map), map.path("data")));

        List<String> missing = new ArrayList<>();
        for (JsonNode workload : rendered.workloads()) {
            String where = kind(workload) + " " + name(workload);
            for (JsonNode container : containers(workload)) {
                Map<String, String> env = new TreeMap<>();
                for (JsonNode variable : container.path("env")) {
                    JsonNode from = variable.path("valueFrom");
                    JsonNode secret = from.path("secretKeyRef");
                    JsonNode map = from.path("configMapKeyRef");
                    if (!secret.isMissingNode()) {
                        String secretName = secret.path("name").asText();
                        if (!secrets.contains(secretName)) {
                            missing.add(where + ": Secret " + secretName);
                        } else if (secretKeys.containsKey(secretName)
                                && !secretKeys.get(secretName).contains(secret.path("key").asText())) {
                            missing.add(where + ": key " + secret.path("key").asText() + " of Secret " + secretName);
                        }
                    }
                    if (!map.isMissingNode()) {
                        String mapName = map.path("name").asText();
                        if (!configMaps.containsKey(mapName)) {
                            missing.add(where + ": ConfigMap " + mapName);
                        } else if (!configMaps.get(mapName).has(map.path("key").asText())) {
                            missing.add(where + ": key " + map.path("key").asText() + " of ConfigMap " + mapName);
                        }
                    }
                    env.put(variable.path("name").asText(), variable.path("value").asText());
                }
                for (JsonNode source : container.path("envFrom")) {
                    String mapName = source.path("configMapRef").path("name").asText(null);
                    if (mapName != null && !configMaps.containsKey(mapName)) {
                        missing.add(where + ": ConfigMap " + mapName);
                    }
                    String secretName = source.path("secretRef").path("name").asText(null);
                    if (secretName != null && !secrets.contains(secretName)) {
                        missing.add(where + ": Secret " + secretName);
                    }
                    if (mapName != null && configMaps.containsKey(mapName)) {
                        configMaps.get(mapName).fields().forEachRemaining(e -> env.putIfAbsent(e.getKey(), e.getValue().asText()));
                    }
                }
                // The hosts the services are told to call: Kafka's bootstrap Service and catalog's.
                for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS", "CATALOG_URL")) {
                    assertThat(env).as("%s sets %s", where, variable).containsKey(variable);
                    String host = env.get(variable).replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
                    if (!services.contains(host)) {
                        missing.add(where + ": Service " + host + " (" + variable + ")");
                    }
                }
            }
            if (kind(workload).equals("StatefulSet") && !services.contains(workload.path("spec").path("serviceName").asText())) {
                missing.add(where + ": governing Service " + workload.path("spec").path("serviceName").asText());
            }
        }
        for (JsonNode selecting : Stream.concat(rendered.all("Service").stream(), rendered.all("PodDisruptionBudget").stream()).toList()) {
            JsonNode selector = kind(selecting).equals("Service") ? selecting.path("spec").path("selector")
                    : selecting.path("spec").path("selector").path("matchLabels");
            boolean selectsPods = rendered.workloads().stream().anyMatch(workload -> {
                JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
                List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
                selector.fields().forEachRemaining(wanted::add);
                return !wanted.isEmpty() && wanted.stream().allMatch(e -> e.getValue().equals(labels.path(e.getKey())));
            });
            if (!selectsPods) {
                missing.add(kind(selecting) + " " + name(selecting) + " selects no pods of a Deployment or StatefulSet");
            }
        }
        assertThat(missing).as("references in overlay %s that nothing provides", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("the KafkaTopics are the topics the services write, with their partitions, 3 replicas and 2 in sync")
    void topicsMatchTheServices(String overlay) {
        Rendered rendered = render(overlay);
        Map<String, Integer> configured = ServiceSettings.topicPartitions();
        Set<String> named = new HashSet<>();
        for (String service : ServiceSettings.SERVICES) {
            Properties properties = ServiceSettings.of(service);
            for (String key : properties.stringPropertyNames()) {
                if (key.endsWith(".topic") && key.startsWith("mp.messaging.")) {
                    named.add(properties.getProperty(key).strip());
                }
            }
        }
        assertThat(configured).as("hipflex.topic.<name>.partitions in the services' application.properties")
                .containsKeys("symptom-reports", "recommendations", "catalog-updates");

        String kafka = name(rendered.one("Kafka"));
        Map<String, Integer> declared = new TreeMap<>();
        for (JsonNode topic : rendered.all("KafkaTopic")) {
            String topicName = topic.path("spec").path("topicName").asText(name(topic));
            JsonNode spec = topic.path("spec");
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("KafkaTopic %s's cluster", topicName).isEqualTo(kafka);
            assertThat(spec.path("replicas").asInt()).as("replicas of %s", topicName).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt())
                    .as("min.insync.replicas of %s", topicName).isEqualTo(2);
            declared.put(topicName, spec.path("partitions").asInt());
        }
        assertThat(declared).as("KafkaTopics of overlay %s against the services' configuration", overlay)
                .isEqualTo(configured);
        assertThat(declared.keySet()).as("topics the contracts (asyncapi.yaml) describe")
                .containsAll(EventContracts.topics());
        assertThat(declared.keySet()).as("topics the services' channels name").containsAll(named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("Kafka: 3 dual-role KRaft nodes of 4.1.1, replication 3 everywhere, 2 in sync, no unclean leaders")
    void kafkaIsReplicated(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode kafka = rendered.one("Kafka");
        assertThat(kafka.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(kafka.path("spec").path("kafka").path("version").asText()).isEqualTo("4.1.1");
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(Map.of(
                "default.replication.factor", config.path("default.replication.factor").asText(),
                "offsets.topic.replication.factor", config.path("offsets.topic.replication.factor").asText(),
                "transaction.state.log.replication.factor", config.path("transaction.state.log.replication.factor").asText(),
                "min.insync.replicas", config.path("min.insync.replicas").asText(),
                "transaction.state.log.min.isr", config.path("transaction.state.log.min.isr").asText(),
                "unclean.leader.election.enable", config.path("unclean.leader.election.enable").asText()))
                .isEqualTo(Map.of("default.replication.factor", "3", "offsets.topic.replication.factor", "3",
                        "transaction.state.log.replication.factor", "3", "min.insync.replicas", "2",
                        "transaction.state.log.min.isr", "2", "unclean.leader.election.enable", "false"));
        JsonNode pool = rendered.one("KafkaNodePool");
        assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(name(kafka));
        assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(texts(pool.path("spec").path("roles"))).containsExactlyInAnyOrder("broker", "controller");
        assertThat(pool.path("spec").path("resources").path("limits").path("memory").asText()).isNotEmpty();

        for (JsonNode cluster : rendered.all("Cluster")) {
            assertThat(cluster.path("spec").path("instances").asInt()).as("instances of %s", name(cluster)).isEqualTo(3);
            assertThat(cluster.path("spec").path("resources").path("limits").path("memory").asText())
                    .as("memory limit of %s", name(cluster)).isNotEmpty();
        }
        assertThat(rendered.names("Cluster")).containsExactlyInAnyOrder("catalog-db", "triage-db", "tracking-db");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("each consumed topic has at least as many partitions as the instances that share it")
    void partitionsCoverTheInstances(String overlay) {
        Rendered rendered = render(overlay);
        Map<String, Integer> partitions = new TreeMap<>();
        rendered.all("KafkaTopic").forEach(topic -> partitions.put(name(topic), topic.path("spec").path("partitions").asInt()));
        int triage = rendered.workload("StatefulSet", "triage-service").path("spec").path("replicas").asInt();
        int tracking = rendered.workload("Deployment", "tracking-service").path("spec").path("replicas").asInt();
        assertThat(triage).isGreaterThanOrEqualTo(2);
        assertThat(partitions.get("symptom-reports")).as("symptom-reports against %d triage instances", triage)
                .isGreaterThanOrEqualTo(triage);
        assertThat(partitions.get("recommendations")).as("recommendations against %d tracking instances", tracking)
                .isGreaterThanOrEqualTo(tracking);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("every service container has startup, liveness and readiness probes on /q/health, requests and limits")
    void containersHaveProbesAndLimits(String overlay) {
        Rendered rendered = render(overlay);
        assertThat(rendered.workloads()).hasSize(3);
        for (JsonNode workload : rendered.workloads()) {
            String where = kind(workload) + " " + name(workload);
            assertThat(workload.path("spec").path("replicas").asInt()).as("replicas of %s", where).isEqualTo(2);
            assertThat(rendered.all("PodDisruptionBudget")).as("a PodDisruptionBudget for %s", where)
                    .anyMatch(pdb -> pdb.path("spec").path("selector").path("matchLabels")
                            .equals(workload.path("spec").path("selector").path("matchLabels")));
            for (JsonNode container : containers(workload)) {
                Set<String> ports = new HashSet<>();
                container.path("ports").forEach(port -> {
                    ports.add(port.path("name").asText());
                    ports.add(port.path("containerPort").asText());
                });
                for (Map.Entry<String, String> probe : Map.of("startupProbe", "/q/health/started", "livenessProbe",
                        "/q/health/live", "readinessProbe", "/q/health/ready").entrySet()) {
                    JsonNode get = container.path(probe.getKey()).path("httpGet");
                    assertThat(get.path("path").asText()).as("%s %s path", where, probe.getKey()).isEqualTo(probe.getValue());
                    assertThat(ports).as("%s %s port", where, probe.getKey()).contains(get.path("port").asText());
                }
                JsonNode resources = container.path("resources");
                for (String part : List.of("limits", "requests")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(resources.path(part).path(resource).asText())
                                .as("%s: %s.%s of container %s", where, part, resource, name(container)).isNotEmpty();
                    }
                }
                assertThat(env(container)).as("%s: the issuer comes from configuration", where)
                        .extractingByKey("HIPFLEX_OIDC_ISSUER")
                        .satisfies(variable -> assertThat(variable.path("valueFrom").path("configMapKeyRef").isObject()).isTrue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("triage is a StatefulSet whose instance id is the pod's name; tracking and catalog are Deployments")
    void triageInstancesHaveTheirOwnIds(String overlay) {
        Rendered rendered = render(overlay);
        assertThat(rendered.names("StatefulSet")).containsExactly("triage-service");
        assertThat(rendered.names("Deployment")).containsExactlyInAnyOrder("catalog-service", "tracking-service");
        JsonNode triage = containers(rendered.workload("StatefulSet", "triage-service")).get(0);
        assertThat(env(triage).get("HIPFLEX_INSTANCE_ID").path("valueFrom").path("fieldRef").path("fieldPath").asText())
                .isEqualTo("metadata.name");
        for (String deployment : List.of("catalog-service", "tracking-service")) {
            assertThat(env(containers(rendered.workload("Deployment", deployment)).get(0))).doesNotContainKey("HIPFLEX_INSTANCE_ID");
        }
    }

    // --- Rendering and reading ----------------------------------------------------------------------------------

    /** The documents {@code kubectl kustomize} renders for an overlay. */
    record Rendered(List<JsonNode> documents) {

        List<JsonNode> all(String kind) {
            return documents.stream().filter(doc -> kind(doc).equals(kind)).toList();
        }

        List<String> names(String kind) {
            return all(kind).stream().map(KubernetesManifestsTest::name).toList();
        }

        JsonNode one(String kind) {
            List<JsonNode> found = all(kind);
            assertThat(found).as("rendered %s resources", kind).hasSize(1);
            return found.get(0);
        }

        List<JsonNode> workloads() {
            return Stream.concat(all("Deployment").stream(), all("StatefulSet").stream()).toList();
        }

        JsonNode workload(String kind, String name) {
            return all(kind).stream().filter(doc -> name(doc).equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
        }
    }

    private static Rendered render(String overlay) {
        Path dir = FaultStack.root().resolve("deploy/k8s/overlays/" + overlay);
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out;
            byte[] err;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                out = stdout.readAllBytes();
                err = stderr.readAllBytes();
            }
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + new String(err, StandardCharsets.UTF_8));
            }
            List<JsonNode> documents = new ArrayList<>();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && doc.isObject()) {
                        documents.add(doc);
                    }
                }
            }
            return new Rendered(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String kind(JsonNode doc) {
        return doc.path("kind").asText();
    }

    private static String name(JsonNode doc) {
        return doc.has("metadata") ? doc.path("metadata").path("name").asText() : doc.path("name").asText();
    }

    private static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> containers = new ArrayList<>();
        JsonNode pod = workload.path("spec").path("template").path("spec");
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        assertThat(containers).as("containers of %s", name(workload)).isNotEmpty();
        return containers;
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new TreeMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
