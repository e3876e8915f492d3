package dev.vlint.project;

import dev.vlint.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** All files of one lint run and what can be learned across them. */
public final class Project {
    private final Path root;
    private final List<ProjectFile> files;
    private final Map<String, ProjectFile> byPath = new LinkedHashMap<>();
    private final Map<FileKind, List<ProjectFile>> byKind = new EnumMap<>(FileKind.class);
    private final Set<String> directories = new HashSet<>();
    private final Config config;
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    public Project(Path root, List<ProjectFile> files, Config config) {
        this.root = root;
        this.files = List.copyOf(files);
        this.config = config;
        for (ProjectFile file : this.files) {
            byPath.put(file.path(), file);
            byKind.computeIfAbsent(file.kind(), kind -> new ArrayList<>()).add(file);
            for (int slash = file.path().lastIndexOf('/'); slash > 0; slash = file.path().lastIndexOf('/', slash - 1)) {
                if (!directories.add(file.path().substring(0, slash))) {
                    break;
                }
            }
        }
        byKind.replaceAll((kind, list) -> List.copyOf(list));
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

    /** The files of one kind, in project order. */
    public List<ProjectFile> files(FileKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Whether some file lies under the root-relative directory {@code dir} (at any depth). */
    public boolean holdsFilesUnder(String dir) {
        return directories.contains(dir);
    }

    public Config config() {
        return config;
    }

    /**
     * A model computed from the whole project (e.g. which workflow builds which Dockerfile),
     * built once on first use; {@code key} is usually the function's owner class. Threads that ask
     * at the same time may each build it (only one is kept): waiting instead would make the others
     * idle while one thread parses the files the model reads.
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
