package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;

/** VL649 (hadolint DL3056): A label the schema types as semver does not hold a semantic version. */
public final class LabelNotSemver extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL649", "DL3056", "label-not-semver", Severity.WARNING,
            Fixability.NONE,
            "A label the schema types as semver does not hold a semantic version.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        LabelFormats.each(label, "semver", context, (key, value, pair, ctx) -> {
            if (!value.isEmpty() && !LabelFormats.isSemver(value)) {
                ctx.report(Hygiene.unquotedRange(pair.value()), "Label " + key + " is \"" + value
                        + "\", which is not a semantic version; the"
                        + " label schema wants a version such as 1.4.2 or 2.0.0-rc.1 (no leading v).");
            }
        });
    }
}
