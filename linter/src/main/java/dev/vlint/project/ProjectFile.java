package dev.vlint.project;

import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Function;

/** A file of the project: where it is, what kind it is, its text, and its parsed models. */
public final class ProjectFile {
    private final Path absolutePath;
    private final FileKind kind;
    private final SourceFile source;
    private final Map<ModelKey<?>, Parsed<?>> models = new ConcurrentHashMap<>();
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    public ProjectFile(Path absolutePath, FileKind kind, SourceFile source) {
        this.absolutePath = absolutePath;
        this.kind = kind;
        this.source = source;
    }

    /** Path relative to the project root, with forward slashes. */
    public String path() {
        return source.path();
    }

    public Path absolutePath() {
        return absolutePath;
    }

    public FileKind kind() {
        return kind;
    }

    public SourceFile source() {
        return source;
    }

    /** Parses the file with the key's parser, once; later calls return the same result. */
    @SuppressWarnings("unchecked")
    public <T> Parsed<T> parse(ModelKey<T> key) {
        return (Parsed<T>) models.computeIfAbsent(key, k -> k.parse(source));
    }

    /**
     * A model computed from this file (not just its text), built once; {@code key} is usually the
     * owner class of {@code compute}.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<ProjectFile, T> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.apply(this);
            Object previous = derived.putIfAbsent(key, value);
            return (T) (previous != null ? previous : value);
        }
        return (T) value;
    }

    /** The parsed model, or null when the file could not be read as one. */
    public <T> T model(ModelKey<T> key) {
        return parse(key).model();
    }

    @Override
    public String toString() {
        return path();
    }
}
