package dev.vlint.dockerfile;

import dev.vlint.source.MappedText;

/** Small helpers for {@link MappedText} and Go-compatible character classes. */
final class Texts {
    private Texts() {}

    /** Logical characters {@code [start, end)} of {@code text}, still mapped to the file. */
    static MappedText sub(MappedText text, int start, int end) {
        MappedText.Builder b = new MappedText.Builder();
        for (int i = start; i < end; i++) {
            b.append(text.text().charAt(i), text.fileOffset(i));
        }
        int endOffset = end > start ? text.fileOffset(end - 1) + 1 : text.fileOffset(start);
        return b.build(endOffset);
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
                return true;
            default:
                if (c < 0x80) {
                    return false;
                }
                int type = Character.getType(c);
                return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR;
        }
    }

    /** The class {@code [\t\v\f\r ]} that BuildKit splits instruction words on. */
    static boolean isSplitSpace(char c) {
        return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ';
    }
}
