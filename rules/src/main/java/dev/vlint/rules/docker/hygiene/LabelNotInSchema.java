package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Map;

/** VL643 (hadolint DL3050): with strict labels, a label the label schema does not list. */
public final class LabelNotInSchema extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL643", "DL3050", "label-not-in-schema", Severity.NOTE,
            Fixability.NONE, "With strict labels on, a LABEL key that the label schema does not list.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        if (!context.config().images().strictLabels()) {
            return;
        }
        Map<String, String> schema = context.config().images().labelSchema();
        for (Instruction.KeyValue pair : label.keyValues()) {
            String key = Hygiene.unquote(pair.key().text());
            if (!schema.containsKey(key)) {
                context.report(pair.key().range(), "Label " + key + " is not in the label schema, and strict labels"
                        + " allow only " + String.join(", ", schema.keySet()) + "; remove it or add it to the schema.");
            }
        }
    }
}
