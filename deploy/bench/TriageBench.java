// Triage pipeline benchmark, run by deploy/bench/triage against the local stack's broker.
//   java -cp 'triage-service/target/quarkus-app/lib/main/*' deploy/bench/TriageBench.java <bootstrap> <reports> <rate> <seconds> [phases]
//   phases: comma-separated, any of pass-through,triage,latency,floor (default all four)
// 1. Throughput: N reports (about 1 KB each, as CloudEvents) produced as fast as the broker takes them,
//    (a) through a plain KafkaConsumer -> KafkaProducer pass-through (bench topics of its own), and
//    (b) through triage-service (symptom-reports -> engine -> PostgreSQL -> outbox -> recommendations);
//    each timed from the first record produced to the last record out, on the same broker.
// 2. Latency: reports offered at a fixed rate; end-to-end time from a report's send to its recommendation event.
// 3. Floor: the same offered load through a plain exactly-once consumer -> transactional producer relay, no engine
//    and no database: the least any exactly-once pipeline on this broker and machine can take.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class TriageBench {

    static String bootstrap;
    /** The CPU used so far when the running throughput phase started its clock. */
    static CpuUse clockStarted;

    public static void main(String[] args) throws Exception {
        bootstrap = args[0];
        int reports = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Set<String> phases = Set.of((args.length > 4 ? args[4] : "pass-through,triage,latency,floor").split(","));
        String run = Long.toString(System.currentTimeMillis(), 36);

        try {
            run(phases, reports, rate, seconds, run);
        } finally {
            deleteTopics(run);
        }
    }

    static void run(Set<String> phases, int reports, int rate, int seconds, String run) throws Exception {
        double passThrough = 0;
        if (phases.contains("pass-through")) {
            writeBack();
            passThrough = passThrough("bench-in-" + run, "bench-out-" + run, reports);
            System.out.printf("pass-through  %,d records in   %8.0f records/s%n", reports, passThrough);
            CpuUse.now().printSince(clockStarted, reports);
        }
        if (phases.contains("triage")) {
            writeBack();
            double pipeline = pipeline(reports);
            System.out.printf("triage        %,d reports in   %8.0f reports/s%n", reports, pipeline);
            CpuUse.now().printSince(clockStarted, reports);
            if (passThrough > 0) {
                System.out.printf("ratio         triage / pass-through = %.1f %%%n", 100 * pipeline / passThrough);
            }
        }
        if (phases.contains("latency")) {
            writeBack();
            latency("latency", "symptom-reports", "recommendations", rate, seconds);
        }
        if (phases.contains("floor")) {
            writeBack();
            transactionalLatency(rate, seconds, run);
        }
    }

    /**
     * Writes dirty pages back before a phase: a run leaves a gigabyte or so of recommendations in the page cache, and
     * its write-back took the CPU from whichever phase came next (the pass-through varied 15-25k records/s without).
     */
    /**
     * Deletes the topics of this run (the pass-through's and the relay's): left behind, every run added a dozen
     * partitions to the broker, and the broker slowed down as they piled up.
     */
    static void deleteTopics(String run) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> ours = new HashSet<>();
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith("bench-") && topic.endsWith("-" + run)) {
                    ours.add(topic);
                }
            }
            admin.deleteTopics(ours).all().get();
        }
    }

    static void writeBack() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    // Reports vary as people do (where it hurts, how, who they are), so the pipeline cannot serve one answer again.
    static final String[] LOCATIONS = {"\"front-of-hip\",\"groin\",\"low-back\"", "\"front-of-hip\"",
            "\"groin\",\"front-of-thigh\"", "\"front-of-hip\",\"knee\"", "\"front-of-hip\",\"low-back\""};
    static final String[] QUALITIES = {"\"dull-ache\",\"tightness\"", "\"tightness\"", "\"sharp\"",
            "\"pinching\",\"dull-ache\""};
    static final String[] ONSETS = {"gradual", "sudden-during-exercise"};

    /** A report of about 1 KB in the CloudEvents envelope triage's intake writes, varied by {@code i}. */
    static String report(UUID reportId, String person, int i) {
        String now = Instant.now().toString();
        int v = Math.floorMod(i * 31 + 7, 1_000_003);
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/bench\","
                + "\"type\":\"dev.hipflex.triage.symptom-report.received\",\"time\":\"" + now + "\",\"subject\":\""
                + reportId + "\",\"datacontenttype\":\"application/json\","
                + "\"dataschema\":\"https://hipflex.dev/schemas/symptom-reports/v1\",\"data\":{"
                + "\"reportId\":\"" + reportId + "\",\"userId\":\"" + person + "\",\"reportedAt\":\"" + now + "\","
                + "\"timeZone\":\"Europe/Berlin\",\"painLocations\":[" + LOCATIONS[v % LOCATIONS.length] + "],"
                + "\"side\":\"" + (v % 3 == 0 ? "left" : "both") + "\",\"qualities\":[" + QUALITIES[v % QUALITIES.length]
                + "],\"intensity\":" + (2 + v % 6) + ",\"onset\":\"" + ONSETS[v % 2] + "\","
                + "\"daysSinceOnset\":" + (3 + v % 60) + ",\"aggravatingActivities\":[\"sitting\",\"standing-up\",\"stairs\"],"
                + "\"signs\":[],\"history\":[],\"warningSigns\":[],\"profile\":{\"runner\":" + (v % 2 == 0)
                + ",\"deskWorker\":" + (v % 4 < 2) + ",\"hoursSittingPerDay\":" + (v % 10) + ",\"runningShoeAgeMonths\":"
                + (v % 14) + ",\"wearsRaisedHeels\":" + (v % 5 == 0) + "},"
                + "\"weeksOfConsistentWork\":" + (v % 8) + "}}";
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(producerSettings(), new StringSerializer(), new StringSerializer());
    }

    static Properties producerSettings() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return p;
    }

    static KafkaConsumer<String, String> consumer(String group, String offsetReset) {
        return consumer(group, offsetReset, new StringDeserializer());
    }

    /** Sinks that only count records read their values as bytes: decoding 12 KB recommendations was the bench's own CPU. */
    static <V> KafkaConsumer<String, V> consumer(String group, String offsetReset, Deserializer<V> values) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        // triage publishes recommendations in Kafka transactions: count only committed ones, as consumers must.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), values);
    }

    /** Subscribes and waits until partitions are assigned, so nothing produced afterwards is missed. */
    static KafkaConsumer<String, String> ready(String topic, String group) {
        return ready(topic, group, new StringDeserializer());
    }

    static <V> KafkaConsumer<String, V> ready(String topic, String group, Deserializer<V> values) {
        KafkaConsumer<String, V> consumer = consumer(group, "latest", values);
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    static double passThrough(String in, String out, int n) throws Exception {
        warmUp(in, out);
        KafkaConsumer<String, byte[]> sink = ready(out, "bench-sink-" + UUID.randomUUID(), new ByteArrayDeserializer());
        AtomicBoolean stop = new AtomicBoolean();
        Thread relay = new Thread(() -> {
            // Bytes through, as a plain relay would pass them.
            try (KafkaConsumer<String, byte[]> consumer = consumer("bench-pass-" + UUID.randomUUID(), "latest",
                    new ByteArrayDeserializer());
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(), new StringSerializer(),
                            new ByteArraySerializer())) {
                consumer.subscribe(List.of(in));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        producer.send(new ProducerRecord<>(out, r.key(), r.value()));
                    }
                    consumer.commitAsync();
                }
            }
        });
        relay.start();
        Thread.sleep(3000); // the pass-through's own group settles before the clock starts
        clockStarted = CpuUse.now();
        long start = System.nanoTime();
        Thread load = produce(in, n);
        int seen = 0;
        while (seen < n) {
            for (ConsumerRecord<String, byte[]> r : sink.poll(Duration.ofMillis(100))) {
                if (!"warm-up".equals(r.key())) {
                    seen++;
                }
            }
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        load.join();
        stop.set(true);
        relay.join();
        sink.close();
        return perSecond;
    }

    /** Creates the bench's own topics (auto-created on first write) before anyone subscribes to them. */
    static void warmUp(String... topics) throws Exception {
        try (KafkaProducer<String, String> seed = producer()) {
            for (String topic : topics) {
                seed.send(new ProducerRecord<>(topic, "warm-up", "{}")).get();
            }
        }
    }

    static Thread produce(String topic, int n) {
        Thread load = new Thread(() -> {
            try (KafkaProducer<String, String> producer = producer()) {
                for (int i = 0; i < n; i++) {
                    UUID id = UUID.randomUUID();
                    String person = "bench-person-" + (i % 1000);
                    producer.send(new ProducerRecord<>(topic, person, report(id, person, i)));
                }
            }
        });
        load.start();
        return load;
    }

    static double pipeline(int n) throws Exception {
        KafkaConsumer<String, byte[]> sink = ready("recommendations", "bench-sink-" + UUID.randomUUID(), new ByteArrayDeserializer());
        clockStarted = CpuUse.now();
        long start = System.nanoTime();
        Thread load = produce("symptom-reports", n);
        int seen = 0;
        long lastProgress = System.nanoTime();
        while (seen < n) {
            int before = seen;
            for (ConsumerRecord<String, byte[]> r : sink.poll(Duration.ofMillis(200))) {
                if (r.key() != null && r.key().startsWith("bench-person-")) {
                    seen++;
                }
            }
            if (seen != before) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > 60e9) {
                throw new IllegalStateException("no recommendation for 60 s; " + seen + " of " + n + " arrived");
            }
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        load.join();
        sink.close();
        return perSecond;
    }

    /** Offers {@code rate} reports/s to {@code in} for {@code seconds}; prints p50/p99 from each send to its event on {@code out}. */
    static void latency(String label, String in, String out, int rate, int seconds) throws Exception {
        int n = rate * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        List<Long> afterAnswer = new ArrayList<>();
        KafkaConsumer<String, String> sink = ready(out, "bench-latency-" + UUID.randomUUID());
        Thread load = new Thread(() -> {
            try (KafkaProducer<String, String> producer = producer()) {
                long interval = 1_000_000_000L / rate;
                long next = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    // Sleep, not spin: a busy wait would take one of the machine's two cores from the pipeline.
                    for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    UUID id = UUID.randomUUID();
                    String person = "bench-latency-" + (i % 1000);
                    sentAt.put(id.toString(), System.nanoTime());
                    producer.send(new ProducerRecord<>(in, person, report(id, person, i)));
                    producer.flush();
                    next += interval;
                }
            }
        });
        load.start();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + (seconds + 60) * 1_000_000_000L;
        while (seen.size() < n && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : sink.poll(Duration.ofMillis(20))) {
                long now = System.nanoTime();
                String id = reportIdOf(r.value());
                Long at = id == null ? null : sentAt.get(id);
                if (at != null && seen.add(id)) {
                    micros.add((now - at) / 1000);
                    afterAnswer.add(System.currentTimeMillis() - r.timestamp());
                }
            }
        }
        load.join();
        sink.close();
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%-13s %,d reports offered at %d/s, %,d answers received%n", label, n, rate, sorted.size());
        System.out.printf("              end-to-end p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(sorted, 0.50) / 1000.0, pct(sorted, 0.99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
        // The part after the answer was produced (its record's timestamp): the transaction's commit and the read.
        Collections.sort(afterAnswer);
        System.out.printf("              of which from the answer's send to its read: p50 %d ms, p99 %d ms%n",
                pct(afterAnswer, 0.50), pct(afterAnswer, 0.99));
    }

    /**
     * The floor under triage's latency: the same offered load through a plain exactly-once relay (KafkaConsumer ->
     * transactional KafkaProducer, each poll's records and offsets in one transaction, read back read_committed), with
     * no engine and no database, producing as triage does (no linger, 1 ms retry backoff, zstd). Whatever this
     * measures, triage cannot beat.
     */
    static void transactionalLatency(int rate, int seconds, String run) throws Exception {
        String in = "bench-tx-in-" + run;
        String out = "bench-tx-out-" + run;
        warmUp(in, out);
        AtomicBoolean stop = new AtomicBoolean();
        Thread relay = new Thread(() -> {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-tx-" + run);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
            p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "1");
            try (KafkaConsumer<String, String> consumer = consumer("bench-tx-" + run, "latest");
                    KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                consumer.subscribe(List.of(in));
                while (!stop.get()) {
                    var records = consumer.poll(Duration.ofMillis(50));
                    if (records.isEmpty()) {
                        continue;
                    }
                    producer.beginTransaction();
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (ConsumerRecord<String, String> r : records) {
                        producer.send(new ProducerRecord<>(out, r.key(), r.value()));
                        offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    }
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                }
            }
        });
        relay.start();
        Thread.sleep(3000); // the relay's group settles before the clock starts
        latency("tx relay", in, out, rate, seconds);
        stop.set(true);
        relay.join();
    }

    /**
     * CPU time taken by the processes a phase runs on (Linux /proc), to print per record: where a throughput phase
     * spends the machine's two cores. Processes named in -Dbench.pids (name:pid,...), PostgreSQL's (the backends
     * serving the databases named -Dbench.db-prefix_*, and the WAL writer), this benchmark's JVM, and the machine as a
     * whole. The machine is often shared (other builds, other stacks' databases): "pipeline", the sum of the named
     * processes, is the figure that compares across runs; "all" is the machine's busy time.
     */
    record CpuUse(Map<String, Long> ticks, long machineBusy, long machineAll) {

        static final long TICK_MICROS = 1_000_000L / Long.getLong("bench.clk", 100);

        static CpuUse now() throws Exception {
            Map<String, Long> ticks = new LinkedHashMap<>();
            for (String named : System.getProperty("bench.pids", "").split(",")) {
                if (named.contains(":")) {
                    String[] nameAndPid = named.split(":");
                    ticks.put(nameAndPid[0], processTicks(nameAndPid[1]));
                }
            }
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var dir : (Iterable<Path>) processes::iterator) {
                    String pid = dir.getFileName().toString();
                    if (pid.chars().allMatch(Character::isDigit) && "postgres".equals(comm(dir)) && ours(dir)) {
                        postgres += processTicks(pid);
                    }
                }
            }
            ticks.put("PostgreSQL", postgres);
            ticks.put("bench", processTicks(Long.toString(ProcessHandle.current().pid())));
            // cpu user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new CpuUse(ticks, all - idle, all);
        }

        /** user + system ticks of one process; 0 if it is gone. */
        static long processTicks(String pid) {
            try {
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                // Fields after the command name, which may hold spaces: state is the 3rd field, utime the 14th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        /** A PostgreSQL process that works for this stack: a backend of one of its databases, or the WAL writer. */
        static boolean ours(Path dir) {
            String prefix = System.getProperty("bench.db-prefix", "hipflex") + "_";
            try {
                // "postgres: [cluster:] <user> <database> 127.0.0.1(port) idle", or "postgres: 15/main: walwriter"
                List<String> words = List.of(Files.readString(dir.resolve("cmdline")).replace('\0', ' ').trim()
                        .split("\\s+"));
                return words.get(words.size() - 1).equals("walwriter")
                        || words.stream().skip(1).limit(3).anyMatch(word -> word.startsWith(prefix));
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        }

        static String comm(Path dir) {
            try {
                return Files.readString(dir.resolve("comm")).trim();
            } catch (IOException | RuntimeException gone) {
                return "";
            }
        }

        /** e.g. "cpu per record triage 45 µs, broker 20 µs, ...; machine 96 % of 2 cores busy" */
        void printSince(CpuUse before, int records) {
            StringBuilder line = new StringBuilder("cpu per record");
            long named = 0;
            for (var entry : ticks.entrySet()) {
                long used = entry.getValue() - before.ticks().getOrDefault(entry.getKey(), 0L);
                named += used;
                line.append(String.format(" %s %d µs,", entry.getKey(), used * TICK_MICROS / records));
            }
            long busy = machineBusy - before.machineBusy();
            line.append(String.format(" other %d µs; pipeline %d µs, all %d µs", (busy - named) * TICK_MICROS / records,
                    named * TICK_MICROS / records, busy * TICK_MICROS / records));
            int cores = Runtime.getRuntime().availableProcessors();
            line.append(String.format("; machine %.0f %% of %d cores busy",
                    100.0 * busy / Math.max(1, machineAll - before.machineAll()), cores));
            System.out.println(line);
        }
    }

    static long pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    static String reportIdOf(String event) {
        int data = event.indexOf("\"data\"");
        int at = event.indexOf("\"reportId\":\"", data);
        return at < 0 ? null : event.substring(at + 12, at + 48);
    }
}
