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

/** VL617 (hadolint DL3019): apk add without {@code --no-cache}, which leaves the package index in the layer. */
public final class ApkAddCacheKept implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL617", "DL3019", "apk-add-cache-kept", Severity.NOTE,
            Fixability.UNSAFE, "apk add without --no-cache keeps the package index in /var/cache/apk in the layer.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("apk");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand run = command.effective();
        int verb = Hygiene.verb(run, Set.of("add"));
        if (!Hygiene.dockerfileRun(snippet) || verb < 0 || Hygiene.hasOption(run, Set.of("no-cache"), "")
                || Hygiene.cacheOrTmpfsMount(snippet.instruction(), "/var/cache/apk")) {
            return;
        }
        Word add = run.args().get(verb);
        context.report(add.range(), "apk add keeps the package index it fetched in /var/cache/apk, in the image"
                + " layer; add --no-cache, which fetches the index and does not keep it (then apk update and"
                + " rm -rf /var/cache/apk/* are not needed).",
                Fix.unsafe("Add --no-cache (a later apk add without an index update would find no index)",
                        Edit.insert(add.range().end(), " --no-cache")));
    }
}
