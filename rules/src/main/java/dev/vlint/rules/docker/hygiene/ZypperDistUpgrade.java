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

/** VL629 (hadolint DL3035): {@code zypper dist-upgrade} in a RUN. */
public final class ZypperDistUpgrade implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL629", "DL3035", "zypper-dist-upgrade", Severity.NOTE,
            Fixability.NONE,
                    "zypper dist-upgrade in a RUN moves the image to whatever the repositories hold that day.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("zypper");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand run = command.effective();
        int verb = Hygiene.verb(run, Set.of("dist-upgrade", "dup"));
        if (Hygiene.dockerfileRun(snippet) && verb >= 0) {
            context.report(run.args().get(verb).range(), "zypper dist-upgrade can switch the base image's packages to"
                    + " another distribution release; use a newer base image, or zypper update / patch for fixes.");
        }
    }
}
