package dev.vlint.source;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one file as rules see it. A leading UTF-8 byte order mark is removed from
 * {@link #text()} (and remembered in {@link #hasBom()}); line endings are kept as they are,
 * so offsets stay faithful to the file. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private final boolean hasBom;
    private final boolean validUtf8;
    private final int[] lineStarts;
    /** Computed on first use; a race between threads only computes the same value twice. */
    private volatile String lineBreak;

    private SourceFile(String path, String text, boolean hasBom, boolean validUtf8) {
        this.path = path;
        this.text = text;
        this.hasBom = hasBom;
        this.validUtf8 = validUtf8;
        this.lineStarts = computeLineStarts(text);
    }

    /** A file from text, e.g. in tests; a leading BOM character is stripped and remembered. */
    public static SourceFile of(String path, String text) {
        boolean bom = text.startsWith("\uFEFF");
        return new SourceFile(path, bom ? text.substring(1) : text, bom, true);
    }

    /** Decodes bytes as UTF-8; malformed sequences become U+FFFD and {@link #validUtf8()} is false. */
    public static SourceFile decode(String path, byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
            return new SourceFile(path, text, bom, true);
        } catch (CharacterCodingException e) {
            buffer.rewind();
            String text = StandardCharsets.UTF_8.decode(buffer).toString();
            return new SourceFile(path, text, bom, false);
        }
    }

    private static int[] computeLineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Path relative to the lint root, with forward slashes. */
    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public boolean hasBom() {
        return hasBom;
    }

    public boolean validUtf8() {
        return validUtf8;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 0-based index of the line holding {@code offset}. */
    public int lineIndex(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + text.length());
        }
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public Position position(int offset) {
        int line = lineIndex(offset);
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    /** Offset of the first character of the 0-based line. */
    public int lineStart(int lineIndex) {
        return lineStarts[lineIndex];
    }

    /** Offset just past the last character of the 0-based line, before its line break. */
    public int lineEnd(int lineIndex) {
        int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] : text.length();
        while (end > lineStarts[lineIndex] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The 0-based line's text without its line break. */
    public String lineText(int lineIndex) {
        return text.substring(lineStarts[lineIndex], lineEnd(lineIndex));
    }

    public String slice(TextRange range) {
        return text.substring(range.start(), range.end());
    }

    /** The line break the file mostly uses, for edits that insert lines; counted once (rules ask per fix). */
    public String lineBreak() {
        String known = lineBreak;
        if (known == null) {
            known = countLineBreaks();
            lineBreak = known;
        }
        return known;
    }

    private String countLineBreaks() {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    @Override
    public String toString() {
        return path;
    }
}
