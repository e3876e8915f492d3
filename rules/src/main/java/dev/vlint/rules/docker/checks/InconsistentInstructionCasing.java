package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * VL504: an instruction keyword in mixed case, or in the minority case of the file (BuildKit's
 * ConsistentInstructionCasing). Like BuildKit it counts the instructions of the stages (FROM
 * included), not global ARGs nor ONBUILD triggers; a tie counts as upper case.
 */
public final class InconsistentInstructionCasing implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL504", "inconsistent-instruction-casing", Severity.NOTE,
            "An instruction keyword is in mixed case, or not in the case most instructions of the file use.",
            Fixability.SAFE, "ConsistentInstructionCasing");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Dockerfile dockerfile, RuleContext context) {
        List<Instruction> counted = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            counted.add(stage.from());
            stage.instructions().stream().filter(i -> Checks.INSTRUCTIONS.contains(i.keyword())).forEach(counted::add);
        }
        int lower = 0;
        int upper = 0;
        for (Instruction instruction : counted) {
            String keyword = context.file().source().slice(instruction.keywordRange());
            if (keyword.equals(Checks.lower(keyword))) {
                lower++;
            } else if (keyword.equals(Checks.upper(keyword))) {
                upper++;
            }
        }
        boolean majorityLower = lower > upper;
        for (Instruction instruction : counted) {
            String keyword = context.file().source().slice(instruction.keywordRange());
            String wanted = majorityLower ? Checks.lower(keyword) : Checks.upper(keyword);
            if (!keyword.equals(wanted)) {
                context.report(instruction.keywordRange(), "'" + keyword + "' is not written in the case most"
                        + " instructions of this file use (" + (majorityLower ? "lower" : "upper") + " case)."
                        + " Mixed keyword casing is harder to read; write '" + wanted + "'.",
                        Fix.safe("Write '" + wanted + "'", new Edit(instruction.keywordRange(), wanted)));
            }
        }
    }
}
