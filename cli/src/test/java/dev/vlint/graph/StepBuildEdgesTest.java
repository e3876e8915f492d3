package dev.vlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepBuildEdgesTest {
    @TempDir
    Path dir;

    @Test
    void buildPushActionDefaultsToTheContextsDockerfile() throws IOException {
        write(".github/workflows/release.yml", """
                on: push
                jobs:
                  release:
                    runs-on: [self-hosted, gpu]
                    steps:
                      - uses: actions/checkout@v4
                      - name: cpu image
                        uses: docker/build-push-action@v6
                        with:
                          context: ./images/cpu
                          platforms: |
                            linux/amd64
                            linux/arm64
                      - uses: docker/build-push-action@v6
                        with:
                          context: .
                          file: ./images/../docker/Dockerfile.rocm
                          target: final
                """);
        assertEquals(List.of(
                new BuildEdge(".github/workflows/release.yml", "release", List.of("self-hosted", "gpu"),
                        "images/cpu/Dockerfile", null, List.of("linux/amd64", "linux/arm64")),
                new BuildEdge(".github/workflows/release.yml", "release", List.of("self-hosted", "gpu"),
                        "docker/Dockerfile.rocm", "final", List.of())), edges());
    }

    @Test
    void otherActionsAndRunStepsAreNotBuilds() throws IOException {
        write(".github/workflows/lint.yml", """
                on: push
                jobs:
                  lint:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/setup-buildx-action@v3
                      - run: docker build -f Dockerfile .
                """);
        assertEquals(List.of(), edges());
    }

    @Test
    void bakeTargetsInheritAndResolveAgainstTheBakeFilesFolder() throws IOException {
        write("build/docker-bake.hcl", """
                target "_common" {
                  context = "../src"
                  platforms = ["linux/amd64"]
                }
                target "server" {
                  inherits = ["_common"]
                  dockerfile = "Dockerfile.server"
                  target = "runtime"
                }
                """);
        assertEquals(List.of(
                new BuildEdge("build/docker-bake.hcl", "_common", List.of(), "src/Dockerfile", null,
                        List.of("linux/amd64")),
                new BuildEdge("build/docker-bake.hcl", "server", List.of(), "src/Dockerfile.server", "runtime",
                        List.of("linux/amd64"))), edges());
    }

    private List<BuildEdge> edges() {
        return new StepBuildEdges().edges(GraphFixtures.load(dir));
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
