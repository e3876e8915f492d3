package dev.vlint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> paths(Project project) {
        return project.files().stream().map(ProjectFile::path).toList();
    }

    private static Config ignoring(String... globs) {
        return new Config(java.util.Map.of(), List.of(globs), Config.Targets.NONE);
    }

    @Test
    void gitIgnoreRulesAtEveryLevelAreHonoured(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        write(dir, ".gitignore", "build/\n*.log\n");
        write(dir, ".git/info/exclude", "secret/\n");
        write(dir, "sub/.gitignore", "Dockerfile.local\n");
        for (String path : List.of("Dockerfile", "build/Dockerfile", "sub/Dockerfile", "sub/Dockerfile.local",
                "secret/Dockerfile", "third_party/x/Dockerfile", "node_modules/pkg/Dockerfile")) {
            write(dir, path, "FROM scratch\n");
        }
        List<String> notes = new ArrayList<>();
        Project project = ProjectLoader.load(dir, List.of(dir), ignoring("third_party/**"), notes::add);
        assertEquals(List.of("Dockerfile", "node_modules/pkg/Dockerfile", "sub/Dockerfile"), paths(project));
        assertTrue(notes.isEmpty(), notes.toString());
    }

    @Test
    void filesThatBuildsNameAreReadWhateverTheirNames(@TempDir Path dir) throws Exception {
        write(dir, ".github/workflows/ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/build-push-action@v6
                        with:
                          file: docker/gpu.build
                      - run: docker buildx build -f images/base.txt .
                      - uses: docker/bake-action@v6
                        with:
                          files: |
                            shared/versions.hcl
                            docker-bake.hcl
                """);
        write(dir, "docker-bake.hcl", "target \"t\" {\n  dockerfile = \"ci/cpu.image\"\n}\n");
        write(dir, "Makefile", "IMG ?= x\nimage:\n\t@docker build -t $(IMG) \\\n\t  -f make/recipe.img .\n");
        write(dir, "compose.yaml", "services:\n  app:\n    build:\n      context: app\n      dockerfile: ../compose/app.df\n");
        for (String path : List.of("docker/gpu.build", "ci/cpu.image", "make/recipe.img", "compose/app.df",
                "images/base.txt", "unrelated.build")) {
            write(dir, path, "FROM ubuntu:24.04\n");
        }
        write(dir, "shared/versions.hcl", "V = \"1\"\n");
        Project project = ProjectLoader.load(dir, List.of(dir), Config.DEFAULT, n -> { });
        assertEquals(List.of("ci/cpu.image", "compose/app.df", "docker/gpu.build", "make/recipe.img"),
                project.files(FileKind.DOCKERFILE).stream().map(ProjectFile::path).toList(),
                "a .txt named by -f is clearly not a Dockerfile; an unnamed file stays unread");
        assertEquals(List.of("docker-bake.hcl", "shared/versions.hcl"),
                project.files(FileKind.BAKE).stream().map(ProjectFile::path).toList());
        assertTrue(project.file("Makefile") == null && project.file("compose.yaml") == null,
                "Makefiles and compose files are read for their builds only");
    }

    @Test
    void dockerfileNamesWithSuffixesAndPrefixes(@TempDir Path dir) throws Exception {
        for (String path : List.of("Dockerfile_amd", "Dockerfile-cuda", "builder/Dockerfile_2_28", "cuda.Dockerfile",
                "x.dockerfile", "Containerfile.rhel", "dockerfile.dev", "Qwen2VL_Dockerfile")) {
            write(dir, path, "FROM ubuntu:24.04\n");
        }
        write(dir, "tools/generate-dockerfile", "#!/bin/sh\necho FROM x\n");
        write(dir, "scripts/Dockerfile.tools", "#!/usr/bin/env bash\n# a comment for BuildKit\nFROM x\n");
        Project project = ProjectLoader.load(dir, List.of(dir), Config.DEFAULT, n -> { });
        assertEquals(List.of("Containerfile.rhel", "Dockerfile-cuda", "Dockerfile_amd", "Qwen2VL_Dockerfile",
                "builder/Dockerfile_2_28", "cuda.Dockerfile", "dockerfile.dev", "scripts/Dockerfile.tools",
                "x.dockerfile"), project.files(FileKind.DOCKERFILE).stream().map(ProjectFile::path).toList());
        assertEquals(FileKind.SHELL, project.file("tools/generate-dockerfile").kind());
    }

    @Test
    void namedSubfolderOfAWorkTree(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        write(dir, ".gitignore", "*.local\n");
        write(dir, "a/b/Dockerfile", "FROM x\n");
        write(dir, "a/b/Dockerfile.local", "FROM x\n");
        write(dir, "ab/Dockerfile", "FROM x\n");
        Project project = ProjectLoader.load(dir, List.of(dir.resolve("a")), Config.DEFAULT, n -> { });
        assertEquals(List.of("a/b/Dockerfile"), paths(project));
    }

    @Test
    void explicitlyNamedFilesAreReadEvenWhenIgnored(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        write(dir, ".gitignore", "build/\n");
        write(dir, "build/Dockerfile", "FROM x\n");
        write(dir, "third_party/Dockerfile", "FROM x\n");
        Project project = ProjectLoader.load(dir, List.of(dir.resolve("build/Dockerfile"),
                dir.resolve("third_party/Dockerfile")), ignoring("third_party/**"), n -> { });
        assertEquals(List.of("build/Dockerfile", "third_party/Dockerfile"), paths(project));
    }

    @Test
    void outsideGitEverythingButIgnorePathsIsWalked(@TempDir Path dir) throws Exception {
        write(dir, ".gitignore", "build/\n");
        write(dir, "build/Dockerfile", "FROM x\n");
        write(dir, "vendor/Dockerfile", "FROM x\n");
        write(dir, "requirements.txt", "torch\n");
        Project project = ProjectLoader.load(dir, List.of(dir), ignoring("vendor/**"), n -> { });
        assertEquals(List.of("build/Dockerfile", "requirements.txt"), paths(project));
        assertEquals(FileKind.REQUIREMENTS, project.file("requirements.txt").kind());
    }

    @Test
    void binariesLargeFilesAndLinkLoopsGetNotes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.write(dir.resolve("a/Dockerfile"), new byte[] {'F', 0, 'X'});
        Files.write(dir.resolve("Dockerfile.big"), new byte[(int) ProjectLoader.MAX_FILE_BYTES + 1]);
        Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));
        List<String> notes = new ArrayList<>();
        Project project = ProjectLoader.load(dir, List.of(dir, dir.resolve("missing")), Config.DEFAULT, notes::add);
        assertTrue(project.files().isEmpty(), paths(project).toString());
        assertTrue(notes.contains("a/Dockerfile: skipped, binary content"), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Dockerfile.big: skipped")), notes.toString());
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("a/loop")), "a folder link is not followed: " + notes);
        assertTrue(notes.contains("missing: no such file or folder"), notes.toString());
    }

    @Test
    void aFileNamedTwiceIsLintedOnce(@TempDir Path dir) throws Exception {
        write(dir, "Dockerfile", "FROM x\n");
        Project project = ProjectLoader.load(dir, List.of(dir, dir.resolve("Dockerfile")), Config.DEFAULT, n -> { });
        assertEquals(List.of("Dockerfile"), paths(project));
    }

    @Test
    void linksToFilesInsideTheRootAreLintedAndTheOthersNamed(@TempDir Path dir) throws Exception {
        for (boolean git : List.of(true, false)) {
            Path repo = Files.createDirectories(dir.resolve(git ? "git" : "plain"));
            if (git) {
                Git.init().setDirectory(repo.toFile()).call().close();
            }
            write(repo, "docker/cuda.df", "FROM nvidia/cuda:12.8.1-devel-ubuntu24.04\n");
            write(repo, "docker/Dockerfile.cpu", "FROM ubuntu:24.04\n");
            write(dir, "elsewhere/Dockerfile", "FROM scratch\n");
            Files.createSymbolicLink(repo.resolve("Dockerfile"), Path.of("docker/cuda.df"));
            Files.createSymbolicLink(repo.resolve("Dockerfile.cpu"), Path.of("docker/Dockerfile.cpu"));
            Files.createSymbolicLink(repo.resolve("Dockerfile.outside"), dir.resolve("elsewhere/Dockerfile"));
            Files.createSymbolicLink(repo.resolve("Dockerfile.broken"), Path.of("docker/gone"));
            List<String> notes = new ArrayList<>();
            Project project = ProjectLoader.load(repo, List.of(repo), Config.DEFAULT, notes::add);
            assertEquals(List.of("Dockerfile", "docker/Dockerfile.cpu"), paths(project), "git: " + git);
            assertEquals("FROM nvidia/cuda:12.8.1-devel-ubuntu24.04\n", project.file("Dockerfile").source().text());
            assertEquals(List.of(
                    "Dockerfile.broken: skipped, broken symbolic link (its target does not exist)",
                    "Dockerfile.cpu: skipped, symbolic link to docker/Dockerfile.cpu, which is linted itself",
                    "Dockerfile.outside: skipped, symbolic link to " + dir.resolve("elsewhere/Dockerfile").toRealPath()
                            + ", outside the lint root " + repo.toAbsolutePath().normalize()),
                    notes.stream().sorted().toList(), "git: " + git);
            List<String> named = new ArrayList<>();
            assertEquals(List.of(), paths(ProjectLoader.load(repo, List.of(repo.resolve("Dockerfile.outside")),
                    Config.DEFAULT, named::add)), "a link named explicitly follows the same rule");
            assertEquals(1, named.size(), named.toString());
        }
    }
}
