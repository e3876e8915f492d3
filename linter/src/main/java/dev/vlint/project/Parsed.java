package dev.vlint.project;

import java.util.List;

/**
 * What a parser made of a file. Parsers never throw: they recover, return what they could
 * read, and list the problems. {@code model} is null only when nothing usable was read.
 */
public record Parsed<T>(T model, List<ParseProblem> problems) {
    public Parsed {
        problems = List.copyOf(problems);
    }

    public static <T> Parsed<T> ok(T model) {
        return new Parsed<>(model, List.of());
    }
}
