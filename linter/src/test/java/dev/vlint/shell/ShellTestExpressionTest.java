package dev.vlint.shell;

import static dev.vlint.shell.ShellTestSupport.parseFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.project.ParseProblem;
import dev.vlint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code [[ ]]} tests as bash reads them ({@code bash -n} accepts or rejects the same texts). */
class ShellTestExpressionTest {
    private static List<String> problems(String text) {
        return parseFile(SourceFile.of("t.sh", text)).problems().stream().map(ParseProblem::message).toList();
    }

    @Test
    void aTestMaySpanLines() {
        assertEquals(List.of(), problems("[[ -n \"$a\" &&\n   -n \"$b\" ]] || exit 1\necho ok\n"));
        assertEquals(List.of(), problems("if [[ ( -n x ||\n\n  -n y ) ]]; then echo; fi\n"));
        List<String> echo = parseFile(SourceFile.of("t.sh", "[[ -n x &&\n -n y ]] && echo ok\n")).model().commands()
                .stream().map(SimpleCommand::commandName).toList();
        assertEquals(List.of("[[", "echo"), echo);
    }

    @Test
    void anUnclosedTestIsStillAProblem() {
        assertEquals(List.of("'[[' without ']]'"), problems("[[ -n x &&\n"));
        assertEquals(List.of("'[[' without ']]'"), problems("[[ -n x; ]]\n"));
        // bash rejects a line break after an operand; the next line is read as a command again.
        assertEquals(List.of("'[[' without ']]'"), problems("[[ -n x\nls\n"));
    }
}
