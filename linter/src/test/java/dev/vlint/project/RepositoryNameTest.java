package dev.vlint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryNameTest {
    @TempDir
    Path root;

    @Test
    void readsOwnerAndNameFromEveryFormOfRemoteUrl() {
        assertEquals(Optional.of("acme/gpu-images"), RepositoryName.fromUrl("https://github.com/acme/gpu-images.git"));
        assertEquals(Optional.of("acme/gpu-images"), RepositoryName.fromUrl("https://github.com/acme/gpu-images/"));
        assertEquals(Optional.of("acme/gpu-images"), RepositoryName.fromUrl("git@github.com:acme/gpu-images.git"));
        assertEquals(Optional.of("acme/gpu.images"), RepositoryName.fromUrl("ssh://git@github.com/acme/gpu.images"));
        assertEquals(Optional.empty(), RepositoryName.fromUrl("/srv/mirror"));
        assertEquals(Optional.empty(), RepositoryName.fromUrl("file:///srv/mirror/gpu-images.git"));
        assertEquals(Optional.empty(), RepositoryName.fromUrl(null));
    }

    @Test
    void aCloneIsNamedByItsOriginAndTheConfigWins() throws Exception {
        try (Git git = Git.init().setDirectory(root.resolve("clone").toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "git@github.com:acme/gpu-images.git");
            config.save();
        }
        Files.createDirectories(root.resolve("clone/.github/workflows"));
        Files.writeString(root.resolve("clone/.github/workflows/ci.yml"), "on: push\n");
        Files.createDirectories(root.resolve("plain"));
        Files.writeString(root.resolve("plain/Dockerfile"), "FROM scratch\n");

        Project project = ProjectLoader.load(root, List.of(root), Config.DEFAULT, note -> {});
        assertEquals(Optional.of("acme/gpu-images"), RepositoryName.of(project, "clone/.github/workflows/ci.yml"));
        assertEquals(Optional.empty(), RepositoryName.of(project, "plain/Dockerfile"));

        Config named = new Config(Map.of(), List.of(), Config.Targets.NONE, Config.DEFAULT.images(), null,
                new Config.Workflows(Map.of(), List.of(), List.of(), "acme/other"));
        Project configured = ProjectLoader.load(root, List.of(root), named, note -> {});
        assertEquals(Optional.of("acme/other"), RepositoryName.of(configured, "clone/.github/workflows/ci.yml"));
    }
}
