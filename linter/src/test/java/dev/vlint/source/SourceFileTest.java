package dev.vlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceFileTest {
    @Test
    void positionsCountLinesForEveryLineBreakStyle() {
        SourceFile file = SourceFile.of("f", "ab\r\ncd\nef\rgh");
        assertEquals(4, file.lineCount());
        assertEquals(new Position(1, 1), file.position(0));
        assertEquals(new Position(1, 3), file.position(2));
        assertEquals(new Position(2, 1), file.position(4));
        assertEquals(new Position(3, 2), file.position(8));
        assertEquals(new Position(4, 1), file.position(10));
        assertEquals("cd", file.lineText(1));
        assertEquals("ab", file.lineText(0));
    }

    @Test
    void bomIsStrippedAndRemembered() {
        byte[] bytes = "\uFEFFFROM x\n".getBytes(StandardCharsets.UTF_8);
        SourceFile file = SourceFile.decode("Dockerfile", bytes);
        assertTrue(file.hasBom());
        assertEquals("FROM x\n", file.text());
        assertEquals(new Position(1, 1), file.position(0));
    }

    @Test
    void invalidUtf8IsReplacedAndFlagged() {
        SourceFile file = SourceFile.decode("x", new byte[] {'a', (byte) 0xC3, 'b'});
        assertFalse(file.validUtf8());
        assertEquals("a\uFFFDb", file.text());
    }

    @Test
    void mappedTextMapsBackThroughJoins() {
        SourceFile file = SourceFile.of("f", "RUN a \\\n  b");
        MappedText text = new MappedText.Builder()
                .append(file, new TextRange(4, 6))
                .append(file, new TextRange(10, 11))
                .build(11);
        assertEquals("a b", text.text());
        assertEquals(new TextRange(10, 11), text.fileRange(2, 3));
        assertEquals(new TextRange(4, 11), text.fileRange(0, 3));
    }
}
