package dev.vlint.source;

import java.util.Arrays;

/**
 * Text cut out of a file and joined again (a RUN body without its line continuations, a YAML
 * block scalar without its indentation), with the file offset of every character, so that a
 * parser working on the logical text can report ranges in the original file.
 */
public final class MappedText {
    private final String text;
    private final int[] offsets; // offsets[i] = file offset of text.charAt(i); offsets[len] = end

    private MappedText(String text, int[] offsets) {
        this.text = text;
        this.offsets = offsets;
    }

    /** A contiguous piece of the file, mapped one to one. */
    public static MappedText slice(SourceFile file, TextRange range) {
        int[] offsets = new int[range.length() + 1];
        for (int i = 0; i <= range.length(); i++) {
            offsets[i] = range.start() + i;
        }
        return new MappedText(file.slice(range), offsets);
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** File offset of the character at {@code index}; {@code index == length()} gives the end. */
    public int fileOffset(int index) {
        return offsets[index];
    }

    /** The file range covered by logical characters {@code [start, end)}. */
    public TextRange fileRange(int start, int end) {
        if (start == end) {
            return TextRange.at(offsets[start]);
        }
        return new TextRange(offsets[start], offsets[end - 1] + 1);
    }

    /** Builds mapped text piece by piece. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[64];

        /** Appends one character that stands at {@code fileOffset} in the file. */
        public Builder append(char c, int fileOffset) {
            if (text.length() + 1 >= offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[text.length()] = fileOffset;
            text.append(c);
            return this;
        }

        /** Appends {@code file.text()[range]} character by character. */
        public Builder append(SourceFile file, TextRange range) {
            for (int i = range.start(); i < range.end(); i++) {
                append(file.text().charAt(i), i);
            }
            return this;
        }

        public int length() {
            return text.length();
        }

        /** Finishes the text; {@code endOffset} is the file offset just past the last character. */
        public MappedText build(int endOffset) {
            int[] result = Arrays.copyOf(offsets, text.length() + 1);
            result[text.length()] = endOffset;
            return new MappedText(text.toString(), result);
        }
    }
}
