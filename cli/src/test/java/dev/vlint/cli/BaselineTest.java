package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    /** Longer than the 100 characters a line hash covers, so what follows a line cannot change its hash. */
    private static final String PADDING = "# " + "padding ".repeat(15) + "\n";

    @TempDir
    Path dir;

    private RunCapture vlint;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        vlint = new RunCapture(dir, List.of(TestRules.LATEST, TestRules.APT));
    }

    private void dockerfile(String text) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), text);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(vlint.out());
    }

    @Test
    void onlyFindingsNewSinceTheBaselineAreReportedAfterLinesMoved() throws IOException {
        dockerfile("FROM ubuntu:latest AS build\n" + PADDING + "RUN apt-get update && make\n" + PADDING);
        assertEquals(1, vlint.run("--format", "sarif", "--output", "baseline.sarif"));

        dockerfile("# two lines\n# inserted above\nFROM ubuntu:latest AS build\n" + PADDING
                + "RUN apt-get update && make\n" + PADDING + "FROM debian:latest\n");
        assertEquals(1, vlint.run("--baseline", "baseline.sarif", "--format", "json"), vlint.err());
        JsonNode findings = json();
        assertEquals(1, findings.size(), vlint.out());
        assertEquals("XT001", findings.get(0).get("rule").asText());
        assertEquals(7, findings.get(0).get("line").asInt());

        assertEquals(1, vlint.run("--baseline", "baseline.sarif"));
        assertTrue(vlint.out().startsWith("Dockerfile:7:13: error[XT001]"), vlint.out());
        assertEquals(1, vlint.out().lines().filter(line -> line.startsWith("Dockerfile:")).count(), vlint.out());
    }

    @Test
    void linesAddedAfterAFindingAtTheEndOfTheFileDoNotMakeItNew() throws IOException {
        dockerfile("FROM ubuntu:22.04\nFROM ubuntu:latest\n");
        assertEquals(1, vlint.run("--format", "sarif", "--output", "baseline.sarif"));

        dockerfile("FROM ubuntu:22.04\nFROM ubuntu:latest\nRUN echo one\nRUN echo two\n");
        assertEquals(0, vlint.run("--baseline", "baseline.sarif", "--format", "json"), vlint.out());
        assertEquals(0, json().size(), vlint.out());

        dockerfile("# moved\nFROM ubuntu:22.04\n  FROM ubuntu:latest\nRUN echo one\nFROM debian:latest\n");
        assertEquals(1, vlint.run("--baseline", "baseline.sarif", "--format", "json"));
        assertEquals(1, json().size(), vlint.out());
        assertEquals(5, json().get(0).get("line").asInt(),
                "the re-indented old finding still matches; only the new line is new");
    }

    @Test
    void baselinesWithoutLineTextsFallBackToTheLineHash() throws IOException {
        dockerfile("FROM ubuntu:latest AS build\n" + PADDING + "RUN apt-get update && make\n" + PADDING);
        assertEquals(1, vlint.run("--format", "sarif", "--output", "baseline.sarif"));
        Path baseline = dir.resolve("baseline.sarif");
        String withText = Files.readString(baseline);
        assertTrue(withText.contains("\"vlint/lineText\" : \"FROM ubuntu:latest AS build\""), withText);
        Files.writeString(baseline, withText.replaceAll(",?\\s*\"properties\" : \\{\\s*\"vlint/lineText\" : \"[^\"]*\"\\s*}", ""));
        assertFalse(Files.readString(baseline).contains("vlint/lineText"));

        dockerfile("# one line above\nFROM ubuntu:latest AS build\n" + PADDING + "RUN apt-get update && make\n" + PADDING);
        assertEquals(0, vlint.run("--baseline", "baseline.sarif", "--format", "json"), vlint.out());
        assertEquals(0, json().size(), vlint.out());
    }

    @Test
    void nothingNewPassesEvenWithOldErrors() throws IOException {
        dockerfile("FROM ubuntu:latest\n");
        assertEquals(1, vlint.run("--format", "sarif", "--output", "baseline.sarif"));
        assertEquals(0, vlint.run("--baseline", "baseline.sarif"), vlint.out());
        assertEquals("", vlint.out());
    }

    @Test
    void identicalLinesMatchAsManyOldFindingsAsThereWere() throws IOException {
        String line = "FROM ubuntu:latest " + PADDING;
        dockerfile(line + line);
        assertEquals(1, vlint.run("--format", "sarif", "--output", "baseline.sarif"));

        dockerfile(line + "RUN true\n" + line + line);
        assertEquals(1, vlint.run("--baseline", "baseline.sarif", "--format", "json"));
        assertEquals(1, json().size(), vlint.out());

        dockerfile(line);
        assertEquals(0, vlint.run("--baseline", "baseline.sarif", "--format", "json"));
        assertEquals(0, json().size(), vlint.out());
    }

    @Test
    void aFindingOfAnotherRuleOnAnOldLineIsNew() throws IOException {
        dockerfile("FROM ubuntu:latest\n" + PADDING);
        assertEquals(1, vlint.run("--select", "XT001", "--format", "sarif", "--output", "baseline.sarif"));
        assertEquals(0, vlint.run("--baseline", "baseline.sarif", "--format", "json", "--fail-on", "note"));
        assertEquals(0, json().size(), "XT002 does not fire here: " + vlint.out());
        dockerfile("FROM ubuntu:latest\n" + PADDING + "RUN apt-get install x\n");
        assertEquals(1, vlint.run("--baseline", "baseline.sarif", "--format", "json", "--fail-on", "note"));
        assertEquals(List.of("XT002"), json().findValuesAsText("rule"));
    }

    @Test
    void missingBaselineIsAUsageErrorNamingTheFile() {
        assertEquals(2, vlint.run("--baseline", "missing.sarif"));
        assertTrue(vlint.err().startsWith("vlint: cannot read baseline missing.sarif"), vlint.err());
    }

    @Test
    void invalidBaselinesAreUsageErrorsNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("broken.sarif"), "{ not json");
        assertEquals(2, vlint.run("--baseline", "broken.sarif"));
        assertTrue(vlint.err().startsWith("vlint: baseline broken.sarif is not JSON"), vlint.err());

        Files.writeString(dir.resolve("other.json"), "{\"findings\": []}");
        assertEquals(2, vlint.run("--baseline", "other.json"));
        assertEquals("vlint: baseline other.json is not a SARIF report (no runs)\n", vlint.err());

        Files.writeString(dir.resolve("foreign.sarif"), "{\"runs\": [{\"results\": [{\"ruleId\": \"X\"}]}]}");
        assertEquals(2, vlint.run("--baseline", "foreign.sarif"));
        assertTrue(vlint.err().startsWith("vlint: baseline foreign.sarif has a result without"), vlint.err());
    }
}
