package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;

/** VL648 (hadolint DL3055): A label the schema types as hash does not hold a 7 or 40 digit git commit hash. */
public final class LabelNotGitHash extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL648", "DL3055", "label-not-git-hash", Severity.WARNING,
            Fixability.NONE,
            "A label the schema types as hash does not hold a 7 or 40 digit git commit hash.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        LabelFormats.each(label, "hash", context, (key, value, pair, ctx) -> {
            if (!value.isEmpty() && !LabelFormats.isGitHash(value)) {
                ctx.report(Hygiene.unquotedRange(pair.value()), "Label " + key + " is \"" + value
                        + "\", which is not a git commit hash; the"
                        + " label schema wants a 7 or 40 digit lower-case commit hash (git rev-parse HEAD).");
            }
        });
    }
}
