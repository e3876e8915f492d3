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
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;

/** VL613 (hadolint DL3014): {@code apt-get install} without {@code -y}, which aborts at its prompt in a build. */
public final class AptInstallWithoutYes implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL613", "DL3014", "apt-install-without-yes", Severity.WARNING,
            Fixability.SAFE, "apt-get install without -y: it asks \"Do you want to continue?\", reads no answer in"
                    + " a build and aborts.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("apt-get");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand run = command.effective();
        Word install = Apt.installVerb(run);
        if (!Hygiene.dockerfileRun(snippet) || install == null || Apt.assumesYes(run)
                || context.file().source().text().contains("Assume-Yes")) {
            return;
        }
        context.report(install.range(), "apt-get install without -y asks for confirmation whenever it installs"
                + " more than was named, gets no answer in a build and aborts; add -y.",
                Fix.safe("Add -y", Edit.insert(install.range().end(), " -y")));
    }
}
