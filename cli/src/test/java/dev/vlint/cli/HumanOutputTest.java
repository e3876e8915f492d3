package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary line, {@code --statistics} and the progress line. */
class HumanOutputTest {
    /** Reports every {@code curl} as a warning whose fix changes behaviour. */
    static final Rule CURL = new Rule() {
        private final RuleMeta meta = new RuleMeta("XT010", "test-curl", Severity.WARNING, "curl used",
                Fixability.UNSAFE, Set.of(FileKind.DOCKERFILE), List.of());

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            String text = context.file().source().text();
            for (int at = text.indexOf("curl"); at >= 0; at = text.indexOf("curl", at + 1)) {
                TextRange range = new TextRange(at, at + 4);
                context.report(range, "curl is used", Fix.unsafe("Use wget", new Edit(range, "wget")));
            }
        }
    };

    private static final String SECONDS = "\\d+\\.\\d\\ds";

    @TempDir
    Path dir;

    private final List<Rule> rules = List.of(TestRules.LATEST, TestRules.APT, CURL);

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("Dockerfile"),
                "FROM ubuntu:latest\nRUN apt-get update && apt-get install -y curl\nRUN curl -O x\n");
        Files.writeString(dir.resolve("Other.Dockerfile"), "FROM alpine:latest\n");
    }

    @Test
    void summaryLineCountsLevelsAndFixes() {
        RunCapture vlint = new RunCapture(dir, rules);
        assertEquals(1, vlint.run());
        assertTrue(vlint.err().matches("Checked 2 files in " + SECONDS
                + ": 2 errors, 2 warnings, 2 notes \\(2 fixable with --fix, 2 with --unsafe-fixes\\)\n"), vlint.err());
        assertFalse(vlint.out().contains("Found"), vlint.out());
    }

    @Test
    void summaryAfterFixingOffersOnlyWhatIsLeft() {
        RunCapture vlint = new RunCapture(dir, rules);
        assertEquals(1, vlint.run("--fix"));
        List<String> lines = vlint.err().lines().toList();
        assertEquals("vlint: Fixed 2 findings in 2 files (XT001 x2); 4 findings left, 2 fixable with --unsafe-fixes",
                lines.get(0));
        assertTrue(lines.get(1).matches("Checked 2 files in " + SECONDS
                + ": 0 errors, 2 warnings, 2 notes \\(2 fixable with --unsafe-fixes\\)"), lines.get(1));
        assertEquals(2, lines.size(), vlint.err());

        assertEquals(0, vlint.run("--fix", "--unsafe-fixes"));
        assertTrue(vlint.err().lines().toList().get(1).matches("Checked 2 files in " + SECONDS
                + ": 0 errors, 0 warnings, 2 notes"), vlint.err());
    }

    @Test
    void machineFormatsPrintNoSummary() {
        RunCapture vlint = new RunCapture(dir, rules);
        for (String format : List.of("json", "sarif", "github")) {
            assertEquals(1, vlint.run("--format", format));
            assertEquals("", vlint.err(), format);
        }
    }

    @Test
    void statisticsTableSortedByCount() throws IOException {
        Files.writeString(dir.resolve("Third.Dockerfile"), "FROM debian:latest\n");
        RunCapture vlint = new RunCapture(dir, rules);
        assertEquals(1, vlint.run("--statistics"));
        assertEquals(List.of(
                "COUNT  ID     NAME             FIXABLE",
                "    3  XT001  test-latest-tag  3",
                "    2  XT002  test-apt         0",
                "    2  XT010  test-curl        0 (+2 unsafe)"), vlint.out().lines().toList());
        assertTrue(vlint.err().startsWith("Checked 3 files"), vlint.err());
    }

    @Test
    void statisticsAsJson() throws IOException {
        RunCapture vlint = new RunCapture(dir, rules);
        assertEquals(1, vlint.run("--statistics", "--format", "json", "--select", "XT010"));
        JsonNode rows = new ObjectMapper().readTree(vlint.out());
        assertEquals(1, rows.size(), vlint.out());
        assertEquals("XT010", rows.get(0).get("id").asText());
        assertEquals(2, rows.get(0).get("count").asInt());
        assertEquals(0, rows.get(0).get("fixable").asInt());
        assertEquals(2, rows.get(0).get("unsafeFixable").asInt());
        assertEquals("", vlint.err());
    }

    @Test
    void statisticsOnlyAsTextOrJson() {
        RunCapture vlint = new RunCapture(dir, rules);
        assertEquals(2, vlint.run("--statistics", "--format", "sarif"));
        assertEquals("vlint: --statistics prints text or json, not sarif\n", vlint.err());
    }

    @Test
    void progressOnATerminalForManyFilesIsClearedAtTheEnd() throws IOException {
        for (int i = 0; i <= ProgressLine.MANY_FILES; i++) {
            Files.writeString(dir.resolve("Dockerfile." + i), "FROM alpine:3.20\n");
        }
        RunCapture onTerminal = new RunCapture(dir, rules, false, true);
        assertEquals(1, onTerminal.run());
        String err = onTerminal.err();
        assertTrue(err.startsWith("\rvlint: linted "), err);
        String last = "\rvlint: linted 303/303 files";
        assertTrue(err.contains(last + "\r" + " ".repeat(last.length() - 1) + "\rChecked 303 files"), err);

        RunCapture piped = new RunCapture(dir, rules, false, false);
        assertEquals(1, piped.run());
        assertFalse(piped.err().contains("linted"), piped.err());
    }

    @Test
    void noProgressForAShortRun() {
        RunCapture onTerminal = new RunCapture(dir, rules, false, true);
        assertEquals(1, onTerminal.run());
        assertFalse(onTerminal.err().contains("linted"), onTerminal.err());
    }
}
