package dev.vlint.startos;

import dev.vlint.source.TextRange;

/** A {@code //} or {@code /* *}{@code /} comment; {@code text} is without the comment markers. */
public record TsComment(TextRange range, String text, boolean block) {}
