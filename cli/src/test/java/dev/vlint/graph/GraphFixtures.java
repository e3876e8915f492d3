package dev.vlint.graph;

import dev.vlint.config.Config;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectLoader;
import dev.vlint.rule.Finding;
import java.nio.file.Path;
import java.util.List;

/** The sample projects the graph tests draw. */
final class GraphFixtures {
    private GraphFixtures() {}

    /**
     * A CUDA Dockerfile, a CPU Dockerfile, a workflow with two jobs and a bake file; read from the
     * source tree, because under target/ git would ignore it.
     */
    static Project sampleProject() {
        return load(Path.of("src/test/resources/graph/project").toAbsolutePath());
    }

    /** The vLLM-like Dockerfile of the dump fixtures. */
    static Project vllmDockerfile() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        return ProjectLoader.load(root, List.of(root.resolve("fixtures/dump/vllm-cuda-build/Dockerfile")),
                Config.DEFAULT, note -> { });
    }

    static BuildGraph graph(Project project, List<Finding> findings) {
        return new GraphBuilder(KnowledgeBase.bundled().images(), new ModelBuildEdges()).build(project, findings);
    }

    static Project load(Path root) {
        return ProjectLoader.load(root, List.of(root), Config.DEFAULT, note -> { });
    }
}
