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

/** VL614 (hadolint DL3015): {@code apt-get install} without {@code --no-install-recommends}. */
public final class AptInstallRecommends implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL614", "DL3015", "apt-install-recommends", Severity.NOTE,
            Fixability.UNSAFE, "apt-get install without --no-install-recommends also installs recommended packages.");

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
        if (!Hygiene.dockerfileRun(snippet) || install == null
                || Hygiene.hasOption(run, Set.of("no-install-recommends"), "")
                || run.args().stream().anyMatch(w -> "APT::Install-Recommends=false".equals(w.literalValue()))
                || context.file().source().text().contains("Install-Recommends")) {
            return;
        }
        context.report(install.range(), "apt-get install also installs every recommended package, which makes the"
                + " image larger and pulls in things nobody asked for; add --no-install-recommends (and name what"
                + " is really needed).", Fix.unsafe("Add --no-install-recommends (fewer packages get installed)",
                        Edit.insert(install.range().end(), " --no-install-recommends")));
    }
}
