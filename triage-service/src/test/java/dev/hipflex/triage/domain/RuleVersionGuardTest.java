package dev.hipflex.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.triage.domain.Decision.Fact;

/**
 * A rule's version changes whenever what it reads, when it holds or what it does changes. Each rule's fingerprint
 * hashes its input names, its effect (in words and as applied) and whether it holds on every case of a fixed seeded
 * corpus; {@code src/test/resources/rule-fingerprints.txt} records it beside the rule's version, and the rule set's
 * version on its first line.
 */
class RuleVersionGuardTest {

    private static final Path RECORDED = Path.of("src/test/resources/rule-fingerprints.txt");
    private static final Path CURRENT = Path.of("target/rule-fingerprints.txt");
    private static final String RULE_SET = "rule-set";

    /** Large enough that moving any threshold by one flips some case. */
    private static final int CORPUS = 20_000;

    @Test
    @DisplayName("a rule whose condition, inputs or effect changed has a new version, recorded with its fingerprint")
    void changedRulesHaveNewVersions() throws IOException {
        Map<String, String[]> recorded = read(Files.readAllLines(RECORDED, StandardCharsets.UTF_8));
        List<String> current = fingerprints();
        Files.createDirectories(CURRENT.getParent());
        Files.write(CURRENT, current, StandardCharsets.UTF_8);
        Map<String, String[]> now = read(current);
        List<String> problems = new ArrayList<>();
        boolean anyChanged = false;
        for (Map.Entry<String, String[]> rule : now.entrySet()) {
            String[] was = recorded.get(rule.getKey());
            String version = rule.getValue()[0];
            String fingerprint = rule.getValue()[1];
            if (rule.getKey().equals(RULE_SET)) {
                continue;
            }
            if (was == null) {
                problems.add(rule.getKey() + " is new: record it");
                anyChanged = true;
            } else if (was[0].equals(version) && !was[1].equals(fingerprint)) {
                problems.add(rule.getKey() + " changed but is still version " + version + ": bump its version (and "
                        + "RuleSet.VERSION), then record its new fingerprint");
            } else if (!was[0].equals(version)) {
                problems.add(rule.getKey() + " is now version " + version + ": record its new fingerprint");
                anyChanged = true;
            }
        }
        recorded.keySet().stream().filter(id -> !id.equals(RULE_SET) && !now.containsKey(id))
                .forEach(id -> problems.add(id + " is gone: remove its line"));
        if (anyChanged && recorded.getOrDefault(RULE_SET, new String[] {"", ""})[0].equals(RuleSet.VERSION)) {
            problems.add("rules changed but RuleSet.VERSION is still " + RuleSet.VERSION + ": bump it");
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\nTo record: once versions are bumped, copy triage-service/" + CURRENT
                    + " to triage-service/" + RECORDED);
        }
        assertThat(current).as("recorded fingerprints").containsExactlyElementsOf(
                Files.readAllLines(RECORDED, StandardCharsets.UTF_8));
    }

    /** Lines of {@code id version fingerprint}, the rule set's version first. */
    static List<String> fingerprints() {
        List<Case> corpus = RuleCorpus.cases(16_000L, CORPUS);
        List<String> lines = new ArrayList<>();
        lines.add(RULE_SET + " " + RuleSet.VERSION + " -");
        for (Decision<?> decision : RuleCorpus.decisions()) {
            lines.add(decision.id() + " " + decision.version() + " " + fingerprint(decision, corpus));
        }
        return lines;
    }

    private static String fingerprint(Decision<?> decision, List<Case> corpus) {
        MessageDigest sha = sha256();
        for (Fact input : decision.inputs()) {
            sha.update((input.name() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        sha.update((decision.effect() + "\n" + decision.outcome() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Case reading : corpus) {
            sha.update(decision.holdsFor(reading) ? (byte) 1 : (byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static Map<String, String[]> read(List<String> lines) {
        Map<String, String[]> rules = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            rules.put(parts[0], new String[] {parts[1], parts[2]});
        }
        return rules;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
