package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;

/** VL647 (hadolint DL3054): A label the schema types as spdx does not hold an SPDX license identifier or expression. */
public final class LabelNotSpdx extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL647", "DL3054", "label-not-spdx", Severity.WARNING,
            Fixability.NONE,
            "A label the schema types as spdx does not hold an SPDX license identifier or expression.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        LabelFormats.each(label, "spdx", context, (key, value, pair, ctx) -> {
            if (!value.isEmpty() && !LabelFormats.isSpdx(value)) {
                ctx.report(Hygiene.unquotedRange(pair.value()), "Label " + key + " is \"" + value
                        + "\", which is not an SPDX license expression; the"
                        + " label schema wants an SPDX identifier such as Apache-2.0 or an expression such as"
                        + " MIT OR Apache-2.0.");
            }
        });
    }
}
