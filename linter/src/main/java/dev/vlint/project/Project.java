package dev.vlint.project;

import dev.vlint.config.Config;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** All files of one lint run and what can be learned across them. */
public final class Project {
    private final Path root;
    private final List<ProjectFile> files;
    private final Map<String, ProjectFile> byPath = new LinkedHashMap<>();
    private final Config config;
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    public Project(Path root, List<ProjectFile> files, Config config) {
        this.root = root;
        this.files = List.copyOf(files);
        this.config = config;
        for (ProjectFile file : this.files) {
            byPath.put(file.path(), file);
        }
    }

    public Path root() {
        return root;
    }

    public List<ProjectFile> files() {
        return files;
    }

    /** The file at a root-relative path, or null. */
    public ProjectFile file(String path) {
        return byPath.get(path);
    }

    public List<ProjectFile> files(FileKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    public Config config() {
        return config;
    }

    /**
     * A model computed from the whole project (e.g. which workflow builds which Dockerfile),
     * built once on first use; {@code key} is usually the function's owner class.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<Project, T> compute) {
        T value = (T) derived.get(key);
        if (value == null) {
            value = compute.apply(this);
            T previous = (T) derived.putIfAbsent(key, value);
            return previous != null ? previous : value;
        }
        return value;
    }
}
