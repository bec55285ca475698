package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The report pipeline under faults: reports put straight on {@code symptom-reports} (as other producers
 * do) while the broker or triage-service is killed and started again, or with malformed records mixed in.
 * Each test counts, for its own reports, the recommendation events a read-committed consumer sees and the
 * recommendations stored in triage's database: exactly one of each per report, nothing lost, nothing twice.
 * Sizes: {@code -Dhipflex.fault.scale=full} runs the issue's 20,000 reports; the default is a short run for CI.
 */
class PipelineFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean FULL = "full".equals(System.getProperty("hipflex.fault.scale", "short"));
    private static final int REPORTS = FULL ? 20_000 : 2_000;
    private static final int POISON = REPORTS / 20;
    private static final int PEOPLE = 200;

    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void theBrokerKilledMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        killedMidStream("kafka");
    }

    @Test
    void triageKilledMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        killedMidStream("triage");
    }

    /** Sends the reports, kills {@code component} with kill -9 halfway, starts it again, and counts. */
    private static void killedMidStream(String component) throws Exception {
        Run run = new Run(component);
        run.produce(REPORTS, 0, () -> {
            platform.kill(component);
            System.out.printf("[faults] %s killed (kill -9) after %d of %d reports were handed to the producer%n",
                    component, REPORTS / 2, REPORTS);
            platform.restart();
            System.out.printf("[faults] %s started again%n", component);
        });
        run.assertExactlyOnePerReport(REPORTS, 0);
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndEveryValidReportIsProcessed() throws Exception {
        Run run = new Run("poison");
        run.produce(REPORTS, POISON, null);
        run.assertExactlyOnePerReport(REPORTS, POISON);
    }

    /** One test's reports: their people share a prefix, so counting ignores everything else on the topics. */
    private static final class Run {
        private final String prefix;
        private final Map<String, AtomicInteger> events = new ConcurrentHashMap<>();
        private final Map<String, String> deadLetterReasons = new ConcurrentHashMap<>();

        Run(String name) {
            prefix = "fault-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        }

        /** Sends {@code valid} reports with {@code poison} malformed records spread among them; {@code midway} runs halfway. */
        void produce(int valid, int poison, Runnable midway) throws Exception {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            // Keep records through a broker outage instead of failing them.
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "600000");
            config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            int total = valid + poison;
            int every = poison == 0 ? Integer.MAX_VALUE : total / poison;
            long started = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                int sentValid = 0;
                int sentPoison = 0;
                for (int i = 0; i < total; i++) {
                    String person = prefix + (i % PEOPLE);
                    if (sentPoison < poison && i % every == every - 1) {
                        producer.send(new ProducerRecord<>("symptom-reports", person, malformed(sentPoison++)));
                    } else if (sentValid < valid) {
                        producer.send(new ProducerRecord<>("symptom-reports", person, report(person)));
                        sentValid++;
                    } else {
                        producer.send(new ProducerRecord<>("symptom-reports", person, malformed(sentPoison++)));
                    }
                    if (midway != null && i == total / 2) {
                        producer.flush();
                        midway.run();
                    }
                }
                producer.flush();
            }
            System.out.printf("[faults] %s: %,d valid reports and %,d malformed records produced in %.1f s%n", prefix,
                    valid, poison, (System.nanoTime() - started) / 1e9);
        }

        void assertExactlyOnePerReport(int valid, int poison) throws Exception {
            long started = System.nanoTime();
            try (KafkaConsumer<String, String> consumer = consumer()) {
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ZERO).until(() -> {
                    poll(consumer);
                    return events.size() >= valid && deadLetterReasons.size() >= poison;
                });
                System.out.printf("[faults] %s: all %,d recommendations and %,d dead letters arrived %.1f s after the last send%n",
                        prefix, valid, poison, (System.nanoTime() - started) / 1e9);
                // A duplicate would come right behind: keep reading a little before counting.
                await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> {
                    poll(consumer);
                    return true;
                });
            }
            int published = events.values().stream().mapToInt(AtomicInteger::get).sum();
            long[] stored = stored();
            System.out.printf("[faults] %s: reports %,d, recommendation events %,d (distinct reports %,d), stored %,d "
                    + "(distinct %,d), dead-lettered %,d of %,d malformed%n", prefix, valid, published, events.size(),
                    stored[0], stored[1], deadLetterReasons.size(), poison);
            assertThat(events).as("reports with a recommendation event").hasSize(valid);
            assertThat(published).as("recommendation events: one per report").isEqualTo(valid);
            assertThat(stored[0]).as("stored recommendations: one per report").isEqualTo(valid);
            assertThat(stored[1]).isEqualTo(valid);
            assertThat(deadLetterReasons).as("dead letters, each with its reason").hasSize(poison)
                    .allSatisfy((id, reason) -> assertThat(reason).isNotBlank());
        }

        private void poll(KafkaConsumer<String, String> consumer) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.key() == null || !record.key().startsWith(prefix)) {
                    continue;
                }
                if (record.topic().equals("recommendations")) {
                    String reportId = record.value().substring(record.value().indexOf("\"subject\":\"") + 11).substring(0, 36);
                    events.computeIfAbsent(reportId, id -> new AtomicInteger()).incrementAndGet();
                } else {
                    Header reason = record.headers().lastHeader("dead-letter-reason");
                    String where = record.partition() + "@" + record.offset();
                    deadLetterReasons.merge(where, reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8),
                            (a, b) -> {
                                throw new AssertionError("dead letter " + where + " seen twice");
                            });
                }
            }
        }

        /** Stored recommendations of this run's people: all rows, and distinct report ids. */
        private long[] stored() throws Exception {
            try (Connection db = platform.database("triage"); Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*), count(distinct report_id) from recommendation"
                            + " where user_id like '" + prefix + "%'")) {
                rows.next();
                return new long[] { rows.getLong(1), rows.getLong(2) };
            }
        }

        private KafkaConsumer<String, String> consumer() {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "fault-counter-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                    new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of("recommendations", "symptom-reports-dlq"));
            return consumer;
        }
    }

    private static String report(String person) {
        Map<String, Object> report = new HashMap<>();
        report.put("reportId", UUID.randomUUID().toString());
        report.put("userId", person);
        report.put("reportedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString());
        report.put("timeZone", "Europe/Berlin");
        report.put("painLocations", List.of("front-of-hip", "groin"));
        report.put("side", "left");
        report.put("qualities", List.of("tightness"));
        report.put("intensity", 4);
        report.put("onset", "gradual");
        report.put("daysSinceOnset", 20);
        report.put("aggravatingActivities", List.of("sitting"));
        report.put("signs", List.of());
        report.put("history", List.of());
        report.put("warningSigns", List.of());
        report.put("profile", Map.of("runner", true, "deskWorker", true, "hoursSittingPerDay", 8,
                "runningShoeAgeMonths", 7, "wearsRaisedHeels", false));
        try {
            return JSON.writeValueAsString(report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Malformed in several ways: not JSON, not an object, a field out of range, an unknown field, an unknown word. */
    private static String malformed(int n) {
        String valid = report("fault-shape");
        return switch (n % 5) {
            case 0 -> "{not json" + n;
            case 1 -> "[1, 2, 3]";
            case 2 -> valid.replace("\"intensity\":4", "\"intensity\":42");
            case 3 -> valid.replace("{\"", "{\"mood\":\"grumpy\",\"");
            default -> valid.replace("\"tightness\"", "\"tingly-" + Instant.now().getNano() + "\"");
        };
    }
}
