package dev.vlint.source;

/** A 1-based line and 1-based column; columns count UTF-16 code units, as SARIF does by default. */
public record Position(int line, int column) {}
