package dev.vlint.fix;

import dev.vlint.source.TextRange;

/** Replace the text in {@code range} with {@code replacement}; an empty range inserts. */
public record Edit(TextRange range, String replacement) {
    public static Edit delete(TextRange range) {
        return new Edit(range, "");
    }

    public static Edit insert(int offset, String text) {
        return new Edit(TextRange.at(offset), text);
    }
}
