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

/** VL605 (hadolint DL3004): {@code sudo} in a RUN. */
public final class SudoInRun implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL605", "DL3004", "sudo-in-run", Severity.WARNING,
            Fixability.NONE, "A RUN uses sudo, which is usually not installed and never needed: RUN runs as the"
                    + " current USER.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        if (Hygiene.dockerfileRun(snippet) && "sudo".equals(command.commandName())) {
            context.report(command.name().range(), "Do not use sudo in a RUN: it is missing from most images (\"sudo:"
                    + " not found\"), and where present it needs a TTY or a sudoers entry; switch with USER root"
                    + " before the step (and back after), or use gosu at run time.");
        }
    }
}
