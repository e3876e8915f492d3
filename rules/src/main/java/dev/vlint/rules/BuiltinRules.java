package dev.vlint.rules;

import dev.vlint.rule.Rule;
import dev.vlint.rules.ci.DiskCleanupDisabled;
import dev.vlint.rules.ci.EmulatedNativeBuild;
import dev.vlint.rules.ci.RunnerDiskBudgetExceeded;
import dev.vlint.rules.core.ParseError;
import dev.vlint.rules.core.UnusedSuppression;
import dev.vlint.rules.docker.CacheMountSharedAcrossPlatforms;
import java.util.List;

/** The one list of built-in rules; a test checks it against the rule classes, docs and fixtures. */
public final class BuiltinRules {
    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of(
                new ParseError(),
                new UnusedSuppression(),
                new CacheMountSharedAcrossPlatforms(),
                new RunnerDiskBudgetExceeded(),
                new DiskCleanupDisabled(),
                new EmulatedNativeBuild());
    }
}
