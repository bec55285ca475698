package dev.hipflex.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.catalog.service.ContentBundleReader;

/**
 * Our sentences are our own: no text field of any content file shares {@value SeedShingles#WORDS} consecutive words
 * with a seed article. The articles are not in the repository (CI clones it alone), so the test reads the hashes of
 * their {@value SeedShingles#WORDS}-word runs from {@code seed-shingles.txt}; where the articles are at hand
 * ({@code ../shared/seeds} beside the repository, or {@code -Dhipflex.seeds}), it also checks that file is current.
 */
class ContentOriginalityTest {

    private static final String SHINGLE_FILE = "/seed-shingles.txt";

    /** Bibliographic fields: the titles, authors and publishers of cited works may match the articles word for word. */
    private static final Map<ContentKind, Set<String>> CITATIONS = Map.of(
            ContentKind.SOURCE, Set.of("title", "author", "publisher", "seedFile"),
            ContentKind.REFERENCE, Set.of("title", "authors", "publication", "doi"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noCatalogTextSharesEightWordsWithAnArticle() {
        Set<String> articles = shingleHashes(committedFile());
        List<String> copied = new ArrayList<>();
        CatalogContent content = ContentBundleReader.read();
        for (CatalogContent.Entry entry : content.entries()) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts(JSON.valueToTree(entry.value()), "", CITATIONS.getOrDefault(entry.kind(), Set.of()), texts);
            texts.forEach((field, text) -> {
                for (String run : SeedShingles.shingles(SeedShingles.words(text))) {
                    if (articles.contains(SeedShingles.hash(run))) {
                        copied.add(entry.kind().path() + "/" + entry.slug() + " " + field + ": \"" + run + "\"");
                    }
                }
            });
        }
        assertThat(copied).as("catalog text that repeats %s consecutive words of a seed article", SeedShingles.WORDS)
                .isEmpty();
    }

    @Test
    void theShingleFileCoversTheFourArticles() {
        List<String> lines = committedFile();
        assertThat(lines.stream().filter(l -> l.startsWith("# ") && l.contains(".txt sha256="))).hasSize(4);
        // Fewer hashes than runs would mean an article was cut short or left out; repeats within them are few.
        assertThat(shingleHashes(lines)).hasSizeGreaterThan(7_500);
    }

    @Test
    void theShingleFileIsCurrentWhereTheArticlesAreAtHand() {
        Path seeds = Path.of(System.getProperty("hipflex.seeds", "../../shared/seeds"));
        assumeTrue(Files.isDirectory(seeds), "the seed articles are not beside this checkout (as in CI): " + seeds.toAbsolutePath());
        assertThat(SeedShingles.file(seeds))
                .as("seed-shingles.txt is out of date; regenerate it as SeedShingles.java says")
                .isEqualTo(committedFile());
    }

    @Test
    void theWordRunsIgnoreCasePunctuationAndApostrophes() {
        Set<String> article = SeedShingles.shingles(SeedShingles.words(
                "Don\u2019t rush: squeeze your glutes, then lower slowly over three long seconds.")).stream()
                .map(SeedShingles::hash).collect(Collectors.toSet());
        List<String> eightShared = SeedShingles.shingles(SeedShingles.words(
                "Please DONT rush - squeeze your glutes; then lower slowly, and stop."));
        List<String> sevenShared = SeedShingles.shingles(SeedShingles.words(
                "Don't rush, squeeze your glutes, then lower gently over three long seconds."));
        assertThat(eightShared.stream().map(SeedShingles::hash)).anyMatch(article::contains);
        assertThat(sevenShared.stream().map(SeedShingles::hash)).noneMatch(article::contains);
    }

    /** Every string under {@code node} by its field path, leaving out the fields named in {@code skipped}. */
    private static void texts(JsonNode node, String path, Set<String> skipped, Map<String, String> into) {
        if (node.isTextual()) {
            into.put(path, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(node.get(i), path + "[" + i + "]", skipped, into);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!(path.isEmpty() && skipped.contains(field.getKey()))) {
                    texts(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), skipped, into);
                }
            }
        }
    }

    private static Set<String> shingleHashes(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toSet());
    }

    private static List<String> committedFile() {
        try (InputStream in = ContentOriginalityTest.class.getResourceAsStream(SHINGLE_FILE)) {
            assertThat(in).as(SHINGLE_FILE + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
