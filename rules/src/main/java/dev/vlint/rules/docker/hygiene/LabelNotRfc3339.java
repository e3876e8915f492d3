package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;

/** VL646 (hadolint DL3053): A label the schema types as rfc3339 does not hold an RFC 3339 date and time. */
public final class LabelNotRfc3339 extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL646", "DL3053", "label-not-rfc3339", Severity.WARNING,
            Fixability.NONE,
            "A label the schema types as rfc3339 does not hold an RFC 3339 date and time.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        LabelFormats.each(label, "rfc3339", context, (key, value, pair, ctx) -> {
            if (!value.isEmpty() && !LabelFormats.isRfc3339(value)) {
                ctx.report(Hygiene.unquotedRange(pair.value()), "Label " + key + " is \"" + value
                        + "\", which is not an RFC 3339 time; the"
                        + " label schema wants a time such as 2024-05-01T12:00:00Z (date -u +%Y-%m-%dT%H:%M:%SZ).");
            }
        });
    }
}
