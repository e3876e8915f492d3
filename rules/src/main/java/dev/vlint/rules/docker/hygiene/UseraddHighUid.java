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
 * VL639 (hadolint DL3046): {@code useradd -u} with a high uid and without {@code -l}: the
 * lastlog and faillog files are sparse files sized by the uid, which image layers store in full.
 */
public final class UseraddHighUid implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL639", "DL3046", "useradd-high-uid-without-l",
            Severity.WARNING, Fixability.NONE, "useradd with a uid of six or more digits and without -l (--no-log-init)"
                    + " writes lastlog entries that make the layer huge.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("useradd");
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand run = command.effective();
        if (!Hygiene.dockerfileRun(snippet) || Hygiene.hasOption(run, Set.of("no-log-init"), "l")) {
            return;
        }
        Word uid = run.optionValue("-u");
        uid = uid == null ? run.optionValue("--uid") : uid;
        String value = uid == null ? null : uid.value(snippet.variablesAt(command));
        if (value != null && value.length() > 5 && value.chars().allMatch(Character::isDigit)) {
            context.report(uid.range(), "uid " + value + " without -l: useradd writes this uid's entry into"
                    + " /var/log/lastlog and faillog, sparse files as large as uid times the entry size, which the"
                    + " layer stores in full (gigabytes); add -l (--no-log-init).");
        }
    }
}
