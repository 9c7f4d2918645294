package io.chillin.chat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK search every launch script shares ({@code .mvn/pick-jdk.sh}, sourced by {@code ./mvnw} and
 * {@code app-cli/bin/chillin}): a JAVA_HOME of 21+ is kept, else java on the PATH if 21+, else the newest JDK 21+
 * under {@code CHILLIN_JDK_SEARCH}; with none, one line says what to install. Stand-in JDKs (scripts that say
 * their version and what they were asked to run) make each rule visible; one test runs Maven on the real JDK.
 */
class JdkPickTest {

    private static final Path REPO = Path.of(System.getProperty("chillin.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;
    private Path search;
    private Path jar;
    /** The default java of every run unless a test puts another first on the PATH: older than 21. */
    private Path defaultJava;

    @BeforeEach
    void emptySearch() throws IOException {
        search = Files.createDirectories(dir.resolve("jdks"));
        jar = Files.writeString(dir.resolve("chillin-cli.jar"), "not run by the stand-ins");
        defaultJava = fakeJdk("default-java", "17.0.15", true).resolve("bin");
    }

    @Test
    void the_wrapper_stops_at_once_with_one_line_saying_what_to_install_when_no_jdk_21_is_findable() throws Exception {
        long started = System.nanoTime();
        Run run = run(REPO.resolve("mvnw"), env(null, null), "-v");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("mvnw: needs a JDK 21 or newer").contains("java on the PATH is 17", "install one");
        assertThat(millis).isLessThan(5000);
    }

    @Test
    void the_wrapper_runs_maven_on_a_jdk_21_it_finds_when_the_default_java_is_older() throws Exception {
        Files.createSymbolicLink(search.resolve("real-jdk"), Path.of(System.getProperty("java.home")));

        Run run = run(REPO.resolve("mvnw"), env(null, null), "-v");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Java version: " + Runtime.version().feature());
        assertThat(run.err()).contains("mvnw: using JDK " + Runtime.version().feature(), "java on the PATH is 17");
    }

    @Test
    void a_jdk_without_javac_does_not_count_for_the_build() throws Exception {
        fakeJdk("jdks/jre-24", "24.0.1", false);

        Run run = run(REPO.resolve("mvnw"), env(null, null), "-v");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).singleElement().asString().startsWith("mvnw: needs a JDK 21 or newer");
    }

    @Test
    void a_java_home_of_21_or_newer_is_kept_though_a_newer_jdk_is_installed() throws Exception {
        Path home = fakeJdk("home-22", "22.0.2", true);
        fakeJdk("jdks/jdk-24", "24.0.1", true);

        Run run = run(chillin(), env(home, null), "rooms", "list");

        assertThat(run.out()).isEqualTo("java 22 ran -jar " + jar + " rooms list\n");
    }

    @Test
    void an_older_java_home_is_passed_over_for_the_newest_jdk_installed() throws Exception {
        Path home = fakeJdk("home-17", "17.0.15", true);
        fakeJdk("jdks/jdk-11", "11.0.2", true);
        fakeJdk("jdks/jdk-22", "22.0.2", true);
        // no release file: its version comes from running it
        Files.delete(fakeJdk("jdks/jdk-24", "24.0.1", true).resolve("release"));

        Run run = run(chillin(), env(home, null), "--version");

        assertThat(run.out()).isEqualTo("java 24 ran -jar " + jar + " --version\n");
    }

    @Test
    void java_on_the_path_of_21_or_newer_comes_before_the_search() throws Exception {
        Path onPath = fakeJdk("path-23", "23.0.1", true);
        fakeJdk("jdks/jdk-24", "24.0.1", true);

        Run run = run(chillin(), env(null, onPath.resolve("bin")), "--help");

        assertThat(run.out()).isEqualTo("java 23 ran -jar " + jar + " --help\n");
    }

    @Test
    void the_cli_exits_2_with_one_line_when_no_java_21_is_findable() throws Exception {
        Path old = fakeJdk("home-17", "17.0.15", true);

        Run run = run(chillin(), env(old, null), "rooms", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().startsWith("chillin: needs a JDK 21 or newer")
                .contains("JAVA_HOME=" + old + " is 17");
    }

    private Path chillin() {
        return REPO.resolve("app-cli/bin/chillin");
    }

    /**
     * The stand-in environment: only the given JAVA_HOME, a PATH of the system's tools behind {@code firstOnPath} (the
     * default java when null), and the search folder.
     */
    private Map<String, String> env(Path javaHome, Path firstOnPath) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", System.getProperty("user.home"));
        env.put("PATH", (firstOnPath == null ? defaultJava : firstOnPath) + ":/usr/local/bin:/usr/bin:/bin");
        env.put("CHILLIN_JDK_SEARCH", search.toString());
        env.put("CHILLIN_CLI_JAR", jar.toString());
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        return env;
    }

    /** A folder that looks like a JDK home of this version: bin/java says its version, else what it would run. */
    private Path fakeJdk(String name, String version, boolean withJavac) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        String major = version.substring(0, version.indexOf('.'));
        script(bin.resolve("java"), "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version + "\" 2025-01-01' >&2;"
                + " exit 0; fi\necho \"java " + major + " ran $*\"\n");
        if (withJavac) {
            script(bin.resolve("javac"), "exit 0\n");
        }
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"stand-in\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(Path script, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(script.toString());
        builder.command().addAll(List.of(args));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.directory(REPO.toFile());
        builder.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }
}
