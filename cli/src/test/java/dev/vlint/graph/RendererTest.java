package dev.vlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.graph.BuildGraph.Cluster;
import dev.vlint.graph.BuildGraph.Edge;
import dev.vlint.graph.BuildGraph.EdgeKind;
import dev.vlint.graph.BuildGraph.FindingCounts;
import dev.vlint.graph.BuildGraph.Node;
import dev.vlint.graph.BuildGraph.NodeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
    /** Two stages (one with an error, one with a warning), a base image and a job; one label needs escaping. */
    static final BuildGraph SMALL = new BuildGraph(
            List.of(new Cluster("dockerfile:Dockerfile", "Dockerfile", new FindingCounts(0, 0, 1))),
            List.of(new Node("stage:Dockerfile#0", NodeKind.STAGE, List.of("build (0)", "1 error"),
                            "dockerfile:Dockerfile", new FindingCounts(1, 0, 0)),
                    new Node("stage:Dockerfile#1", NodeKind.STAGE, List.of("end (1)", "1 warning"),
                            "dockerfile:Dockerfile", new FindingCounts(0, 1, 0)),
                    new Node("image:nvidia/cuda:12.8.1-devel-ubuntu22.04", NodeKind.IMAGE,
                            List.of("nvidia/cuda:12.8.1-devel-ubuntu22.04", "CUDA 12.8.1"), null, FindingCounts.NONE),
                    new Node("job:ci.yml#build", NodeKind.JOB,
                            List.of("job \"build\" #1 <x> & C:\\y ${{ matrix.os }}"), null, FindingCounts.NONE)),
            List.of(new Edge("image:nvidia/cuda:12.8.1-devel-ubuntu22.04", "stage:Dockerfile#0", EdgeKind.FROM, "FROM"),
                    new Edge("stage:Dockerfile#0", "stage:Dockerfile#1", EdgeKind.COPY_FROM, "COPY --from"),
                    new Edge("stage:Dockerfile#0", "stage:Dockerfile#1", EdgeKind.MOUNT_FROM, "mount cache"),
                    new Edge("job:ci.yml#build", "stage:Dockerfile#1", EdgeKind.BUILDS, "builds linux/amd64")));

    @Test
    void mermaid() {
        assertEquals("""
                flowchart LR
                  subgraph dockerfile_Dockerfile["Dockerfile · 1 note"]
                    stage_Dockerfile_0["build (0)<br/>1 error"]
                    stage_Dockerfile_1["end (1)<br/>1 warning"]
                  end
                  image_cuda_12_8_1_devel_ubuntu22_04[("nvidia/cuda:12.8.1-devel-ubuntu22.04<br/>CUDA 12.8.1")]
                  job_ci_yml_build{{"job #quot;build#quot; #35;1 #lt;x#gt; #amp; C:\\y $#123;#123; matrix.os #125;#125;"}}
                  image_cuda_12_8_1_devel_ubuntu22_04 -->|"FROM"| stage_Dockerfile_0
                  stage_Dockerfile_0 -.->|"COPY --from"| stage_Dockerfile_1
                  stage_Dockerfile_0 -.->|"mount cache"| stage_Dockerfile_1
                  job_ci_yml_build ==>|"builds linux/amd64"| stage_Dockerfile_1
                  classDef error fill:#fde2e2,stroke:#c62828,color:#000
                  classDef warning fill:#fff4d6,stroke:#b26a00,color:#000
                  class stage_Dockerfile_0 error
                  class stage_Dockerfile_1 warning
                """, MermaidRenderer.render(SMALL));
    }

    @Test
    void dot() {
        assertEquals("""
                digraph vlint {
                  rankdir=LR;
                  graph [fontname="Helvetica"];
                  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];
                  edge [fontname="Helvetica", fontsize=10];
                  subgraph "cluster_0" {
                    label="Dockerfile\\n1 note";
                    "stage:Dockerfile#0" [label="build (0)\\n1 error", color="#c62828", fillcolor="#fde2e2"];
                    "stage:Dockerfile#1" [label="end (1)\\n1 warning", color="#b26a00", fillcolor="#fff4d6"];
                  }
                  "image:nvidia/cuda:12.8.1-devel-ubuntu22.04" [label="nvidia/cuda:12.8.1-devel-ubuntu22.04\\nCUDA 12.8.1", shape=cylinder];
                  "job:ci.yml#build" [label="job \\"build\\" #1 <x> & C:\\\\y ${{ matrix.os }}", shape=hexagon];
                  "image:nvidia/cuda:12.8.1-devel-ubuntu22.04" -> "stage:Dockerfile#0" [label="FROM", style=solid];
                  "stage:Dockerfile#0" -> "stage:Dockerfile#1" [label="COPY --from", style=dashed];
                  "stage:Dockerfile#0" -> "stage:Dockerfile#1" [label="mount cache", style=dotted];
                  "job:ci.yml#build" -> "stage:Dockerfile#1" [label="builds linux/amd64", style=bold];
                }
                """, DotRenderer.render(SMALL));
    }

    @Test
    void mermaidIdsStayUniqueWhenKeysSanitizeAlike() {
        BuildGraph graph = new BuildGraph(List.of(),
                List.of(new Node("image:a/b:1.0", NodeKind.IMAGE, List.of("a/b:1.0"), null, FindingCounts.NONE),
                        new Node("image:c/b:1-0", NodeKind.IMAGE, List.of("c/b:1-0"), null, FindingCounts.NONE)),
                List.of(new Edge("image:a/b:1.0", "image:c/b:1-0", EdgeKind.COPY_FROM, "COPY --from")));
        String mermaid = MermaidRenderer.render(graph);
        assertEquals(List.of("  image_b_1_0[(\"a/b:1.0\")]", "  image_b_1_0_2[(\"c/b:1-0\")]",
                "  image_b_1_0 -.->|\"COPY --from\"| image_b_1_0_2"), mermaid.lines().skip(1).limit(3).toList());
    }

    @Test
    void renderingTheSameProjectTwiceGivesTheSameText() {
        BuildGraph first = GraphFixtures.graph(GraphFixtures.sampleProject(), List.of());
        BuildGraph second = GraphFixtures.graph(GraphFixtures.sampleProject(), List.of());
        assertEquals(MermaidRenderer.render(first), MermaidRenderer.render(second));
        assertEquals(DotRenderer.render(first), DotRenderer.render(second));
    }
}
