package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.report.SarifSchemaCheck;
import dev.vlint.rule.Rule;
import dev.vlint.rules.shell.ShellCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ShellCheck's codes on the command line, with a fake shellcheck that reports SC2086 (info) on
 * {@code $1} and SC2046 (warning) on {@code $(ls)} in line 2 of every file it is given.
 */
class ShellCheckCliTest {
    private static final String FAKE = """
            #!/usr/bin/env python3
            import json, sys
            args = sys.argv[1:]
            if args == ["--version"]:
                print("version: 0.0.1-fake")
                sys.exit(0)
            open(%s, "a").write("run\\n")
            comments = []
            for name in [a for a in args if not a.startswith("-")]:
                comments.append({"file": name, "line": 2, "endLine": 2, "column": 6, "endColumn": 8,
                                 "level": "info", "code": 2086, "message": "Double quote to prevent globbing."})
                comments.append({"file": name, "line": 2, "endLine": 2, "column": 9, "endColumn": 14,
                                 "level": "warning", "code": 2046, "message": "Quote this."})
            print(json.dumps({"comments": comments}))
            """;

    @TempDir
    Path dir;
    private Path runs;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private List<Rule> rules;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.writeString(dir.resolve("repo/run.sh"), "#!/bin/sh\necho $1 $(ls)\n");
        runs = dir.resolve("runs.log");
        Path fake = dir.resolve("shellcheck");
        Files.writeString(fake, FAKE.formatted("'" + runs + "'"), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        rules = List.of(new ShellCheck(new ShellCheck.Setup(fake, dir.resolve("cache"), false)));
    }

    private int vlint(String... args) {
        return new Session(dir.resolve("repo"), new PrintWriter(out), new PrintWriter(err), Map.of(), false, rules)
                .run(args);
    }

    private List<String> findingLines() {
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("run.sh:")) {
                lines.add(line.substring(0, line.indexOf(']') + 1));
            }
        }
        return lines;
    }

    @Test
    void scCodesAreSelectedAndIgnoredOneByOne() {
        assertEquals(0, vlint());
        assertEquals(List.of("run.sh:2:6: note[SC2086]", "run.sh:2:9: note[SC2046]"), findingLines());
        out.getBuffer().setLength(0);
        vlint("--select", "sc2086");
        assertEquals(List.of("run.sh:2:6: note[SC2086]"), findingLines());
        out.getBuffer().setLength(0);
        vlint("--ignore", "SC2086");
        assertEquals(List.of("run.sh:2:9: note[SC2046]"), findingLines());
        out.getBuffer().setLength(0);
        vlint("--select", "VL551");
        assertEquals(2, findingLines().size());
        out.getBuffer().setLength(0);
        assertEquals(1, vlint("--select", "SC2046", "--fail-on", "note"));
        assertEquals(List.of("run.sh:2:9: note[SC2046]"), findingLines());
    }

    @Test
    void sarifListsEveryScCodeItReports() throws IOException {
        vlint("--format", "sarif");
        String sarif = out.toString();
        assertEquals(List.of(), SarifSchemaCheck.violations(sarif));
        JsonNode run = new ObjectMapper().readTree(sarif).path("runs").get(0);
        List<String> ids = new ArrayList<>();
        run.path("tool").path("driver").path("rules").forEach(rule -> ids.add(rule.path("id").asText()));
        assertEquals(List.of("VL551", "SC2046", "SC2086"), ids);
        for (JsonNode result : run.path("results")) {
            assertEquals(result.path("ruleId").asText(), ids.get(result.path("ruleIndex").asInt()));
        }
    }

    @Test
    void configTurnsShellCheckOffAndCodesOff() throws IOException {
        Files.writeString(dir.resolve("repo/.vlint.yaml"), "rules:\n  SC2046: off\n");
        vlint();
        assertEquals(List.of("run.sh:2:6: note[SC2086]"), findingLines());
        out.getBuffer().setLength(0);
        Files.delete(runs);
        Files.writeString(dir.resolve("repo/.vlint.yaml"), "shellcheck: off\n");
        assertEquals(0, vlint());
        assertEquals(List.of(), findingLines());
        assertFalse(Files.exists(runs), "shellcheck: off never starts shellcheck");
        assertFalse(err.toString().contains("shellcheck"), err.toString());
    }

    @Test
    void explainShowsAnScCode() {
        assertEquals(0, vlint("explain", "SC2086"));
        assertTrue(out.toString().startsWith("SC2086 sc2086\n"), out.toString());
        assertTrue(out.toString().contains("https://www.shellcheck.net/wiki/SC2086"), out.toString());
    }

    @Test
    void aRunWithoutShellCheckSaysSoOnce() throws IOException {
        Files.writeString(dir.resolve("repo/other.sh"), "#!/bin/sh\necho $1\n");
        rules = List.of(new ShellCheck(new ShellCheck.Setup(dir.resolve("missing/shellcheck"), null, false)));
        assertEquals(0, vlint());
        List<String> notes = err.toString().lines().filter(line -> line.contains("shellcheck")).toList();
        assertEquals(1, notes.size(), err.toString());
        assertTrue(notes.get(0).startsWith("vlint: shellcheck not found at "), notes.get(0));
    }
}
