package dev.vlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs Microsoft's SARIF validator with GitHub's ingestion rules
 * ({@code sarif-multitool validate --rule-kind "Sarif;Ghas"}) over our SARIF; skipped when the
 * {@code sarif-multitool} command is not installed ({@code npm install -g @microsoft/sarif-multitool}).
 * Errors and warnings fail the test; notes (e.g. "rule names should be PascalCase") are advice.
 */
class SarifMultitoolTest {
    private static final String COMMAND = "sarif-multitool";

    @ParameterizedTest
    @ValueSource(strings = {"full", "empty"})
    void validatorReportsNoError(String sample, @TempDir Path dir) throws Exception {
        assumeTrue(onPath(COMMAND), COMMAND + " is not installed");
        RunResult result = sample.equals("full") ? Samples.full() : Samples.run(List.of());
        Path input = dir.resolve(sample + ".sarif");
        Files.writeString(input, SarifReporterTest.sarif(result, "docker"), StandardCharsets.UTF_8);
        Path report = dir.resolve("validation.sarif");

        // The npm launcher hands its arguments to a shell, so the ';' must be quoted once more.
        ProcessBuilder builder = new ProcessBuilder(COMMAND, "validate", "--rule-kind", "\"Sarif;Ghas\"",
                "--output", report.toString(), input.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "validator did not finish");
        String console = Files.readString(dir.resolve("console.txt"));
        assertTrue(Files.exists(report), "validator wrote no report:\n" + console);

        assertEquals(List.of(), problems(report, "error"), console);
        assertEquals(List.of(), problems(report, "warning"), console);
    }

    /** "ruleId: message" of every validator result at {@code level}. */
    static List<String> problems(Path report, String level) throws IOException {
        JsonNode log = new ObjectMapper().readTree(report.toFile());
        List<String> problems = new ArrayList<>();
        for (JsonNode run : log.get("runs")) {
            for (JsonNode result : run.path("results")) {
                if (result.path("level").asText("warning").equals(level)) {
                    problems.add(result.path("ruleId").asText() + ": " + message(result));
                }
            }
        }
        return problems;
    }

    private static String message(JsonNode result) {
        JsonNode message = result.get("message");
        return message.has("text") ? message.get("text").asText()
                : message.path("id").asText() + " " + message.path("arguments");
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
