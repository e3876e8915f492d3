package dev.vlint.fixers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.source.SourceFile;
import org.junit.jupiter.api.Test;

class LineBreaksTest {
    @Test
    void loneLineFeedsBecomeCrlfInCrlfFiles() {
        assertEquals("a\r\nb\r\nc\r\n", LineBreaks.conform("a\nb\r\nc\n", "\r\n"));
        assertEquals("\r\nx", LineBreaks.conform("\nx", "\r\n"));
    }

    @Test
    void lfFilesKeepWhatTheFixWrote() {
        assertEquals("a\nb\r\n", LineBreaks.conform("a\nb\r\n", "\n"));
    }

    @Test
    void finalLineBreakIsKeptInTheFilesStyle() {
        SourceFile crlf = SourceFile.of("f", "a\r\nb\r\n");
        assertEquals("a\r\nc\r\n", LineBreaks.keepFinalNewline(crlf, "a\r\nc"));
        assertEquals("a\r\nc\r\n", LineBreaks.keepFinalNewline(crlf, "a\r\nc\r\n"));
        assertEquals("", LineBreaks.keepFinalNewline(crlf, ""));
        assertEquals("a\nc", LineBreaks.keepFinalNewline(SourceFile.of("f", "a\nb"), "a\nc"));
    }
}
