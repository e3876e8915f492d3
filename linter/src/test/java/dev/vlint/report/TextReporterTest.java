package dev.vlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    private static String text(RunResult result, boolean color) throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter(color).write(result, out);
        return out.toString();
    }

    @Test
    void compilerStyleWithUnderlineRelatedAndFix() throws IOException {
        String expected = """
                docker/Dockerfile:2:5: error[XT100] Cache mount /build has no id
                2 | RUN --mount=type=cache,target=/build make
                  |     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                  = note: docker/Dockerfile:1:1: the stage starts here
                  = fix (safe): Add id=build-${TARGETARCH}
                """;
        assertEquals(expected, text(Samples.run(List.of(Samples.cacheFinding())), false));
    }

    @Test
    void tabsAndWideCharactersKeepTheUnderlineAligned() throws IOException {
        SourceFile file = SourceFile.of("Dockerfile", "\tRUN echo 清理 && rm -rf /opt/hpcx\n");
        int start = file.text().indexOf("rm -rf");
        Finding finding = new Finding("XT200", Severity.WARNING, "cleanup", file, new TextRange(start, start + 6));
        String[] lines = text(Samples.run(List.of(finding)), false).split("\n");
        assertEquals("1 |     RUN echo 清理 && rm -rf /opt/hpcx", lines[1]);
        assertEquals("  | " + " ".repeat(21) + "^~~~~~", lines[2]);
        assertEquals(lines[1].indexOf("rm -rf") + 2, lines[2].indexOf('^'), "two wide characters take four cells");
    }

    @Test
    void multiLineRangeUnderlinesTheRestOfTheFirstLine() throws IOException {
        SourceFile file = SourceFile.of("Dockerfile", "RUN a \\\n    b\n");
        Finding finding = new Finding("XT200", Severity.NOTE, "long", file, new TextRange(4, 13));
        String[] lines = text(Samples.run(List.of(finding)), false).split("\n");
        assertEquals("1 | RUN a \\", lines[1]);
        assertEquals("  |     ^~~", lines[2]);
    }

    @Test
    void emptyRangeGetsOneCaret() throws IOException {
        SourceFile file = SourceFile.of("Dockerfile", "FROM a\n");
        Finding finding = new Finding("XT200", Severity.NOTE, "missing", file, TextRange.at(6));
        String[] lines = text(Samples.run(List.of(finding)), false).split("\n");
        assertEquals("  |       ^", lines[2]);
    }

    @Test
    void suppressedFindingsAreLeftOut() throws IOException {
        String output = text(Samples.full(), false);
        assertFalse(output.contains("build,v1.sh"), output);
        assertEquals(3, output.lines().filter(line -> line.matches("\\S+:\\d+:\\d+: .*")).count(), output);
    }

    @Test
    void nothingFoundPrintsNothing() throws IOException {
        assertEquals("", text(Samples.run(List.of(Samples.suppressedFinding())), false));
    }

    @Test
    void colourOnlyWhenAsked() throws IOException {
        assertFalse(text(Samples.full(), false).contains("\u001b["));
        String coloured = text(Samples.full(), true);
        assertTrue(coloured.contains("\u001b[1;31merror[XT100]\u001b[0m"), coloured);
    }

    @Test
    void controlCharactersAreShownAsQuestionMarks() {
        assertEquals("a?b", TextReporter.render("a\u0007b"));
        assertEquals(0, TextReporter.cellWidth(0x0301));
        assertEquals(2, TextReporter.cellWidth(0x1F600));
    }
}
