package dev.vlint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the git work tree that holds a path. */
final class GitRoot {
    private GitRoot() {}

    /** The nearest folder at or above {@code path} that has a {@code .git} folder or file (worktrees). */
    static Optional<Path> find(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        for (Path current = dir; current != null; current = current.getParent()) {
            if (Files.exists(current.resolve(".git"))) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }
}
