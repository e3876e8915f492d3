package dev.vlint.rules.core;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.suppress.Suppressions;
import java.util.EnumSet;
import java.util.List;

/**
 * VL003: a {@code vlint: ignore} comment without rule ids. Like VL002 it is reported by the engine
 * (see {@link Suppressions#apply}), which knows what each comment silenced; this class carries the
 * rule's metadata, and the engine reports VL003 only while it is enabled.
 */
public final class BlanketSuppression implements Rule {
    private static final RuleMeta META = new RuleMeta(Suppressions.BLANKET_ID, "blanket-suppression", Severity.WARNING,
            "A vlint: ignore comment names no rule, so it silences every rule on the lines it covers.",
            Fixability.UNSAFE, EnumSet.complementOf(EnumSet.of(FileKind.OTHER, FileKind.WHEEL)), List.of("suppression"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        // Reported by the engine after all other rules have run on the file.
    }
}
