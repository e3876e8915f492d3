package dev.vlint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoriesTest {
    @TempDir
    Path root;

    private Project load() {
        return ProjectLoader.load(root, List.of(root), Config.DEFAULT, note -> {});
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aFolderWithGithubOrGitIsItsOwnRepository() throws IOException {
        write("a/.github/workflows/ci.yml", "on: push\n");
        write("a/pkg/pyproject.toml", "[project]\nname='a'\n");
        write("b/pyproject.toml", "[project]\nname='b'\n");
        Files.writeString(root.resolve("b/.git"), "gitdir: ../.git/modules/b\n");
        write("c/pyproject.toml", "[project]\nname='c'\n");
        Project project = load();
        assertEquals("a", Repositories.rootOf(project, "a/pkg/pyproject.toml"));
        assertEquals("a", Repositories.rootOf(project, "a/.github/workflows/ci.yml"));
        assertEquals("b", Repositories.rootOf(project, "b/pyproject.toml"));
        assertEquals("", Repositories.rootOf(project, "c/pyproject.toml"));
        assertTrue(Repositories.same(project, "a/pkg/pyproject.toml", "a/.github/workflows/ci.yml"));
        assertFalse(Repositories.same(project, "a/pkg/pyproject.toml", "c/pyproject.toml"));
    }
}
