package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmarks and the scripted journey are single-file Java programs that their shell scripts run with
 * {@code java -cp '<service>/target/quarkus-app/lib/main/*' File.java}; nothing else compiles them, so a change to a
 * library or to the programs themselves would only show when somebody next runs them. Each is compiled here against
 * the class path its script gives it.
 */
class ScriptSourcesCompileTest {

    private static final Path ROOT = Path.of(System.getProperty("hipflex.root", "..")).toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0} compiles on {1}''s class path")
    @CsvSource({
            // program,                       service whose lib/main the script puts on the class path
            "deploy/bench/TriageBench.java,   triage-service",     // deploy/bench/triage
            "deploy/bench/TrackingBench.java, tracking-service",   // deploy/bench/tracking
            "deploy/bench/PlainServer.java,   catalog-service",    // deploy/bench/catalog
            "deploy/journey/Journey.java,     triage-service",     // deploy/hipflex journey
    })
    void compiles(String program, String service, @TempDir Path classes) throws IOException {
        Path source = ROOT.resolve(program);
        Path lib = ROOT.resolve(service).resolve("target/quarkus-app/lib/main");
        assertThat(source).isRegularFile();
        assertThat(lib).as("%s is packaged before the e2e tests run", service).isDirectory();
        String classPath;
        try (Stream<Path> jars = Files.list(lib)) {
            classPath = String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        Boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-proc:none", "-cp", classPath, "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        assertThat(compiled).as("%s:%n%s", program, diagnostics).isTrue();
    }
}
