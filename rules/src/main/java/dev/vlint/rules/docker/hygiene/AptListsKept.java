package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
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
 * VL609 (hadolint DL3009): {@code apt-get update} in a RUN that does not delete
 * {@code /var/lib/apt/lists} afterwards, in a stage that ends up in an image (the last stage, or
 * one another stage is built on). A cache or tmpfs mount over the lists keeps them out of the layer.
 */
public final class AptListsKept implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL609", "DL3009", "apt-lists-kept", Severity.NOTE,
            Fixability.NONE, "apt-get update leaves the package lists (tens of MB) in the layer when the same RUN"
                    + " does not delete /var/lib/apt/lists.");
    private static final String LISTS = "/var/lib/apt/lists";

    /** The update word of the current snippet, and whether the snippet deletes the lists. */
    private static final class Current {
        Word update;
        boolean cleaned;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("apt-get", "apt", "aptitude", "rm");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void snippet(Snippet snippet, RuleContext context) {
        Current current = context.state(Current::new);
        current.update = null;
        current.cleaned = false;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        Current current = context.state(Current::new);
        SimpleCommand run = command.effective();
        if (run.commandName().equals("rm")) {
            current.cleaned |= Hygiene.operands(run, 0, Set.of()).stream()
                    .map(Word::literalValue).anyMatch(p -> p != null && p.startsWith(LISTS));
        } else if (current.update == null) {
            int verb = Hygiene.verb(run, Set.of("update"));
            if (verb >= 0) {
                current.update = run.args().get(verb);
            }
        }
    }

    @Override
    public void endSnippet(Snippet snippet, RuleContext context) {
        Current current = context.state(Current::new);
        if (current.update == null || current.cleaned || !Hygiene.dockerfileRun(snippet)
                || mounted(snippet.instruction())
                || !snippet.onbuildTrigger() && !ShippedStages.shipped(context.file(), snippet.stage())) {
            return;
        }
        context.report(current.update.range(), "The package lists this update downloads stay in the image layer;"
                + " delete them in the same RUN (&& rm -rf /var/lib/apt/lists/*) or mount a cache over"
                + " /var/lib/apt/lists (RUN --mount=type=cache,target=/var/lib/apt/lists).");
    }

    /** A cache or tmpfs mount at the lists or a folder above them. */
    private static boolean mounted(Instruction run) {
        for (RunMount mount : run.mounts()) {
            String type = mount.type();
            String target = mount.option("target").map(o -> o.value().replaceAll("/+$", "")).orElse(null);
            if ((type.equals("cache") || type.equals("tmpfs")) && target != null && !target.isEmpty()
                    && (LISTS + "/").startsWith(target + "/")) {
                return true;
            }
        }
        return false;
    }
}
