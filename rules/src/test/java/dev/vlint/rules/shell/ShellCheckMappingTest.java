package dev.vlint.rules.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How VL551 builds ShellCheck's input and maps its answers back, with a fake shellcheck that
 * reports every {@code MARK} word of the files it is given: each finding must land on the MARK of the
 * source file, whatever was added around the snippet.
 */
class ShellCheckMappingTest {
    @TempDir
    Path dir;
    private FakeShellCheck fake;
    private ShellCheck rule;

    @BeforeEach
    void setUp() throws IOException {
        fake = FakeShellCheck.in(dir);
        rule = new ShellCheck(new ShellCheck.Setup(fake.executable, dir.resolve("cache"), false));
    }

    private List<Finding> lint(Config config, String... pathsAndTexts) {
        List<ProjectFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            String path = pathsAndTexts[i];
            files.add(new ProjectFile(Path.of("/r", path), FileKind.classify(path, pathsAndTexts[i + 1]),
                    SourceFile.of(path, pathsAndTexts[i + 1])));
        }
        Project project = new Project(Path.of("/r"), files, config);
        return new Linter(List.of(rule)).lint(project);
    }

    private List<Finding> lint(String... pathsAndTexts) {
        return lint(Config.DEFAULT, pathsAndTexts);
    }

    /** Asserts one finding per MARK of {@code text}, each exactly on its word. */
    private static void assertOnMarks(String text, List<Finding> findings) {
        List<Integer> marks = new ArrayList<>();
        for (int at = text.indexOf("MARK"); at >= 0; at = text.indexOf("MARK", at + 1)) {
            marks.add(at);
        }
        assertEquals(marks, findings.stream().map(f -> f.range().start()).toList(), () -> findings.toString());
        for (Finding finding : findings) {
            assertEquals("MARK", finding.file().slice(finding.range()));
            assertEquals("SC2086", finding.ruleId());
        }
    }

    @Test
    void lineFourOfASixLineRunMapsToItsWord() throws IOException {
        String dockerfile = """
                FROM alpine:3.20
                ARG VERSION=1
                ARG UNUSED=1
                ENV lower_name=x
                RUN set -e; \\
                    apk add curl=$VERSION "${lower_name}" $http_proxy; \\
                    mkdir -p /opt; \\
                    echo MARK; \\
                    ls; \\
                    true
                """;
        List<Finding> findings = lint("Dockerfile", dockerfile);
        assertOnMarks(dockerfile, findings);
        assertEquals(8, findings.get(0).start().line());
        assertEquals(10, findings.get(0).start().column());
        assertEquals(Severity.NOTE, findings.get(0).severity());
        String seen = fake.seenTexts().get(0);
        assertTrue(seen.startsWith("#!/bin/sh\nexport VERSION=1 http_proxy=1 lower_name=1\nset -e; "), seen);
    }

    @Test
    void heredocBodiesKeepTheirShebangAndAFedShellIsUsed() throws IOException {
        String dockerfile = """
                FROM ubuntu:24.04
                RUN <<EOF
                #!/bin/bash
                set -e
                echo MARK
                EOF
                RUN bash <<EOT
                echo MARK
                EOT
                RUN cat <<EOT > /etc/x.conf
                MARK
                EOT
                """;
        List<Finding> findings = lint("Dockerfile", dockerfile);
        assertOnMarks(dockerfile, findings);
        List<String> seen = fake.seenTexts();
        assertTrue(seen.contains("#!/bin/bash\nset -e\necho MARK\n"), seen.toString());
        assertTrue(seen.contains("#!/bin/bash\necho MARK\n"), "the body fed to bash is read as bash: " + seen);
    }

    @Test
    void workflowExpressionsAreMaskedWithTheirLength() throws IOException {
        String workflow = """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          echo "${{ github.event.inputs.name }}" MARK
                          echo ${{ matrix.MARK }}
                      - shell: sh
                        run: echo MARK
                """;
        List<Finding> findings = lint(".github/workflows/ci.yml", workflow);
        // The MARK inside ${{ }} is masked: the shell never sees it.
        int masked = workflow.indexOf("matrix.MARK") + "matrix.".length();
        assertEquals(List.of(workflow.indexOf("MARK"), workflow.lastIndexOf("MARK")),
                findings.stream().map(f -> f.range().start()).toList(), findings::toString);
        assertFalse(findings.stream().anyMatch(f -> f.range().start() == masked));
        List<String> seen = fake.seenTexts();
        String bash = seen.stream().filter(t -> t.startsWith("#!/bin/bash")).findFirst().orElseThrow();
        assertEquals("#!/bin/bash\n# shellcheck disable=" + ShellCheckInput.WORKFLOW_DISABLED + ","
                + ShellCheckInput.MASKED_DISABLED + "\nset -eo pipefail\n"
                + "echo \"" + "_".repeat("${{ github.event.inputs.name }}".length()) + "\" MARK\n"
                + "echo " + "_".repeat("${{ matrix.MARK }}".length()) + "\n", bash);
        assertTrue(seen.contains("#!/bin/sh\n# shellcheck disable=" + ShellCheckInput.WORKFLOW_DISABLED
                + "\nset -e\necho MARK"), "no expression, nothing masked: " + seen);
    }

    @Test
    void crlfLinesEscapeDirectivesTabsAndWideCharactersKeepExactPositions() throws IOException {
        String crlf = "FROM alpine\r\nRUN echo a && \\\r\n    echo MARK\r\n";
        String backtick = "# escape=`\nFROM alpine\nRUN echo a && `\n    echo `\n    MARK\n";
        String script = "#!/bin/sh\n\tif true; then\n\t\techo \"\uD83D\uDE00 é\"\tMARK\n\tfi\n";
        List<Finding> findings = lint("Dockerfile", crlf, "win/Dockerfile", backtick, "run.sh", script);
        assertOnMarks(crlf, findings.stream().filter(f -> f.file().path().equals("Dockerfile")).toList());
        assertOnMarks(backtick, findings.stream().filter(f -> f.file().path().equals("win/Dockerfile")).toList());
        assertOnMarks(script, findings.stream().filter(f -> f.file().path().equals("run.sh")).toList());
        assertTrue(fake.seenTexts().stream().noneMatch(t -> t.contains("\r")), "BuildKit drops the CR of CRLF");
    }

    @Test
    void scriptsKeepTheirCarriageReturns() throws IOException {
        lint("run.sh", "#!/bin/sh\r\necho MARK\r\n");
        assertEquals(List.of("#!/bin/sh\r\necho MARK\r\n"), fake.seenTexts());
    }

    @Test
    void dockerfileDirectiveCommentsReachShellCheck() throws IOException {
        String dockerfile = """
                FROM alpine
                # shellcheck disable=SC2086
                RUN echo $a && \\
                  # shellcheck disable=SC2154
                  echo MARK
                """;
        lint("Dockerfile", dockerfile);
        String seen = fake.seenTexts().get(0);
        assertTrue(seen.startsWith("#!/bin/sh\n# shellcheck disable=SC2086\n# shellcheck disable=SC2154\necho $a && "),
                seen);
    }

    @Test
    void shellsShellCheckCannotReadAreSkipped() throws IOException {
        String dockerfile = """
                FROM mcr.microsoft.com/powershell
                SHELL ["pwsh", "-Command"]
                RUN Write-Output MARK
                FROM alpine
                SHELL ["/bin/zsh", "-c"]
                RUN echo MARK
                RUN <<EOF
                #!/usr/bin/env python3
                print("MARK")
                EOF
                """;
        assertEquals(List.of(), lint("Dockerfile", dockerfile));
        assertEquals(List.of(), fake.runs());
    }

    @Test
    void theStageShellIsTheLastShellBeforeTheRunOrItsBaseStages() throws IOException {
        String dockerfile = """
                FROM alpine AS base
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                FROM base
                RUN echo MARK
                SHELL ["pwsh", "-c"]
                """;
        List<Finding> findings = lint("Dockerfile", dockerfile);
        assertOnMarks(dockerfile, findings);
        assertTrue(fake.seenTexts().get(0).startsWith("#!/bin/bash\n"));
    }

    @Test
    void snippetsAreCheckedInBatchesAndCachedByContent() throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            scripts.put("s" + i + ".sh", "#!/bin/sh\necho " + i + " MARK\n");
        }
        List<String> args = new ArrayList<>();
        scripts.forEach((path, text) -> {
            args.add(path);
            args.add(text);
        });
        List<Finding> first = lint(args.toArray(String[]::new));
        assertEquals(40, first.size());
        List<String> runs = fake.runs();
        long files = runs.stream().mapToLong(r -> r.split(" ").length - 3).sum();
        assertEquals(40, files, runs.toString());
        assertTrue(runs.size() > 1 && runs.size() < 40, "batched: " + runs.size() + " runs");
        assertTrue(runs.get(0).startsWith("--format=json1 --severity=style --exclude=SC1090,SC1091,SC2187 "), runs.get(0));

        List<Finding> second = lint(args.toArray(String[]::new));
        assertEquals(runs, fake.runs(), "the second run reads every result from the cache");
        assertEquals(first.stream().map(f -> f.file().path() + f.range()).toList(),
                second.stream().map(f -> f.file().path() + f.range()).toList());
    }

    @Test
    void aRunAnsweredFromTheCacheStartsNoProcess() throws IOException {
        assertEquals(1, lint("a.sh", "#!/bin/sh\necho MARK\n").size());
        assertEquals(1, fake.versionRuns());
        List<String> runs = fake.runs();

        assertEquals(1, lint("a.sh", "#!/bin/sh\necho MARK\n").size());
        assertEquals(1, fake.versionRuns(), "the version of the same executable is remembered");
        assertEquals(runs, fake.runs());

        // Another shellcheck at the same path (an upgrade): asked again, and its answers are its own.
        Files.writeString(fake.executable, Files.readString(fake.executable) + "\n# upgraded\n");
        Files.setLastModifiedTime(fake.executable, java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(1, lint("a.sh", "#!/bin/sh\necho MARK\n").size());
        assertEquals(2, fake.versionRuns());
    }

    @Test
    void onlyTheSnippetsMissingFromTheCacheAreChecked() throws IOException {
        List<Finding> first = lint("a.sh", "#!/bin/sh\necho MARK\n", "b.sh", "#!/bin/sh\necho MARK b\n");
        assertEquals(2, first.size());
        int before = fake.runs().size();

        // a.sh and b.sh are answered from the cache, file by file; c.sh alone goes to shellcheck.
        List<Finding> second = lint("a.sh", "#!/bin/sh\necho MARK\n", "b.sh", "#!/bin/sh\necho MARK b\n",
                "c.sh", "#!/bin/sh\necho MARK c\n");
        assertEquals(List.of("a.sh", "b.sh", "c.sh"), second.stream().map(f -> f.file().path()).sorted().toList());
        List<String> runs = fake.runs().subList(before, fake.runs().size());
        assertEquals(1, runs.size(), runs.toString());
        assertEquals(1, runs.get(0).split(" ").length - 3, "one snippet checked: " + runs.get(0));
    }

    @Test
    void aDamagedCacheEntryIsCheckedAgain() throws IOException {
        String script = "#!/bin/sh\necho MARK\n";
        List<Finding> first = lint("a.sh", script);
        List<Path> entries;
        try (var walk = Files.walk(dir.resolve("cache"))) {
            entries = walk.filter(p -> p.toString().endsWith(".txt")).toList();
        }
        assertEquals(1, entries.size(), entries.toString());
        Files.writeString(entries.get(0), "vlint shellcheck cache 2\n1\tx\n");
        int before = fake.runs().size();
        assertEquals(first.stream().map(Finding::range).toList(), lint("a.sh", script).stream().map(Finding::range).toList());
        assertEquals(before + 1, fake.runs().size(), "the damaged entry sent the script to shellcheck again");
    }

    @Test
    void cacheEntriesKeepEveryCharacterOfAMessage() {
        List<ShellCheckRun.Comment> comments = List.of(
                new ShellCheckRun.Comment(null, 3, 7, 3, 12, "warning", 2086, "Double quote \\ to\tprevent\nsplitting\r."),
                new ShellCheckRun.Comment(null, 1, 1, 2, 1, "style", 2250, ""));
        assertEquals(comments, ShellCheckRun.decode(ShellCheckRun.encode(comments)));
        assertEquals(List.of(), ShellCheckRun.decode(ShellCheckRun.encode(List.of())));
    }

    @Test
    void codesTakeLevelsAndSuppressionsOneByOne() {
        String dockerfile = """
                FROM alpine
                # vlint: ignore[SC2086] checked by hand
                RUN echo MARK
                RUN echo MARK
                """;
        List<Finding> findings = lint("Dockerfile", dockerfile);
        assertEquals(List.of(true, false), findings.stream().map(Finding::suppressed).toList());
        assertEquals(List.of(), lint(new Config(Map.of("SC2086", Optional.empty()), List.of(), Config.Targets.NONE),
                "Dockerfile", dockerfile));
        assertTrue(lint(new Config(Map.of("VL551", Optional.of(Severity.ERROR)), List.of(), Config.Targets.NONE),
                "Dockerfile", dockerfile).stream().allMatch(f -> f.severity() == Severity.ERROR));
        assertTrue(lint(new Config(Map.of("SC2086", Optional.of(Severity.WARNING)), List.of(), Config.Targets.NONE),
                "Dockerfile", dockerfile).stream().allMatch(f -> f.severity() == Severity.WARNING));
        assertTrue(lint(new Config(Map.of("VL551", Optional.of(Severity.ERROR), "SC2086", Optional.of(Severity.NOTE)),
                List.of(), Config.Targets.NONE), "Dockerfile", dockerfile).stream()
                .allMatch(f -> f.severity() == Severity.NOTE), "a code's own level wins over VL551's");
    }

    @Test
    void onlyTheShellcheckrcOfTheLintRootApplies() throws IOException {
        lint("a.sh", "echo MARK\n");
        assertEquals("", fake.runControl(), "an empty rc file keeps ~/.shellcheckrc out");
        Path root = Files.createDirectories(dir.resolve("project"));
        Files.writeString(root.resolve(".shellcheckrc"), "disable=SC2034\n");
        List<ProjectFile> files = List.of(new ProjectFile(root.resolve("b.sh"), FileKind.SHELL,
                SourceFile.of("b.sh", "echo MARK again\n")));
        new Linter(List.of(rule)).lint(new Project(root, files, Config.DEFAULT));
        assertEquals("disable=SC2034\n", fake.runControl());
    }

    @Test
    void aMissingShellCheckIsSaidOnceAndNothingRuns() {
        rule = new ShellCheck(new ShellCheck.Setup(dir.resolve("nowhere/shellcheck"), null, false));
        List<ProjectFile> files = List.of(
                new ProjectFile(Path.of("/r/a.sh"), FileKind.SHELL, SourceFile.of("a.sh", "echo MARK\n")),
                new ProjectFile(Path.of("/r/b.sh"), FileKind.SHELL, SourceFile.of("b.sh", "echo MARK\n")));
        Project project = new Project(Path.of("/r"), files, Config.DEFAULT);
        assertEquals(List.of(), new Linter(List.of(rule)).lint(project));
        List<String> notes = rule.notes(project);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("shellcheck not found at "), notes.get(0));
    }

    @Test
    void theTestSuiteTurnsTheBuiltInRuleOffSilently() {
        assertEquals("off", System.getProperty("vlint.shellcheck"), "set by the surefire configuration");
        rule = new ShellCheck();
        List<ProjectFile> files = List.of(
                new ProjectFile(Path.of("/r/a.sh"), FileKind.SHELL, SourceFile.of("a.sh", "echo $x\n")));
        Project project = new Project(Path.of("/r"), files, Config.DEFAULT);
        assertEquals(List.of(), new Linter(List.of(rule)).lint(project));
        assertEquals(List.of(), rule.notes(project));
    }
}
