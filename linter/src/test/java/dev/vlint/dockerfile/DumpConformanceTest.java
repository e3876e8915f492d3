package dev.vlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs fixtures/dump (must dump to {@code result}) and fixtures/dump-negative (must be rejected). */
class DumpConformanceTest {

    static Path fixtures(String name) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("fixtures").resolve(name))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("fixtures/" + name + " not found");
        }
        return dir.resolve("fixtures").resolve(name);
    }

    static List<Path> cases(String name) throws IOException {
        try (Stream<Path> dirs = Files.list(fixtures(name))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    static SourceFile read(Path dockerfile) throws IOException {
        return SourceFile.decode("Dockerfile", Files.readAllBytes(dockerfile));
    }

    @TestFactory
    Stream<DynamicTest> positive() throws IOException {
        List<Path> cases = cases("dump");
        assertFalse(cases.isEmpty());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            DockerfileDump.Result result = DockerfileDump.dump(read(dir.resolve("Dockerfile")));
            assertEquals(Files.readString(dir.resolve("result")), result.text());
            assertEquals(List.of(), result.problems());
        }));
    }

    @TestFactory
    Stream<DynamicTest> negative() throws IOException {
        List<Path> cases = cases("dump-negative");
        assertFalse(cases.isEmpty());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            DockerfileDump.Result result = DockerfileDump.dump(read(dir.resolve("Dockerfile")));
            assertFalse(result.ok(), "expected a parse problem, got none; dump:\n" + result.text());
            int length = read(dir.resolve("Dockerfile")).text().length();
            assertTrue(result.problems().stream().allMatch(p -> p.range().end() <= length));
        }));
    }
}
