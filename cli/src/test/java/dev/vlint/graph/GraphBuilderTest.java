package dev.vlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.graph.BuildGraph.Edge;
import dev.vlint.graph.BuildGraph.EdgeKind;
import dev.vlint.graph.BuildGraph.FindingCounts;
import dev.vlint.graph.BuildGraph.Node;
import dev.vlint.graph.BuildGraph.NodeKind;
import dev.vlint.project.Project;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphBuilderTest {
    private static final String DOCKERFILE = "docker/Dockerfile";
    private static final String WORKFLOW = ".github/workflows/docker.yml";

    @TempDir
    Path dir;

    private final Project sample = GraphFixtures.sampleProject();

    @Test
    void stagesAreLabelledByNameAndIndexInTheirDockerfileCluster() {
        BuildGraph graph = GraphFixtures.graph(sample, List.of());
        assertEquals(List.of("docker/Dockerfile", "docker/Dockerfile.cpu"),
                graph.clusters().stream().map(BuildGraph.Cluster::label).toList());
        List<List<String>> labels = graph.nodes().stream()
                .filter(n -> ("dockerfile:" + DOCKERFILE).equals(n.cluster())).map(Node::label).toList();
        assertEquals(List.of(List.of("base (0)"), List.of("uv (1)", "platform $BUILDPLATFORM"), List.of("build (2)"),
                List.of("runtime (3)"), List.of("test (4)"), List.of("openai (5)")), labels);
    }

    @Test
    void edgesFollowFromCopyAndMounts() {
        List<Edge> edges = GraphFixtures.graph(sample, List.of()).edges().stream()
                .filter(e -> e.to().startsWith("stage:" + DOCKERFILE + "#")).filter(e -> e.kind() != EdgeKind.BUILDS)
                .toList();
        assertEquals(List.of(
                edge("image:nvidia/cuda:12.8.1-devel-ubuntu22.04", stage(0), EdgeKind.FROM, "FROM"),
                edge("image:ghcr.io/astral-sh/uv:0.8", stage(1), EdgeKind.FROM, "FROM"),
                edge(stage(0), stage(2), EdgeKind.FROM, "FROM"),
                edge("image:nvidia/cuda:12.8.1-runtime-ubuntu22.04", stage(3), EdgeKind.FROM, "FROM"),
                edge(stage(3), stage(4), EdgeKind.FROM, "FROM"),
                edge(stage(3), stage(5), EdgeKind.FROM, "FROM"),
                // COPY --from=uv by name, then --from=1 by index: both the uv stage
                edge(stage(1), stage(2), EdgeKind.COPY_FROM, "COPY --from"),
                edge(stage(1), stage(3), EdgeKind.COPY_FROM, "COPY --from"),
                edge("image:busybox:1.36", stage(3), EdgeKind.COPY_FROM, "COPY --from"),
                edge(stage(2), stage(3), EdgeKind.MOUNT_FROM, "mount bind"),
                edge(stage(2), stage(4), EdgeKind.MOUNT_FROM, "mount cache")), edges);
    }

    @Test
    void jobsAndBakeTargetsBuildTheirTargetStage() {
        BuildGraph graph = GraphFixtures.graph(sample, List.of());
        List<Edge> builds = graph.edges().stream().filter(e -> e.kind() == EdgeKind.BUILDS).toList();
        assertEquals(List.of(
                edge("job:" + WORKFLOW + "#openai", stage(5), EdgeKind.BUILDS, "builds linux/amd64, linux/arm64"),
                // platforms: ${{ matrix.platform }} stands for the matrix's values
                edge("job:" + WORKFLOW + "#tests", stage(4), EdgeKind.BUILDS, "builds linux/amd64, linux/arm64"),
                edge("bake:docker-bake.hcl#cpu", "stage:docker/Dockerfile.cpu#0", EdgeKind.BUILDS,
                        "builds linux/amd64, linux/arm64")), builds);
        assertEquals(List.of("job tests", WORKFLOW, "runs-on ubuntu-24.04, ubuntu-24.04-arm"),
                node(graph, "job:" + WORKFLOW + "#tests").label());
        assertEquals(NodeKind.BAKE_TARGET, node(graph, "bake:docker-bake.hcl#cpu").kind());
    }

    @Test
    void baseImagesShowKnowledgeBaseFacts() throws IOException {
        write("Dockerfile", "FROM nvcr.io/nvidia/pytorch:24.01-py3 AS ngc\nFROM alpine:3.20\nCOPY --from=ngc /x /x\n");
        BuildGraph graph = GraphFixtures.graph(GraphFixtures.load(dir), List.of());
        assertEquals(List.of("nvcr.io/nvidia/pytorch:24.01-py3", "CUDA 12.3.2 · torch 2.2.0a0+81ea7a4 · Python 3.10"),
                node(graph, "image:nvcr.io/nvidia/pytorch:24.01-py3").label());
        assertEquals(List.of("alpine:3.20"), node(graph, "image:alpine:3.20").label());
        assertEquals(List.of("unnamed (1)"), node(graph, "stage:Dockerfile#1").label());
    }

    @Test
    void fromValuesAreExpandedAndLaterStagesAreImages() throws IOException {
        write("Dockerfile", """
                FROM alpine AS first
                ARG SRC=first
                FROM alpine AS second
                ARG SRC=first
                COPY --from=${SRC} /a /a
                COPY --from=third /b /b
                FROM alpine AS third
                """);
        List<Edge> copies = GraphFixtures.graph(GraphFixtures.load(dir), List.of()).edges().stream()
                .filter(e -> e.kind() == EdgeKind.COPY_FROM).toList();
        assertEquals(List.of(edge("stage:Dockerfile#0", "stage:Dockerfile#1", EdgeKind.COPY_FROM, "COPY --from"),
                edge("image:third", "stage:Dockerfile#1", EdgeKind.COPY_FROM, "COPY --from")), copies);
    }

    @Test
    void nodesCountTheFindingsInsideThem() {
        SourceFile dockerfile = sample.file(DOCKERFILE).source();
        SourceFile workflow = sample.file(WORKFLOW).source();
        List<Finding> findings = List.of(
                at(dockerfile, "apt-get update", Severity.ERROR),
                at(dockerfile, "--no-install-recommends", Severity.WARNING),
                at(dockerfile, "TORCH_CUDA_ARCH_LIST", Severity.NOTE),
                at(dockerfile, "ARG CUDA_VERSION", Severity.WARNING),
                at(dockerfile, "pytest", Severity.ERROR).withSuppression("known"),
                at(workflow, "platforms: ${{", Severity.WARNING));
        BuildGraph graph = GraphFixtures.graph(sample, findings);
        Node base = node(graph, stage(0));
        assertEquals(new FindingCounts(1, 1, 0), base.findings());
        assertEquals(List.of("base (0)", "1 error · 1 warning"), base.label());
        assertEquals(new FindingCounts(0, 0, 1), node(graph, stage(2)).findings());
        assertEquals(FindingCounts.NONE, node(graph, stage(4)).findings(), "suppressed findings do not count");
        assertEquals(new FindingCounts(0, 1, 0), graph.clusters().get(0).findings(), "global ARG belongs to the file");
        assertEquals(new FindingCounts(0, 1, 0), node(graph, "job:" + WORKFLOW + "#tests").findings());
        assertEquals(FindingCounts.NONE, node(graph, "job:" + WORKFLOW + "#openai").findings());
    }

    @Test
    void buildsOfUnknownStagesOrFilesPointAtPlaceholders() throws IOException {
        write("Dockerfile", "FROM alpine AS app\n");
        write(".github/workflows/ci.yml", """
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/build-push-action@v6
                        with:
                          target: missing
                      - uses: docker/build-push-action@v6
                        with:
                          context: "{{defaultContext}}:gpu"
                """);
        BuildGraph graph = GraphFixtures.graph(GraphFixtures.load(dir), List.of());
        assertEquals(List.of("Dockerfile", "target missing", "no such stage"),
                node(graph, "dockerfile:Dockerfile#missing").label());
        assertEquals(List.of("gpu/Dockerfile", "not among the linted files"),
                node(graph, "dockerfile:gpu/Dockerfile").label());
        assertEquals(NodeKind.DOCKERFILE, node(graph, "dockerfile:gpu/Dockerfile").kind());
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Finding at(SourceFile file, String text, Severity severity) {
        int start = file.text().indexOf(text);
        assertTrue(start >= 0, text);
        return new Finding("XT001", severity, "test finding", file, new TextRange(start, start + text.length()));
    }

    private static Node node(BuildGraph graph, String id) {
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + graph.nodes()));
    }

    private static String stage(int index) {
        return "stage:" + DOCKERFILE + "#" + index;
    }

    private static Edge edge(String from, String to, EdgeKind kind, String label) {
        return new Edge(from, to, kind, label);
    }
}
