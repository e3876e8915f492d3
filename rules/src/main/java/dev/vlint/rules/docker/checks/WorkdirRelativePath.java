package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * VL510: the first WORKDIR of a stage chain is a relative path (BuildKit's WorkdirRelativePath).
 * Any WORKDIR, relative or not, in the stage or a stage it builds on makes later relative ones
 * well defined, so only the first counts. hadolint's DL3000 asks for an absolute path in every
 * WORKDIR; this rule is that check too, but a relative path after an absolute WORKDIR in the same
 * Dockerfile is fully determined by it and is not reported.
 */
public final class WorkdirRelativePath implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL510", "workdir-relative-path", Severity.NOTE,
            "The first WORKDIR of a stage is a relative path, so it depends on the base image's working directory.",
            Fixability.NONE, "WorkdirRelativePath", "DL3000");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("WORKDIR");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction workdir, Stage stage, RuleContext context) {
        if (stage == null || workdir.args().isEmpty()) {
            return;
        }
        BitSet withWorkdir = context.state(BitSet::new);
        boolean first = true;
        List<Stage> stages = context.model(DockerfileParser.KEY).stages();
        for (Stage s = stage; s != null && first; s = s.baseStage() >= 0 ? stages.get(s.baseStage()) : null) {
            first = !withWorkdir.get(s.index());
        }
        withWorkdir.set(stage.index());
        Word path = workdir.args().get(0);
        String value = stage.scopeAt(workdir).expand(path.text());
        if (first && !value.startsWith("/") && !value.startsWith("$")) {
            context.report(path.range(), "WORKDIR " + path.text() + " is relative to the base image's working"
                    + " directory, which can change with the base image, and no earlier WORKDIR in this Dockerfile"
                    + " fixes it. Use an absolute path (WORKDIR /" + value + ").");
        }
    }
}
