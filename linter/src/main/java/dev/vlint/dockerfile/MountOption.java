package dev.vlint.dockerfile;

import dev.vlint.source.TextRange;

/**
 * One {@code key=value} field of a {@code --mount} flag. {@code key} is lower-case as written
 * (aliases are not folded); {@code value} is empty for a bare key such as {@code ro}.
 */
public record MountOption(String key, String value, TextRange range, TextRange keyRange, TextRange valueRange) {}
