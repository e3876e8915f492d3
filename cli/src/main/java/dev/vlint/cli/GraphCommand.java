package dev.vlint.cli;

import dev.vlint.config.ConfigException;
import dev.vlint.engine.Linter;
import dev.vlint.graph.BuildGraph;
import dev.vlint.graph.DotRenderer;
import dev.vlint.graph.GraphBuilder;
import dev.vlint.graph.MermaidRenderer;
import dev.vlint.graph.ModelBuildEdges;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vlint graph [PATH...]}: draws stages, base images and the jobs that build them, marked with findings. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Draw the build as a Mermaid or Graphviz graph: stages, base images, COPY --from and"
                + " mount edges, and the workflow jobs and bake targets that build each Dockerfile.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:graph written", "2:usage or config error", "3:internal error"})
final class GraphCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "PATH", description = "Files and folders to draw (default: .).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "mermaid or dot (default: mermaid).")
    private String format = "mermaid";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the graph to FILE (atomically) instead of standard output.")
    private Path output;

    GraphCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException, ConfigException {
        if (!format.equals("mermaid") && !format.equals("dot")) {
            throw new UsageException("invalid value '" + format + "' for --format; expected one of mermaid, dot");
        }
        List<Path> targets = session.readableTargets(paths);
        Path root = GitRoot.find(targets.get(0)).orElse(session.cwd());
        Project project = ProjectLoader.load(root, targets, session.config(null, root),
                note -> session.err().println("vlint: " + note));
        BuildGraph graph = new GraphBuilder(KnowledgeBase.bundled().images(), new ModelBuildEdges())
                .build(project, new Linter(session.rules()).lint(project));
        String text = format.equals("dot") ? DotRenderer.render(graph) : MermaidRenderer.render(graph);
        if (output == null) {
            session.out().print(text);
            session.out().flush();
        } else {
            LintCommand.writeAtomically(session.cwd().resolve(output), text);
        }
        return Session.OK;
    }

}
