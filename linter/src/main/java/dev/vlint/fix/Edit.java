package dev.vlint.fix;

import dev.vlint.source.TextRange;

/**
 * Replace the text in {@code range} with {@code replacement}; an empty range inserts.
 *
 * @param declares what the edit declares for the fix it belongs to (e.g. {@code ARG TARGETARCH in
 *     stage 1}), or null. Fixes of one round are computed from the same text, so two of them may
 *     each add the same declaration; of the edits that declare the same thing in one round only the
 *     first is applied, and the rule must name the thing so that the first one serves the others
 *     (the earliest place in the file that they all share).
 */
public record Edit(TextRange range, String replacement, String declares) {
    public Edit(TextRange range, String replacement) {
        this(range, replacement, null);
    }

    public static Edit delete(TextRange range) {
        return new Edit(range, "");
    }

    public static Edit insert(int offset, String text) {
        return new Edit(TextRange.at(offset), text);
    }

    /** An insertion that declares {@code what}; see {@link #declares}. */
    public static Edit declaration(int offset, String text, String what) {
        return new Edit(TextRange.at(offset), text, what);
    }
}
