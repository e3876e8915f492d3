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

/** VL602 (hadolint DL3001): a RUN runs a command that means nothing while an image is built (top, ssh, service...). */
public final class CommandPointlessInContainer implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL602", "DL3001", "command-pointless-in-container",
            Severity.NOTE, Fixability.NONE, "A RUN uses a command that makes no sense in an image build, such as"
                    + " ssh, vim, top, ps, kill, service, mount, shutdown or ifconfig.");
    private static final Set<String> POINTLESS = Set.of("free", "kill", "mount", "ps", "service", "shutdown", "ssh",
            "top", "vim", "ifconfig");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return POINTLESS;
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        if (Hygiene.dockerfileRun(snippet)) {
            SimpleCommand run = command.effective();
            context.report(run.name().range(), run.commandName() + " does nothing useful in a RUN: the build step is"
                    + " not an interactive machine, and processes or services it starts end with the step.");
        }
    }
}
