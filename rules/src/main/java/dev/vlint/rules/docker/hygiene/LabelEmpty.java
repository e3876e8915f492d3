package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Map;

/** VL644 (hadolint DL3051): a label the schema requires is set to an empty value. */
public final class LabelEmpty extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL644", "DL3051", "label-empty", Severity.WARNING,
            Fixability.NONE, "A label the label schema requires is set to an empty value.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        Map<String, String> schema = context.config().images().labelSchema();
        for (Instruction.KeyValue pair : label.keyValues()) {
            String key = Hygiene.unquote(pair.key().text());
            if (schema.containsKey(key) && Hygiene.unquote(pair.value().text()).isEmpty()) {
                context.report(pair.key().range(), "Label " + key + " is empty, but the label schema requires it;"
                        + " give it a value.");
            }
        }
    }
}
