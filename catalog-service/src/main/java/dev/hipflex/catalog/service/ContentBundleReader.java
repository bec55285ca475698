package dev.hipflex.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.domain.CatalogContent.Entry;
import dev.hipflex.catalog.domain.Content.Slugged;
import dev.hipflex.catalog.domain.ContentKind;

/**
 * Reads the content bundle that ships in the service ({@code src/main/resources/content}). Unknown
 * fields and unknown vocabulary words are errors, so that a typo in a file fails the build instead of
 * silently dropping content.
 */
public final class ContentBundleReader {

    public static final String ROOT = "content/";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private ContentBundleReader() {
    }

    /** Reads every content file; throws {@link ContentFileException} naming the file that cannot be read. */
    public static CatalogContent read() {
        List<Entry> entries = new ArrayList<>();
        for (ContentKind kind : ContentKind.values()) {
            switch (kind.layout()) {
                case LIST -> {
                    String file = ROOT + kind.path() + ".yaml";
                    JavaType listType = YAML.getTypeFactory().constructCollectionType(List.class, kind.type());
                    List<Object> items = parse(file, listType);
                    for (Object item : items) {
                        entries.add(new Entry(kind, slugOf(item), item));
                    }
                }
                case FOLDER -> {
                    for (String file : list(ROOT + kind.path() + "/")) {
                        Object item = parse(file, YAML.constructType(kind.type()));
                        String expected = file.substring(file.lastIndexOf('/') + 1, file.length() - ".yaml".length());
                        if (!expected.equals(slugOf(item))) {
                            throw new ContentFileException(file, "the slug must match the file name '" + expected + "'");
                        }
                        entries.add(new Entry(kind, expected, item));
                    }
                }
                case DOCUMENT -> entries.add(
                        new Entry(kind, kind.path(), parse(ROOT + kind.path() + ".yaml", YAML.constructType(kind.type()))));
            }
        }
        return CatalogContent.fromEntries(entries);
    }

    private static String slugOf(Object item) {
        return ((Slugged) item).slug();
    }

    private static <T> T parse(String file, JavaType type) {
        try (InputStream in = loader().getResourceAsStream(file)) {
            if (in == null) {
                throw new ContentFileException(file, "is missing");
            }
            T value = YAML.readValue(in, type);
            if (value == null) {
                throw new ContentFileException(file, "is empty");
            }
            return value;
        } catch (IOException e) {
            throw new ContentFileException(file, e.getMessage().lines().findFirst().orElse("cannot be read"));
        }
    }

    /** The YAML files of a content folder, whether the classes run from a directory or from a jar. */
    static List<String> list(String folder) {
        URL anchor = loader().getResource(ROOT + "README.md");
        if (anchor == null) {
            throw new ContentFileException(ROOT, "the content bundle is not on the class path");
        }
        try {
            List<String> files = new ArrayList<>();
            if ("jar".equals(anchor.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> all = jar.entries();
                    while (all.hasMoreElements()) {
                        String name = all.nextElement().getName();
                        if (name.startsWith(folder) && name.endsWith(".yaml") && name.indexOf('/', folder.length()) < 0) {
                            files.add(name);
                        }
                    }
                }
            } else {
                Path dir = Path.of(anchor.toURI()).getParent().resolve(folder.substring(ROOT.length()));
                try (Stream<Path> paths = Files.list(dir)) {
                    paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                            .forEach(n -> files.add(folder + n));
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ContentBundleReader.class.getClassLoader();
    }

    /** A content file that is missing or cannot be parsed. */
    public static class ContentFileException extends RuntimeException {
        public ContentFileException(String file, String message) {
            super(file + ": " + message);
        }
    }
}
