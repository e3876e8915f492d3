package dev.vlint.shell;

import dev.vlint.source.TextRange;

/** A {@code # ...} comment; {@code text} starts with the {@code #}. */
public record Comment(String text, TextRange range) {}
