package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.Set;

/**
 * VL515: {@code ENV key value} or {@code LABEL key value}, the legacy form without {@code =}
 * (BuildKit's LegacyKeyValueFormat). ARG has no such form: {@code ARG a b} declares two ARGs.
 */
public final class LegacyKeyValueFormat implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL515", "legacy-key-value-format", Severity.NOTE,
            "ENV or LABEL in the legacy 'key value' form instead of key=value.", Fixability.SAFE,
            "LegacyKeyValueFormat");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("ENV", "LABEL");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        for (Instruction.KeyValue pair : instruction.keyValues()) {
            if (pair.equalsSign()) {
                continue;
            }
            String keyword = instruction.keyword();
            String message = "'" + keyword + " " + pair.key().text() + " value' is the legacy form, deprecated"
                    + " and easy to misread (the whole rest of the line becomes the value). Write " + keyword + " "
                    + pair.key().text() + "=value.";
            Fix fix = fix(pair, context.model(DockerfileParser.KEY).escapeChar());
            if (fix == null) {
                context.report(pair.key().range(), message);
            } else {
                context.report(pair.key().range(), message, fix);
            }
        }
    }

    /**
     * {@code key=value}, quoting the value when it has blanks; null when quoting could change it, or
     * when the value has {@code =} ({@code ENV export PATH=/x} sets a variable named export: a mistake
     * to fix by hand, not to keep).
     */
    private static Fix fix(Instruction.KeyValue pair, char escape) {
        String value = pair.value().text();
        if (value.isEmpty() || value.chars().anyMatch(c -> c == '"' || c == '\'' || c == '=' || c == escape)) {
            return null;
        }
        TextRange separator = new TextRange(pair.key().range().end(), pair.value().range().start());
        if (value.chars().noneMatch(c -> c == ' ' || c == '\t')) {
            return Fix.safe("Write " + pair.key().text() + "=" + value, new Edit(separator, "="));
        }
        return Fix.safe("Write " + pair.key().text() + "=\"...\"", new Edit(separator, "=\""),
                Edit.insert(pair.value().range().end(), "\""));
    }
}
