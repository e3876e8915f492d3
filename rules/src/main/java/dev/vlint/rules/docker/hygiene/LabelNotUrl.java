package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;

/** VL645 (hadolint DL3052): A label the schema types as url does not hold an absolute URL. */
public final class LabelNotUrl extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL645", "DL3052", "label-not-url", Severity.WARNING,
            Fixability.NONE,
            "A label the schema types as url does not hold an absolute URL.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        LabelFormats.each(label, "url", context, (key, value, pair, ctx) -> {
            if (!value.isEmpty() && !LabelFormats.isUrl(value)) {
                ctx.report(Hygiene.unquotedRange(pair.value()), "Label " + key + " is \"" + value
                        + "\", which is not a valid URL; the"
                        + " label schema wants an absolute URL such as https://github.com/org/repo.");
            }
        });
    }
}
