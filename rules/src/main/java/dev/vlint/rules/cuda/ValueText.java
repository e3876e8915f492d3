package dev.vlint.rules.cuda;

import dev.vlint.source.TextRange;
import java.util.Arrays;

/**
 * A setting's value after quote removal and variable expansion, every character with the file
 * range it came from: a literal character its own offset, an expanded one the text that produced
 * it (the ARG default it was copied from, or the {@code $NAME} reference when that is unknown).
 */
final class ValueText {
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private ValueText(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** Text that stands as written at {@code range}, or that came from {@code range} as a whole. */
    static ValueText at(String text, TextRange range) {
        Builder b = new Builder();
        boolean verbatim = text.length() == range.end() - range.start();
        for (int i = 0; i < text.length(); i++) {
            if (verbatim) {
                b.append(text.charAt(i), range.start() + i, range.start() + i + 1);
            } else {
                b.append(text.charAt(i), range.start(), range.end());
            }
        }
        return b.build();
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** The file range of characters {@code [start, end)}. */
    TextRange range(int start, int end) {
        if (text.isEmpty()) {
            return TextRange.at(0);
        }
        if (start >= end) {
            int at = Math.min(start, text.length() - 1);
            return TextRange.at(start >= text.length() ? ends[at] : starts[at]);
        }
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        for (int i = start; i < end; i++) {
            from = Math.min(from, starts[i]);
            to = Math.max(to, ends[i]);
        }
        return new TextRange(from, to);
    }

    /** Whether characters {@code [start, end)} are written in the file exactly as they read here. */
    boolean isVerbatim(int start, int end) {
        for (int i = start; i < end; i++) {
            if (ends[i] - starts[i] != 1 || (i > start && starts[i] != starts[i - 1] + 1)) {
                return false;
            }
        }
        return true;
    }

    ValueText substring(int from) {
        return new ValueText(text.substring(from), Arrays.copyOfRange(starts, from, text.length()),
                Arrays.copyOfRange(ends, from, text.length()));
    }

    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[16];
        private int[] ends = new int[16];

        Builder append(char c, int start, int end) {
            if (text.length() == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            starts[text.length()] = start;
            ends[text.length()] = end;
            text.append(c);
            return this;
        }

        Builder append(ValueText value) {
            for (int i = 0; i < value.length(); i++) {
                append(value.text.charAt(i), value.starts[i], value.ends[i]);
            }
            return this;
        }

        int length() {
            return text.length();
        }

        ValueText build() {
            return new ValueText(text.toString(), Arrays.copyOf(starts, text.length()),
                    Arrays.copyOf(ends, text.length()));
        }
    }
}
