package dev.vlint.config;

import java.nio.file.Path;

/** A config file that cannot be used; the CLI reports it with the file and line and exits with 2. */
public class ConfigException extends RuntimeException {
    private final Path file;
    private final int line;
    private final int column;

    /**
     * @param line 1-based line of the problem, or 0 when it concerns the whole file
     * @param column 1-based column, or 0 when unknown
     */
    public ConfigException(Path file, int line, int column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
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

    /** {@code file:line:column: message}, leaving out what is unknown. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(getMessage()).toString();
    }
}
