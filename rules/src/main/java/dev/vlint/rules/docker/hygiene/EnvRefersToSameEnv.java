package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Scope;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL637 (hadolint DL3044): an ENV value that refers to a variable set by the same ENV instruction.
 * All values of one ENV are expanded before any is set, so the reference sees the old value
 * (empty when the variable was not set before).
 */
public final class EnvRefersToSameEnv implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL637", "DL3044", "env-refers-to-same-env", Severity.WARNING,
            Fixability.NONE, "An ENV value refers to a variable the same ENV sets, which it cannot see yet.");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\\\\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("ENV");
    }

    @Override
    public void instruction(Instruction env, Stage stage, RuleContext context) {
        List<Instruction.KeyValue> pairs = env.keyValues();
        if (pairs.size() < 2) {
            return;
        }
        Scope scope = stage == null || Hygiene.isTrigger(env, stage) ? null : stage.scopeAt(env);
        for (int j = 0; j < pairs.size(); j++) {
            Instruction.KeyValue pair = pairs.get(j);
            String raw = context.file().source().slice(pair.value().range());
            Matcher m = REFERENCE.matcher(raw);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                if (name == null || (scope != null && scope.isDefined(name)) || !setByOther(pairs, j, name)) {
                    continue;
                }
                int start = pair.value().range().start() + m.start();
                context.report(new TextRange(start, start + m.group().length()), "$" + name + " is set by this same"
                        + " ENV, but every value of one ENV is expanded before any is set, so it gets the value from"
                        + " before this line; set " + name
                        + " in an ENV of its own above this one.");
            }
        }
    }

    private static boolean setByOther(List<Instruction.KeyValue> pairs, int self, String name) {
        for (int i = 0; i < pairs.size(); i++) {
            if (i != self && pairs.get(i).key().text().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
