package dev.vlint.config;

import java.nio.file.Path;

/** A {@code .vlint.yaml} that cannot be used, with the place of the mistake (1-based line and column). */
public final class ConfigException extends Exception {
    private final Path file;
    private final int line;
    private final int column;
    private final String problem;

    public ConfigException(Path file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }
}
