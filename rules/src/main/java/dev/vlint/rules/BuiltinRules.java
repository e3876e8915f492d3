package dev.vlint.rules;

import dev.vlint.rule.Rule;
import dev.vlint.rules.core.ParseError;
import dev.vlint.rules.core.UnusedSuppression;
import dev.vlint.rules.docker.BuildIsolationRefetchesTorch;
import dev.vlint.rules.docker.CleanupInLaterLayer;
import dev.vlint.rules.docker.ConfigSettingsIgnored;
import dev.vlint.rules.docker.FetchcontentFullClone;
import dev.vlint.rules.docker.DeletesLinkedRuntime;
import dev.vlint.rules.docker.ShallowClonePinnedCommit;
import dev.vlint.rules.docker.TorchReplacedByLaterInstall;
import java.util.List;

/** The one list of built-in rules; a test checks it against the rule classes, docs and fixtures. */
public final class BuiltinRules {
    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of(
                new ParseError(),
                new UnusedSuppression(),
                new CleanupInLaterLayer(),
                new DeletesLinkedRuntime(),
                new BuildIsolationRefetchesTorch(),
                new ConfigSettingsIgnored(),
                new FetchcontentFullClone(),
                new ShallowClonePinnedCommit(),
                new TorchReplacedByLaterInstall());
    }
}
