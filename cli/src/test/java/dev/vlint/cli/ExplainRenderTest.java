package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainRenderTest {
    private static final String PAGE = """
            # VL999 sample-rule

            Flags **things** that are `*.bak`.

            ## What it does
            Reads *each* line of __every__ file_name_here and [the docs](https://example.com/docs).

            ## Example
            ```dockerfile
            RUN echo **not markup** `here`
            ```
            """;

    @Test
    void plainWhenPiped() {
        assertEquals(List.of(
                "VL999 sample-rule",
                "",
                "Flags things that are *.bak.",
                "",
                "WHAT IT DOES",
                "Reads each line of every file_name_here and the docs (https://example.com/docs).",
                "",
                "EXAMPLE",
                "    RUN echo **not markup** `here`"), ExplainCommand.render(PAGE, false).lines().toList());
    }

    @Test
    void headingsBoldAndTitleUnderlinedOnATerminal() {
        List<String> lines = ExplainCommand.render(PAGE, true).lines().toList();
        assertEquals("\u001b[1m\u001b[4mVL999 sample-rule\u001b[0m", lines.get(0));
        assertEquals("\u001b[1mWHAT IT DOES\u001b[0m", lines.get(4));
        assertFalse(lines.get(2).contains("\u001b["), lines.get(2));
    }

    @Test
    void emphasisInsideCodeSpansIsKept() {
        assertEquals("run pip install *.whl and _private_ names",
                ExplainCommand.plain("run `pip install *.whl` and `_private_` names"));
        assertEquals("a * b * c", ExplainCommand.plain("a * b * c"));
    }

    @Test
    void explainOnATerminalUsesAnsi() {
        RunCapture vlint = new RunCapture(java.nio.file.Path.of("."), List.of(TestRules.LATEST), true, true);
        assertEquals(0, vlint.run("explain", "XT001"));
        assertTrue(vlint.out().startsWith("\u001b[1m\u001b[4mXT001 test-latest-tag\u001b[0m\n"), vlint.out());
    }
}
