package dev.vlint.project;

import dev.vlint.source.TextRange;

/** Why (part of) a file could not be parsed, and where; reported as VL001. */
public record ParseProblem(TextRange range, String message) {}
