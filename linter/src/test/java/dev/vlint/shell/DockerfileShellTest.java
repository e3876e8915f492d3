package dev.vlint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.RunShell;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SHELL each RUN runs under, and which RUNs are shell snippets at all. */
class DockerfileShellTest {
    private static final String DOCKERFILE = """
            FROM alpine AS base
            RUN echo sh
            SHELL ["/bin/bash", "-o", "pipefail", "-c"]
            RUN echo bash
            FROM base
            RUN echo inherited
            SHELL ["pwsh", "-Command"]
            RUN if ($env:CI) { Write-Output ci }
            FROM mcr.microsoft.com/windows/servercore:ltsc2022
            SHELL ["cmd", "/S", "/C"]
            RUN if exist C:\\x (echo yes)
            """;

    private static ProjectFile file() {
        return new ProjectFile(Path.of("/r/Dockerfile"), FileKind.DOCKERFILE, SourceFile.of("Dockerfile", DOCKERFILE));
    }

    @Test
    void eachRunHasTheLastShellBeforeItOrItsBaseStages() {
        ProjectFile file = file();
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        List<String> shells = dockerfile.instructions().stream().filter(i -> i.is("RUN"))
                .map(run -> RunShell.of(file, run).get(0)).toList();
        assertEquals(List.of("/bin/sh", "/bin/bash", "/bin/bash", "pwsh", "cmd"), shells);
    }

    @Test
    void runsUnderPowerShellOrCmdAreNoShellSnippets() {
        ProjectFile file = file();
        assertEquals(List.of("echo sh", "echo bash", "echo inherited"), ShellSnippets.of(file).stream()
                .map(s -> file.source().slice(s.script().range())).toList());
    }
}
