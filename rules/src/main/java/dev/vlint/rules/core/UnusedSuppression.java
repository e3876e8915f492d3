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
 * VL002: a {@code vlint: ignore} comment that suppresses nothing. The engine reports these itself
 * (see {@link Suppressions#apply}) because only it sees every other rule's findings for a file;
 * this class carries the rule's metadata, and the engine reports VL002 only while it is enabled.
 */
public final class UnusedSuppression implements Rule {
    private static final RuleMeta META = new RuleMeta(Suppressions.UNUSED_ID, "unused-suppression", Severity.WARNING,
            "A vlint: ignore comment suppresses no finding.", Fixability.SAFE,
            EnumSet.complementOf(EnumSet.of(FileKind.OTHER, FileKind.WHEEL)), List.of("suppression"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        // Reported by the engine after all other rules have run on the file.
    }
}
