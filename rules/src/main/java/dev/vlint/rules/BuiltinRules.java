package dev.vlint.rules;

import dev.vlint.rule.Rule;
import dev.vlint.rules.ci.DiskCleanupDisabled;
import dev.vlint.rules.ci.EmulatedNativeBuild;
import dev.vlint.rules.ci.RunnerDiskBudgetExceeded;
import dev.vlint.rules.core.ParseError;
import dev.vlint.rules.core.UnusedSuppression;
import dev.vlint.rules.docker.CacheMountSharedAcrossPlatforms;
import dev.vlint.rules.python.Pep440VersionInvalid;
import dev.vlint.rules.python.Pep639LicenseNeedsSetuptools77;
import dev.vlint.rules.python.ScmPretendVersionIgnored;
import dev.vlint.rules.startos.ExverInvalid;
import java.util.List;

/** The one list of built-in rules, in id order; a test checks it against the rule classes, docs and fixtures. */
public final class BuiltinRules {
    private static final List<Rule> ALL = List.of(
            new ParseError(),
            new UnusedSuppression(),
            new CacheMountSharedAcrossPlatforms(),
            new ExverInvalid(),
            new Pep440VersionInvalid(),
            new ScmPretendVersionIgnored(),
            new Pep639LicenseNeedsSetuptools77(),
            new RunnerDiskBudgetExceeded(),
            new DiskCleanupDisabled(),
            new EmulatedNativeBuild());

    private BuiltinRules() {}

    public static List<Rule> all() {
        return ALL;
    }
}
