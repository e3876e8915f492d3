package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Set;

/** VL506: a stage named {@code scratch} or {@code context} (BuildKit's ReservedStageName, hadolint's DL3063). */
public final class ReservedStageName implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL506", "reserved-stage-name", Severity.WARNING,
            "A stage is named scratch or context, names BuildKit reserves.", Fixability.NONE, "ReservedStageName",
            "DL3063");
    private static final Set<String> RESERVED = Set.of("scratch", "context");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction from, Stage stage, RuleContext context) {
        Word name = Checks.stageName(from);
        if (name != null && RESERVED.contains(Checks.lower(name.text()))) {
            String reserved = Checks.lower(name.text());
            context.report(name.range(), "'" + reserved + "' is a reserved name: "
                    + (reserved.equals("scratch") ? "FROM scratch means the empty image, not this stage."
                            : "'context' names the build context in named contexts (--build-context).")
                    + " Give the stage another name.");
        }
    }
}
