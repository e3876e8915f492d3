package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.Set;

/** VL659 (hadolint DL4005): {@code ln} that replaces {@code /bin/sh}, where SHELL changes the shell of RUN. */
public final class LnReplacesBinSh implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL659", "DL4005", "ln-replaces-bin-sh", Severity.NOTE,
            Fixability.NONE, "A RUN links another shell over /bin/sh; SHELL changes the shell of later RUNs instead.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("ln");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand run = command.effective();
        var operands = Hygiene.operands(run, 0, Set.of("-t", "--target-directory", "-S", "--suffix"));
        if (Hygiene.dockerfileRun(snippet) && operands.size() >= 2
                && "/bin/sh".equals(operands.get(operands.size() - 1).literalValue())) {
            context.report(operands.get(operands.size() - 1).range(), "Replacing /bin/sh changes the shell of every"
                    + " program in the image that runs sh, not only of RUN; use SHELL [\"/bin/bash\", \"-c\"] to"
                    + " run later RUNs in another shell.");
        }
    }
}
