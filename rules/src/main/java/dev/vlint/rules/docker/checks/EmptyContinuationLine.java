package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * VL503: an empty line inside a continued instruction (BuildKit's NoEmptyContinuation, raised by
 * its parser). Reported once per instruction, at its first empty line.
 */
public final class EmptyContinuationLine implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL503", "empty-continuation-line", Severity.NOTE,
            "An empty line inside an instruction continued with a backslash: deprecated, and an error in a"
                    + " future BuildKit.", Fixability.SAFE, "NoEmptyContinuation");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Dockerfile dockerfile, RuleContext context) {
        SourceFile source = dockerfile.source();
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.text().length() == 0) {
                continue;
            }
            int first = source.lineIndex(instruction.range().start());
            int last = source.lineIndex(instruction.text().fileOffset(instruction.text().length() - 1));
            List<Edit> deletions = new ArrayList<>();
            for (int line = first + 1; line < last; line++) {
                if (source.lineText(line).isBlank()) {
                    deletions.add(Edit.delete(new TextRange(source.lineStart(line), source.lineStart(line + 1))));
                }
            }
            if (deletions.isEmpty()) {
                continue;
            }
            TextRange at = TextRange.at(deletions.get(0).range().start());
            int swallowed = swallowedInstruction(source, first, last);
            if (swallowed >= 0) {
                // The swallowed instruction's keyword becomes an argument of the commands before it.
                context.report(Severity.WARNING, at, "Empty line inside the continued " + instruction.keyword()
                        + " instruction, and"
                        + " the instruction on line " + (swallowed + 1) + " is still part of it: the escape at the end"
                        + " of the line before the empty line continues the instruction past it, so that "
                        + source.lineText(swallowed).strip().split("[ \\t]")[0] + " never runs on its own. Remove"
                        + " the escape character that ends the line before the empty line.");
            } else {
                context.report(at, "Empty line inside the continued " + instruction.keyword() + " instruction."
                        + " BuildKit skips it today, but empty continuation lines are deprecated and a future"
                        + " release will reject them. Remove the empty line, or put a comment on it.",
                        Fix.safe(deletions.size() == 1 ? "Remove the empty line" : "Remove the empty lines",
                                deletions.toArray(Edit[]::new)));
            }
        }
    }

    /** The first continuation line after an empty one that starts with an instruction keyword, or -1. */
    private static int swallowedInstruction(SourceFile source, int first, int last) {
        boolean afterEmpty = false;
        for (int line = first + 1; line <= last; line++) {
            String text = source.lineText(line).strip();
            if (text.isEmpty()) {
                afterEmpty = true;
            } else if (!text.startsWith("#")) {
                String word = text.split("[ \\t]", 2)[0];
                if (afterEmpty && Checks.INSTRUCTIONS.contains(word)) {
                    return line;
                }
                afterEmpty = false;
            }
        }
        return -1;
    }
}
