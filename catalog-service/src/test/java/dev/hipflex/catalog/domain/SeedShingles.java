package dev.hipflex.catalog.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hashes of every run of {@value #WORDS} consecutive words in the seed articles, so that the content test can tell
 * a copied sentence from our own without the repository holding the articles' text (CI clones the repository alone,
 * without {@code ../shared/seeds}).
 *
 * <p>Regenerate {@code src/test/resources/seed-shingles.txt} after a seed article changes, from the repository root:
 * <pre>java catalog-service/src/test/java/dev/hipflex/catalog/domain/SeedShingles.java ../shared/seeds \
 *     &gt; catalog-service/src/test/resources/seed-shingles.txt</pre>
 * The class uses the JDK alone so that it runs as a single source file; the test shingles catalog text with the same
 * code, so the two sides always agree on what a word is.
 */
public final class SeedShingles {

    /** How many shared consecutive words count as copying. */
    public static final int WORDS = 8;

    // Letters and digits make words; an apostrophe inside a word is dropped ("don't" and "dont" are one word),
    // everything else (spaces, hyphens, dashes, punctuation) separates words.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*");

    private SeedShingles() {
    }

    /** The words of a text, lower case, with typographic apostrophes read as plain ones. */
    public static List<String> words(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(plain);
        while (m.find()) {
            words.add(m.group().replace("'", ""));
        }
        return words;
    }

    /** Every run of {@value #WORDS} consecutive words, joined by single spaces. */
    public static List<String> shingles(List<String> words) {
        List<String> shingles = new ArrayList<>();
        for (int i = 0; i + WORDS <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + WORDS)));
        }
        return shingles;
    }

    /** The first 64 bits of the SHA-256 of a shingle, as 16 hex digits. */
    public static String hash(String shingle) {
        return HexFormat.of().formatHex(sha256(shingle.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** The shingle file's lines for the seed articles in {@code seeds}: a header, then the sorted hashes. */
    public static List<String> file(Path seeds) {
        List<Path> articles;
        try (Stream<Path> files = Files.list(seeds)) {
            articles = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Hashes of every " + WORDS + "-word run in the seed articles; written by SeedShingles.java "
                + "(see its comment to regenerate). Read by ContentOriginalityTest.");
        Set<String> hashes = new TreeSet<>();
        for (Path article : articles) {
            try {
                byte[] bytes = Files.readAllBytes(article);
                List<String> shingles = shingles(words(new String(bytes, StandardCharsets.UTF_8)));
                shingles.forEach(s -> hashes.add(hash(s)));
                lines.add("# " + article.getFileName() + " sha256=" + HexFormat.of().formatHex(sha256(bytes))
                        + " shingles=" + shingles.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lines.addAll(hashes);
        return lines;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java SeedShingles.java <folder of seed articles>");
            System.exit(2);
        }
        file(Path.of(args[0])).forEach(System.out::println);
    }
}
