package dev.vlint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellSnippetsTest {
    /** Where each {@code rm} argument {@code /opt/hpcx} is, as "line:column". */
    private static List<String> hpcxPositions(String path, FileKind kind, String text) {
        SourceFile source = SourceFile.of(path, text);
        List<String> found = new ArrayList<>();
        for (ShellSnippets.Snippet snippet : ShellSnippets.of(new ProjectFile(Path.of(path), kind, source))) {
            for (SimpleCommand command : snippet.script().commands()) {
                if ("rm".equals(command.commandName())) {
                    for (Word arg : command.args()) {
                        if ("/opt/hpcx".equals(arg.literalValue())) {
                            Position at = source.position(arg.range().start());
                            found.add(at.line() + ":" + at.column());
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void runBodiesAcrossContinuationsHeredocsAndShellStdin() {
        String dockerfile = """
                FROM nvcr.io/nvidia/pytorch:25.02-py3
                RUN apt-get update && \\
                    apt-get install -y git && \\
                # a comment line inside the continuation
                    rm -rf /var/lib/apt/lists/* \\
                        /opt/hpcx \\
                        /usr/share/doc
                RUN <<EOF
                set -e
                rm -rf /opt/hpcx
                EOF
                RUN cat <<A > /etc/motd && bash <<B
                not a script: rm -rf /opt/hpcx
                A
                rm -rf /opt/hpcx
                B
                RUN python3 <<EOF
                import shutil; shutil.rmtree("/opt/hpcx")
                EOF
                """;
        assertEquals(List.of("6:9", "10:8", "15:8"), hpcxPositions("Dockerfile", FileKind.DOCKERFILE, dockerfile));
    }

    @Test
    void crlfDockerfileAndBacktickEscape() {
        String dockerfile = "# escape=`\r\nFROM x\r\nRUN echo a `\r\n    && rm -rf `\r\n       /opt/hpcx\r\n";
        assertEquals(List.of("5:8"), hpcxPositions("Dockerfile", FileKind.DOCKERFILE, dockerfile));
    }

    @Test
    void workflowRunBlocksAndScripts() {
        String workflow = """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          echo one
                          rm -rf /opt/hpcx
                      - shell: python
                        run: |
                          rm -rf /opt/hpcx
                """;
        assertEquals(List.of("8:18"), hpcxPositions(".github/workflows/b.yml", FileKind.WORKFLOW, workflow));
        assertEquals(List.of("2:8"), hpcxPositions("clean.sh", FileKind.SHELL, "#!/bin/sh\nrm -rf /opt/hpcx\n"));
    }

    @Test
    void dockerfileVariablesReachTheScript() {
        SourceFile source = SourceFile.of("Dockerfile", "FROM x\nARG DIR=/opt/hpcx\nRUN D=$DIR; rm -rf \"$D\"\n");
        ShellSnippets.Snippet snippet = ShellSnippets.of(new ProjectFile(Path.of("Dockerfile"), FileKind.DOCKERFILE,
                source)).get(0);
        SimpleCommand rm = snippet.script().commands().get(1);
        assertEquals("/opt/hpcx", rm.args().get(1).value(snippet.variablesAt(rm)));
    }

    @Test
    void wordsOfAnUnclosedHeredocBeforeAnotherStayInsideTheFile() {
        // The unclosed quote runs to the end of the file and over the line break joined in before
        // the second (missing) body; that break must not map past the file's end.
        for (String newline : List.of("\n", "\r\n")) {
            String text = String.join(newline, "FROM x", "RUN <<A bash && <<B sh", "echo \"abc", "");
            ProjectFile file = new ProjectFile(Path.of("/p/Dockerfile"), FileKind.DOCKERFILE,
                    SourceFile.of("Dockerfile", text));
            int words = 0;
            for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
                for (SimpleCommand command : snippet.script().commands()) {
                    for (Word word : command.words()) {
                        words++;
                        assertTrue(word.range().end() <= text.length(), word.range() + " in " + text.length());
                    }
                }
            }
            assertEquals(4, words, "bash, sh, echo and the unclosed string");
        }
    }
}
