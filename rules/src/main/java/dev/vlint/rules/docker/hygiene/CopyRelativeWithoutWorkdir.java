package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VL638 (hadolint DL3045): COPY to a relative destination in a stage where no WORKDIR was set
 * (in the stage or the stages it is built on), so the files land wherever the base image's
 * working directory happens to be.
 */
public final class CopyRelativeWithoutWorkdir implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL638", "DL3045", "copy-relative-without-workdir",
            Severity.NOTE, Fixability.NONE,
            "COPY to a relative destination before any WORKDIR, so where the files land depends on the base image.");

    /** Whether each stage so far has set a WORKDIR (itself or through its base stage). */
    private static final class Workdirs {
        final List<Boolean> byStage = new ArrayList<>();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM", "WORKDIR", "COPY");
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        Workdirs workdirs = context.state(Workdirs::new);
        if (stage == null || Hygiene.isTrigger(instruction, stage)) {
            return;
        }
        if (instruction.is("FROM")) {
            int base = stage.baseStage();
            workdirs.byStage.add(base >= 0 && base < workdirs.byStage.size() && workdirs.byStage.get(base));
        } else if (instruction.is("WORKDIR")) {
            workdirs.byStage.set(stage.index(), true);
        } else if (!workdirs.byStage.get(stage.index()) && instruction.args().size() >= 2) {
            Word dest = instruction.args().get(instruction.args().size() - 1);
            String path = Hygiene.unquote(dest.text());
            if (!path.startsWith("/") && !path.startsWith("$") && !path.matches("[A-Za-z]:.*")) {
                context.report(Hygiene.unquotedRange(dest), "COPY to the relative path " + path
                        + " with no WORKDIR set in this"
                        + " stage, so the files go to the base image's working directory (often /); set WORKDIR"
                        + " first or copy to an absolute path.");
            }
        }
    }
}
