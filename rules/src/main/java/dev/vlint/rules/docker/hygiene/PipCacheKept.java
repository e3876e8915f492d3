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
import dev.vlint.shell.Assignment;
import java.util.Locale;

/**
 * VL635 (hadolint DL3042): pip install without {@code --no-cache-dir}, so pip's download and wheel
 * cache stays in the layer. Not reported when {@code PIP_NO_CACHE_DIR} is set to a true value
 * (ENV, ARG, in the script) or a cache or tmpfs mount covers {@code .cache/pip}. pip takes
 * unambiguous abbreviations, so {@code --no-cache} is {@code --no-cache-dir}.
 */
public final class PipCacheKept implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL635", "DL3042", "pip-cache-kept", Severity.NOTE,
            Fixability.SAFE,
                    "pip install without --no-cache-dir keeps pip's cache (often hundreds of MB) in the layer.");
    private static final Set<String> TRUE = Set.of("1", "true", "on", "yes");

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
        SimpleCommand run = command.effective();
        Word install = Pip.install(run, false);
        if (!Hygiene.dockerfileRun(snippet) || install == null
                || Hygiene.hasOption(run, Set.of("no-cache-dir", "no-cache-di", "no-cache-d", "no-cache-",
                        "no-cache"), "")
                || Hygiene.cacheOrTmpfsMount(snippet.instruction(), ".cache/pip")
                || noCacheSet(run, snippet)) {
            return;
        }
        context.report(install.range(), "pip keeps the packages it downloads and the wheels it builds in"
                + " ~/.cache/pip, which stays in the image layer; add --no-cache-dir (or mount a cache at"
                + " /root/.cache/pip).", Fix.safe("Add --no-cache-dir", Edit.insert(install.range().end(),
                        " --no-cache-dir")));
    }

    private static boolean noCacheSet(SimpleCommand run, Snippet snippet) {
        String value = null;
        for (Assignment assignment : run.assignments()) {
            if (assignment.name().equals("PIP_NO_CACHE_DIR")) {
                value = assignment.value() == null ? "" : assignment.value().literalValue();
            }
        }
        if (value == null) {
            value = snippet.variablesAt(run).apply("PIP_NO_CACHE_DIR");
        }
        return value != null && TRUE.contains(value.toLowerCase(Locale.ROOT));
    }
}
