package dev.vlint.dockerfile;

import dev.vlint.source.TextRange;

/** A piece of an instruction as BuildKit's parser sees it, and where it came from in the file. */
public record Word(String text, TextRange range) {}
