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
import java.util.List;
import java.util.Set;

/** VL604 (hadolint DL3003): {@code cd} in a RUN, where WORKDIR would set the directory for the steps that follow. */
public final class CdInsteadOfWorkdir implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL604", "DL3003", "cd-instead-of-workdir", Severity.NOTE,
            Fixability.NONE, "A RUN changes directory with cd; WORKDIR sets it for the steps that follow.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("cd");
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        if (Hygiene.dockerfileRun(snippet)) {
            context.report(command.effective().name().range(), "cd lasts only until the end of this RUN; use WORKDIR"
                    + " to set the directory (it also creates it), or run the command with an absolute path.");
        }
    }
}
