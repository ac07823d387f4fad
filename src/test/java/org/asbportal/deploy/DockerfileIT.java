package org.asbportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The container image's Dockerfile ({@code src/main/docker/Dockerfile.jvm}) against what
 * {@code package} builds: every COPY source exists, so {@code docker build} after {@code ./mvnw
 * package} finds the application; the base image is pinned and the user is not root. Runs after
 * packaging (the pom's packaged-app tests); skipped when nothing was packaged.
 */
class DockerfileIT {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

    @Test
    void everyCopySourceIsWhatPackageBuilds() throws IOException {
        assumeTrue(Files.exists(Path.of("target/quarkus-app/quarkus-run.jar")), "nothing packaged: run ./mvnw package");
        List<String> copies = instructions("COPY");
        assertThat(copies).hasSize(4);
        for (String copy : copies) {
            List<String> words = List.of(copy.split("\\s+"));
            List<String> sources = words.subList(1, words.size() - 1).stream().filter(word -> !word.startsWith("--")).toList();
            for (String source : sources) {
                assertThat(matches(source)).as("COPY source %s after package", source).isPositive();
            }
        }
    }

    @Test
    void theBaseImageIsPinnedAndTheUserIsNotRoot() throws IOException {
        assertThat(instructions("FROM")).singleElement().satisfies(from -> assertThat(from)
                .matches("FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\d+\\.\\d+(\\.\\d+)?")
                .doesNotContain(":latest"));
        assertThat(instructions("USER")).containsExactly("USER 185");
    }

    private static List<String> instructions(String keyword) throws IOException {
        return Files.readAllLines(DOCKERFILE).stream().map(String::trim).filter(line -> line.startsWith(keyword + " ")).toList();
    }

    /** How many files or folders a COPY source (relative to the project, maybe with a *) names. */
    private static long matches(String source) throws IOException {
        String pattern = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        if (!pattern.contains("*")) {
            return Files.exists(Path.of(pattern)) ? 1 : 0;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path parent = Path.of(pattern).getParent();
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(matcher::matches).count();
        }
    }
}
