package dev.vlint.project;

import dev.vlint.config.Config;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** All files of one lint run and what can be learned across them. */
public final class Project {
    private final Path root;
    private final List<ProjectFile> files;
    private final Map<String, ProjectFile> byPath = new LinkedHashMap<>();
    private final Config config;

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
}
