package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import java.util.List;

/**
 * VL652 (hadolint DL3059): two RUNs in a row, each a single command with the same flags, which
 * could be one layer. RUNs that chain commands or use heredocs are left alone: splitting them
 * looks deliberate.
 */
public final class ConsecutiveRun implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL652", "DL3059", "consecutive-run", Severity.NOTE,
            Fixability.NONE, "Consecutive single-command RUNs with the same flags, each adding a layer.");

    /** The RUN just before the current instruction, if the previous instruction was one that qualifies. */
    private static final class Previous {
        Instruction run;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        Previous previous = context.state(Previous::new);
        if (stage != null && Hygiene.isTrigger(instruction, stage)) {
            return;
        }
        if (!instruction.is("RUN") || !single(instruction, context)) {
            previous.run = null;
            return;
        }
        if (previous.run != null && flags(previous.run).equals(flags(instruction))) {
            context.report(instruction.keywordRange(), "This RUN follows another single-command RUN with the same"
                    + " flags; each RUN adds a layer, so join them with && into one RUN.");
        }
        previous.run = instruction;
    }

    /** A shell-form RUN of one command without heredocs. */
    private static boolean single(Instruction run, RuleContext context) {
        if (run.jsonForm() || !run.heredocs().isEmpty()) {
            return false;
        }
        List<Snippet> snippets = ShellSnippets.ofRun(context.file(), run);
        return snippets.size() == 1 && snippets.get(0).script().commands().size() <= 1;
    }

    private static List<String> flags(Instruction run) {
        return run.flags().stream().map(Flag::text).toList();
    }
}
