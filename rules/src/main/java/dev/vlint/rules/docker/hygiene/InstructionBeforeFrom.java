package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;

/** VL654 (hadolint DL3061): an instruction other than ARG before the first FROM, which BuildKit rejects. */
public final class InstructionBeforeFrom implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL654", "DL3061", "instruction-before-from", Severity.ERROR,
            Fixability.NONE, "An instruction other than ARG comes before the first FROM: the build fails.");

    /** The trigger of the last ONBUILD seen before the first FROM, visited right after it. */
    private static final class LastOnbuild {
        Instruction trigger;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        LastOnbuild last = context.state(LastOnbuild::new);
        if (stage != null || instruction.is("ARG") || instruction.is("FROM") || instruction == last.trigger) {
            return;
        }
        last.trigger = instruction.trigger();
        context.report(instruction.keywordRange(), instruction.keyword() + " comes before the first FROM; only ARG"
                + " may, and the build fails (\"no build stage in current context\"). Move it into a stage.");
    }
}
