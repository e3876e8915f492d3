package dev.vlint.graph;

import dev.vlint.bake.BakeBlock;
import dev.vlint.bake.BakeFile;
import dev.vlint.bake.BakeParser;
import dev.vlint.buildmodel.BuildInvocation;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import java.util.List;

/** The builds the project's build model found: workflow jobs, the scripts they run, and bake targets. */
public final class ModelBuildEdges implements BuildEdgeSource {
    @Override
    public List<BuildEdge> edges(Project project) {
        return BuildModel.of(project).invocations().stream().map(build -> new BuildEdge(
                build.job() == null ? build.file().path() : build.job().workflow().path(),
                build.job() == null ? bakeTarget(project, build) : build.job().id(),
                build.runnerLabels(),
                build.dockerfile(),
                build.target(),
                build.platforms() == null ? List.of("?") : build.platforms().stream().sorted().toList())).toList();
    }

    /** The bake target a build no job runs comes from (its range is the target block), else null. */
    private static String bakeTarget(Project project, BuildInvocation build) {
        ProjectFile file = project.file(build.file().path());
        BakeFile bake = file == null || file.kind() != FileKind.BAKE ? null : file.model(BakeParser.KEY);
        if (bake == null) {
            return null;
        }
        return bake.targets().stream().filter(block -> block.range().equals(build.range())).map(BakeBlock::name)
                .findFirst().orElse(null);
    }
}
