package dev.vlint.project;

import dev.vlint.source.SourceFile;
import java.util.function.Function;

/**
 * Names a parsed model of a file (a Dockerfile, a workflow, ...) and the parser that builds it.
 * {@link ProjectFile#parse(ModelKey)} runs each parser at most once per file.
 */
public final class ModelKey<T> {
    private final String name;
    private final Function<SourceFile, Parsed<T>> parser;

    public ModelKey(String name, Function<SourceFile, Parsed<T>> parser) {
        this.name = name;
        this.parser = parser;
    }

    public String name() {
        return name;
    }

    Parsed<T> parse(SourceFile file) {
        return parser.apply(file);
    }

    @Override
    public String toString() {
        return name;
    }
}
