package dev.vlint.rules.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VL551 with the real shellcheck from PATH on small snippets, asserting the exact place of each
 * finding (line:column and the text under it). Skipped when shellcheck is not installed; CI installs it.
 */
class RealShellCheckTest {
    @TempDir
    static Path cache;

    @BeforeAll
    static void needsShellCheck() {
        assumeTrue(new ShellCheck.Setup(null, null, false).tool() != null,
                "shellcheck is not installed (apt-get install shellcheck): the real-ShellCheck tests are skipped");
    }

    private static List<String> lint(String path, String text) {
        ShellCheck rule = new ShellCheck(new ShellCheck.Setup(null, cache, false));
        ProjectFile file = new ProjectFile(Path.of("/r", path), FileKind.classify(path, text), SourceFile.of(path, text));
        Project project = new Project(Path.of("/r"), List.of(file), Config.DEFAULT);
        return new Linter(List.of(rule)).lint(project).stream().map(RealShellCheckTest::describe).toList();
    }

    private static String describe(Finding f) {
        return f.start().line() + ":" + f.start().column() + " " + f.ruleId() + " " + f.severity().label() + " '"
                + f.file().slice(f.range()) + "'";
    }

    @Test
    void messagesKeepShellCheckLevel() {
        ShellCheck rule = new ShellCheck(new ShellCheck.Setup(null, cache, false));
        ProjectFile file = new ProjectFile(Path.of("/r/a.sh"), FileKind.SHELL,
                SourceFile.of("a.sh", "#!/bin/bash\nfor f in $(ls); do echo \"$f\"; done\n"));
        List<Finding> findings = new Linter(List.of(rule)).lint(new Project(Path.of("/r"), List.of(file), Config.DEFAULT));
        assertEquals(List.of("Iterating over ls output is fragile. Use globs; see https://www.shellcheck.net/wiki/SC2045"
                + " (ShellCheck level: error)"), findings.stream().map(Finding::message).toList());
    }

    @Test
    void lineFourOfASixLineRun() {
        String dockerfile = """
                FROM alpine:3.20
                ARG TAG=1
                RUN set -e; \\
                    apk add --no-cache curl; \\
                    mkdir -p /opt; \\
                    echo $TAG $lower; \\
                    cd /opt; \\
                    true
                """;
        assertEquals(List.of("6:15 SC2086 note '$lower'", "6:15 SC2154 note '$lower'"), lint("Dockerfile", dockerfile));
    }

    @Test
    void heredocBody() {
        String dockerfile = """
                FROM ubuntu:24.04
                ENV DEST=/opt
                RUN <<EOF
                set -e
                for f in $(ls /tmp); do
                  cp "$f" "$DEST"
                done
                EOF
                """;
        assertEquals(List.of("5:10 SC2045 note '$(ls /tmp)'"), lint("Dockerfile", dockerfile));
    }

    @Test
    void runBlockWithExpressions() {
        String workflow = """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          if [ "${{ matrix.os }}" = "x" ]; then echo ok; fi
                          if [[ ${{ inputs.torch }} == *dev* ]] || [ ${{ inputs.jobs }} -gt 4 ]; then echo dev; fi
                          docker build -t "image:${{ github.ref_name }}" $1 .
                """;
        // SC2050, SC2193 and SC2170 would fire on the masked expressions; they are off where ${{ }} is.
        assertEquals(List.of("9:58 SC2086 note '$1'"), lint(".github/workflows/ci.yml", workflow));
    }

    @Test
    void crlfDockerfile() {
        String dockerfile = "FROM alpine\r\nRUN echo a && \\\r\n    echo $lower\r\n";
        assertEquals(List.of("3:10 SC2086 note '$lower'", "3:10 SC2154 note '$lower'"), lint("Dockerfile", dockerfile));
    }

    @Test
    void backtickEscape() {
        String dockerfile = "# escape=`\nFROM alpine\nRUN echo a && `\n    echo $lower\n";
        assertEquals(List.of("4:10 SC2086 note '$lower'", "4:10 SC2154 note '$lower'"), lint("Dockerfile", dockerfile));
    }

    @Test
    void tabsAndWideCharactersInAScript() {
        // ShellCheck counts code points and a tab as one column (json1); vlint counts UTF-16 units.
        String script = "#!/bin/sh\nif true; then\n\techo\t\"\uD83D\uDE00\" $1\nfi\n";
        assertEquals(List.of("3:12 SC2086 note '$1'"), lint("build.sh", script));
    }

    @Test
    void directivesOnDockerfileCommentsAndInsideTheScript() {
        String dockerfile = """
                FROM alpine
                # shellcheck disable=SC2086,SC2154
                RUN echo $lower
                RUN <<EOF
                # shellcheck disable=SC2154
                echo "$other"
                EOF
                """;
        assertEquals(List.of(), lint("Dockerfile", dockerfile));
    }
}
