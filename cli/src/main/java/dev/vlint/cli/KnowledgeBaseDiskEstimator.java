package dev.vlint.cli;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fixers.build.BuildCommandLine;
import dev.vlint.fixers.build.DiskEstimator;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.source.SourceFile;
import java.util.List;
import java.util.OptionalLong;

/**
 * Estimates the disk one platform's build needs as the uncompressed size of the registry image
 * the final stage starts from (following {@code FROM <stage>} chains), per the knowledge base.
 */
final class KnowledgeBaseDiskEstimator implements DiskEstimator {
    private static final double BYTES_PER_GB = 1e9;

    @Override
    public OptionalLong bytesPerPlatform(SourceFile dockerfile, BuildCommandLine command) {
        Dockerfile parsed = DockerfileParser.parse(dockerfile).model();
        if (parsed == null || parsed.stages().isEmpty()) {
            return OptionalLong.empty();
        }
        List<Stage> stages = parsed.stages();
        Stage stage = stages.get(stages.size() - 1);
        while (stage.baseStage() >= 0) {
            stage = stages.get(stage.baseStage());
        }
        String platform = command.platforms().isEmpty() ? "linux/amd64" : command.platforms().get(0);
        return KnowledgeBase.bundled().images().resolve(stage.expandedBaseImage())
                .flatMap(facts -> facts.size(platform))
                .map(size -> OptionalLong.of((long) (size.uncompressedOrEstimate() * BYTES_PER_GB)))
                .orElse(OptionalLong.empty());
    }
}
