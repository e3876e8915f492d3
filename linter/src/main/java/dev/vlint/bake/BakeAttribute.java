package dev.vlint.bake;

import dev.vlint.source.TextRange;

/** {@code name = value} in a block, or one entry of a map value; {@code range} covers both. */
public record BakeAttribute(String name, TextRange nameRange, BakeValue value, TextRange range) {}
