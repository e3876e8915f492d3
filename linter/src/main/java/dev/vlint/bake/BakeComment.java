package dev.vlint.bake;

import dev.vlint.source.TextRange;

/** A {@code #}, {@code //} or {@code /* *}{@code /} comment; {@code text} without its markers. */
public record BakeComment(TextRange range, String text) {}
