package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;

/** VL651 (hadolint DL3058): A label the schema types as email does not hold an RFC 5322 email address. */
public final class LabelNotEmail extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL651", "DL3058", "label-not-email", Severity.WARNING,
            Fixability.NONE,
            "A label the schema types as email does not hold an RFC 5322 email address.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        LabelFormats.each(label, "email", context, (key, value, pair, ctx) -> {
            if (!value.isEmpty() && !LabelFormats.isEmail(value)) {
                ctx.report(Hygiene.unquotedRange(pair.value()), "Label " + key + " is \"" + value
                        + "\", which is not an email address; the"
                        + " label schema wants an address such as team@example.com.");
            }
        });
    }
}
