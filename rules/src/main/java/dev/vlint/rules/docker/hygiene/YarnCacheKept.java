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

/**
 * VL653 (hadolint DL3060): {@code yarn install} in a RUN that does not run {@code yarn cache clean}
 * after it, in a stage that ends up in an image, without a cache mount over the yarn cache.
 */
public final class YarnCacheKept implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL653", "DL3060", "yarn-cache-kept", Severity.NOTE,
            Fixability.NONE, "yarn install leaves yarn's package cache in the layer: the same RUN does not run"
                    + " yarn cache clean after it.");

    /** The install of the current snippet still waiting for a clean. */
    private static final class Pending {
        Word install;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("yarn");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void snippet(Snippet snippet, RuleContext context) {
        context.state(Pending::new).install = null;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        Pending pending = context.state(Pending::new);
        List<Word> operands = Hygiene.operands(command.effective(), 0, Set.of("--cwd", "--cache-folder"));
        String first = operands.isEmpty() ? null : operands.get(0).literalValue();
        if ("install".equals(first)) {
            pending.install = pending.install == null ? operands.get(0) : pending.install;
        } else if ("cache".equals(first) && operands.size() > 1 && "clean".equals(operands.get(1).literalValue())) {
            pending.install = null;
        }
    }

    @Override
    public void endSnippet(Snippet snippet, RuleContext context) {
        Word install = context.state(Pending::new).install;
        if (install == null || !Hygiene.dockerfileRun(snippet)
                || Hygiene.cacheOrTmpfsMount(snippet.instruction(), ".cache/yarn")
                || Hygiene.cacheOrTmpfsMount(snippet.instruction(), "/usr/local/share/.cache/yarn")
                || !snippet.onbuildTrigger() && !ShippedStages.shipped(context.file(), snippet.stage())) {
            return;
        }
        context.report(install.range(), "yarn install keeps every downloaded package in its cache, which stays in"
                + " the image layer; end the same RUN with && yarn cache clean, or mount a cache at the yarn cache"
                + " folder.");
    }
}
