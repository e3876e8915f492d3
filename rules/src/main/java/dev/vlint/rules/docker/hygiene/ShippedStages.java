package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.ProjectFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stages whose files end up in an image others use, as hadolint's cleanup rules see them: the
 * last stage, and every stage another stage is built {@code FROM}.
 */
final class ShippedStages {
    private ShippedStages() {}

    static boolean shipped(ProjectFile file, Stage stage) {
        return file.derived(ShippedStages.class, ShippedStages::compute).contains(stage.index());
    }

    private static Set<Integer> compute(ProjectFile file) {
        Set<Integer> shipped = new HashSet<>();
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        List<Stage> stages = dockerfile == null ? List.of() : dockerfile.stages();
        if (!stages.isEmpty()) {
            shipped.add(stages.size() - 1);
        }
        for (Stage stage : stages) {
            if (stage.baseStage() >= 0) {
                shipped.add(stage.baseStage());
            }
        }
        return shipped;
    }
}
