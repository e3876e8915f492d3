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

/** VL640 (hadolint DL3047): wget without a progress setting, which floods the build log. */
public final class WgetWithoutProgress implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL640", "DL3047", "wget-without-progress", Severity.NOTE,
            Fixability.NONE,
                    "wget without --progress (or -q, -nv, -o) prints a progress bar line by line into the build log.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("wget");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand run = command.effective();
        if (!Hygiene.dockerfileRun(snippet) || run.args().stream().anyMatch(w -> "-nv".equals(w.literalValue()))
                || Hygiene.hasOption(run, Set.of("progress", "quiet", "no-verbose", "output-file", "append-output"),
                        "qoa")) {
            return;
        }
        context.report(run.name().range(), "wget without a terminal prints its progress bar as thousands of log"
                + " lines for a large file; add --progress=dot:giga, or -q / -nv.");
    }
}
