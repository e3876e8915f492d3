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

/** VL623 (hadolint DL3027): {@code apt}, the interactive front end, in a RUN. */
public final class AptInsteadOfAptGet implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL623", "DL3027", "apt-instead-of-apt-get", Severity.NOTE,
            Fixability.SOMETIMES,
                    "A RUN uses apt, whose command line is not stable for scripts; use apt-get or apt-cache.");
    /** Subcommands apt-get runs the same way as apt. */
    private static final Set<String> SAME_IN_APT_GET = Set.of("install", "remove", "purge", "update", "autoremove",
            "clean", "autoclean");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("apt");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        if (!Hygiene.dockerfileRun(snippet)) {
            return;
        }
        SimpleCommand run = command.effective();
        Word name = run.name();
        String message = "apt is meant for people at a terminal and warns that its command line may change"
                + " (\"WARNING: apt does not have a stable CLI interface\"); use apt-get (or apt-cache for searches)"
                + " in scripts.";
        int verb = Hygiene.verb(run, SAME_IN_APT_GET);
        boolean first = verb >= 0 && Hygiene.operands(run, 0, Apt.VALUE_OPTIONS).indexOf(run.args().get(verb)) == 0;
        if ("apt".equals(name.raw()) && first) {
            context.report(name.range(), message, Fix.safe("Use apt-get", new Edit(name.range(), "apt-get")));
        } else {
            context.report(name.range(), message);
        }
    }
}
