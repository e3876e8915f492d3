package dev.vlint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which workflow {@code run:} steps are shell: those GitHub runs with bash or sh. */
class WorkflowShellStepsTest {
    private static List<String> shellSteps(String workflow) {
        ProjectFile file = new ProjectFile(Path.of("/r/.github/workflows/ci.yml"), FileKind.WORKFLOW,
                SourceFile.of(".github/workflows/ci.yml", workflow));
        return ShellSnippets.of(file).stream().map(s -> file.source().slice(s.script().range()).strip()).toList();
    }

    @Test
    void windowsRunnersRunPowerShellUnlessAShellIsNamed() {
        // A matrix of Windows and Linux runners may run the step in bash: it is kept, as actionlint does.
        String workflow = """
                on: push
                jobs:
                  win:
                    runs-on: windows-2022
                    steps:
                      - run: Get-ChildItem $env:TEMP
                      - run: echo named
                        shell: bash
                  win-self-hosted:
                    runs-on: [self-hosted, windows]
                    steps:
                      - run: Write-Output hi
                  matrix:
                    runs-on: ${{ matrix.os }}
                    strategy:
                      matrix:
                        os: [ubuntu-latest, windows-latest]
                    steps:
                      - run: echo matrix
                  windows-matrix:
                    runs-on: ${{ matrix.arch == 'arm64' && format('{0}-{1}', matrix.os, matrix.arch) || matrix.os }}
                    strategy:
                      matrix:
                        os: [windows]
                        arch: [amd64]
                        include:
                          - os: windows-2022
                            arch: arm64
                    steps:
                      - run: choco install ninja
                  linux:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo linux
                """;
        assertEquals(List.of("echo named", "echo matrix", "echo linux"), shellSteps(workflow));
    }
}
