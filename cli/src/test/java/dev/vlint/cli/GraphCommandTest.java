package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dir.resolve("docker/Dockerfile"), """
                FROM ubuntu:latest AS base
                RUN apt-get update
                FROM base AS app
                COPY --from=base /etc/os-release /os-release
                """);
    }

    private int vlint(String... args) {
        return new Session(dir, new PrintWriter(out), new PrintWriter(err), Map.of(), false,
                List.of(TestRules.LATEST, TestRules.APT)).run(args);
    }

    @Test
    void mermaidIsTheDefaultAndMarksStagesWithFindings() {
        assertEquals(0, vlint("graph"));
        String mermaid = out.toString();
        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("stage_Dockerfile_0[\"base (0)<br/>1 error · 1 note\"]"), mermaid);
        assertTrue(mermaid.contains("stage_Dockerfile_0 -.->|\"COPY --from\"| stage_Dockerfile_1"), mermaid);
        assertTrue(mermaid.contains("  class stage_Dockerfile_0 error\n"), mermaid);
        assertEquals("", err.toString());
    }

    @Test
    void dotGoesToTheOutputFile() throws IOException {
        assertEquals(0, vlint("graph", "docker", "--format", "dot", "--output", "build.dot"));
        assertEquals("", out.toString());
        String dot = Files.readString(dir.resolve("build.dot"));
        assertTrue(dot.startsWith("digraph vlint {\n"), dot);
        assertTrue(dot.contains("\"image:ubuntu:latest\" -> \"stage:docker/Dockerfile#0\""), dot);
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(2, vlint("graph", "--format", "svg"));
        assertTrue(err.toString().contains("expected one of mermaid, dot"), err.toString());
    }
}
