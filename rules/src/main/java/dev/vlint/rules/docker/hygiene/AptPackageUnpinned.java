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

/**
 * VL608 (hadolint DL3008): {@code apt-get install} of a package without a version. Pinning Debian
 * and Ubuntu packages is noisy by nature (the archive drops old versions, so a pin breaks the build
 * later); a note where hadolint warns, since a working project may leave packages unpinned.
 */
public final class AptPackageUnpinned implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL608", "DL3008", "apt-package-unpinned", Severity.NOTE,
            Fixability.NONE, "apt-get install names a package without a version (pkg=version).");

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
        if (!Hygiene.dockerfileRun(snippet) || install == null) {
            return;
        }
        for (Word pkg : Apt.packages(run, install)) {
            String name = pkg.literalValue();
            if (name != null && !name.contains("=") && !name.contains("/") && !name.endsWith(".deb")) {
                context.report(pkg.range(), "Package " + name + " has no version, so each build installs whatever"
                        + " the archive has that day; pin it (" + name + "=<version>) if builds must be repeatable.");
            }
        }
    }
}
