package dev.vlint.startos;

import dev.vlint.source.TextRange;

/**
 * A TypeScript token. For STRING and TEMPLATE tokens {@code text} is the raw source including
 * quotes; {@link #contentRange()} excludes them.
 */
public record TsToken(Kind kind, String text, TextRange range) {
    public enum Kind { IDENTIFIER, STRING, TEMPLATE, NUMBER, REGEX, PUNCTUATION }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean isPunct(String t) {
        return is(Kind.PUNCTUATION, t);
    }

    /** The range inside the quotes of a string or template (an unterminated one runs to its end). */
    public TextRange contentRange() {
        if (kind != Kind.STRING && kind != Kind.TEMPLATE) {
            return range;
        }
        boolean closed = text.length() >= 2 && text.charAt(text.length() - 1) == text.charAt(0);
        return new TextRange(range.start() + 1, Math.max(range.start() + 1, range.end() - (closed ? 1 : 0)));
    }
}
