package dev.vlint.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A {@code .vlint.yaml} that cannot be used, with every mistake found in it and its place. */
public final class ConfigException extends Exception {
    /** One mistake, at a 1-based line and column. */
    public record Problem(int line, int column, String message) {}

    private final Path file;
    private final List<Problem> problems;

    public ConfigException(Path file, List<Problem> problems) {
        super(problems.stream().map(p -> file + ":" + p.line() + ":" + p.column() + ": " + p.message())
                .collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a config error needs a problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Path file, int line, int column, String problem) {
        this(file, List.of(new Problem(line, column, problem)));
    }

    public Path file() {
        return file;
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The line of the first problem. */
    public int line() {
        return problems.get(0).line();
    }

    /** The column of the first problem. */
    public int column() {
        return problems.get(0).column();
    }

    /** The first problem's message without the location prefix. */
    public String problem() {
        return problems.get(0).message();
    }
}
