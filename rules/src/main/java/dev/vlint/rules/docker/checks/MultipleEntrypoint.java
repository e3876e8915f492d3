package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VL513: a second ENTRYPOINT in one stage, so the earlier one has no effect (BuildKit's
 * MultipleInstructionsDisallowed for ENTRYPOINT, hadolint's DL4004). Reported at the earlier one, as BuildKit
 * does; a stage built on another may set its own.
 */
public final class MultipleEntrypoint implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL513", "multiple-entrypoint", Severity.WARNING,
            "A stage has more than one ENTRYPOINT; only the last one takes effect.", Fixability.NONE,
            "MultipleInstructionsDisallowed", "DL4004");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("ENTRYPOINT");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        if (stage == null) {
            return;
        }
        Map<Integer, Instruction> last = context.state(HashMap::new);
        Instruction earlier = last.put(stage.index(), instruction);
        if (earlier != null) {
            context.report(context.finding(META.severity(), earlier.keywordRange(), "This ENTRYPOINT has no effect: a"
                    + " later ENTRYPOINT in the same stage replaces it, and an image keeps only the last one. Remove"
                    + " one of them, or merge them into one.", List.of(new RelatedLocation(context.file().source(),
                    instruction.keywordRange(), "the ENTRYPOINT that takes effect")), List.of()));
        }
    }
}
