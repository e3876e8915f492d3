package dev.vlint.bake;

import dev.vlint.source.TextRange;

/** {@code name = expression} in a body; {@code range} covers both. */
public record BakeAttribute(String name, TextRange nameRange, HclExpr expr, TextRange range) {}
