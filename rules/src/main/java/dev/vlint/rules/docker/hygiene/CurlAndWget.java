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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * VL658 (hadolint DL4001): a stage downloads with both curl and wget. Reported at each RUN that
 * uses one of them once the stage has used both.
 */
public final class CurlAndWget implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL658", "DL4001", "curl-and-wget", Severity.NOTE,
            Fixability.NONE, "A stage uses both curl and wget, so the image carries two download tools.");

    /** Tools each stage has used, and the first tool word of the current snippet. */
    private static final class Seen {
        final Map<Integer, Set<String>> byStage = new HashMap<>();
        Word first;
        final Set<String> inSnippet = new HashSet<>();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("curl", "wget");
    }

    @Override
    public void snippet(Snippet snippet, RuleContext context) {
        Seen seen = context.state(Seen::new);
        seen.first = null;
        seen.inSnippet.clear();
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        Seen seen = context.state(Seen::new);
        SimpleCommand run = command.effective();
        seen.inSnippet.add(run.commandName());
        seen.first = seen.first == null ? run.name() : seen.first;
    }

    @Override
    public void endSnippet(Snippet snippet, RuleContext context) {
        Seen seen = context.state(Seen::new);
        if (seen.first == null || !Hygiene.dockerfileRun(snippet)) {
            return;
        }
        Set<String> stage = seen.byStage.computeIfAbsent(snippet.stage().index(), k -> new HashSet<>());
        stage.addAll(seen.inSnippet);
        if (stage.size() == 2) {
            context.report(seen.first.range(), "This stage downloads with both curl and wget; pick one and install"
                    + " only that tool, so the image carries one download tool.");
        }
    }
}
