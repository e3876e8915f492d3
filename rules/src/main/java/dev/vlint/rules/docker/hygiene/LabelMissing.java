package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VL642 (hadolint DL3049): a stage that ends up as an image lacks a label the label schema
 * requires. A stage counts as having it when it or a stage it is built on sets it; a stage used
 * only as a source (COPY --from, RUN --mount=from) or as the base of a stage that sets it is not an
 * image of its own.
 */
public final class LabelMissing implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL642", "DL3049", "label-missing", Severity.NOTE,
            Fixability.NONE, "An image built by the Dockerfile lacks a label the label schema requires.");

    /** Labels set per stage, and the stages used as sources. */
    private static final class Seen {
        final List<Set<String>> labels = new ArrayList<>();
        final Set<Integer> sources = new HashSet<>();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM", "LABEL", "COPY", "RUN");
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        if (context.config().images().labelSchema().isEmpty() || stage == null || Hygiene.isTrigger(instruction,
                stage)) {
            return;
        }
        Seen seen = context.state(Seen::new);
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        if (instruction.is("FROM")) {
            seen.labels.add(new HashSet<>());
        } else if (instruction.is("LABEL")) {
            instruction.keyValues().forEach(p -> seen.labels.get(stage.index()).add(Hygiene.unquote(p.key().text())));
        } else if (instruction.is("COPY")) {
            instruction.flag("from").flatMap(Flag::value).flatMap(v -> stageOf(dockerfile, v))
                    .ifPresent(seen.sources::add);
        } else {
            for (RunMount mount : instruction.mounts()) {
                mount.option("from").flatMap(o -> stageOf(dockerfile, o.value())).ifPresent(seen.sources::add);
            }
        }
    }

    private static Optional<Integer> stageOf(Dockerfile dockerfile, String reference) {
        if (reference.matches("\\d+")) {
            return Optional.of(Integer.parseInt(reference));
        }
        return dockerfile.stage(reference).map(Stage::index);
    }

    @Override
    public void endFile(Dockerfile dockerfile, RuleContext context) {
        Map<String, String> schema = context.config().images().labelSchema();
        if (schema.isEmpty()) {
            return;
        }
        Seen seen = context.state(Seen::new);
        List<Stage> stages = dockerfile.stages();
        for (String label : schema.keySet()) {
            boolean[] has = new boolean[stages.size()];
            boolean[] base = new boolean[stages.size()];
            for (Stage stage : stages) {
                int i = stage.index();
                int parent = stage.baseStage();
                has[i] = i < seen.labels.size() && seen.labels.get(i).contains(label) || parent >= 0 && has[parent];
                if (parent >= 0 && has[i]) {
                    base[parent] = true;
                }
            }
            for (Stage stage : stages) {
                int i = stage.index();
                if (!has[i] && !base[i] && !seen.sources.contains(i)) {
                    context.report(stage.from().keywordRange(), "The image of this stage has no label " + label
                            + ", which the label schema requires; add LABEL " + label + "=...");
                }
            }
        }
    }
}
