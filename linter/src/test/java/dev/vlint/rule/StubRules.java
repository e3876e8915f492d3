package dev.vlint.rule;

import dev.vlint.project.FileKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rules that find nothing, for tests that only need ids and aliases. */
public final class StubRules {
    private StubRules() {}

    public static Rule rule(String id, String... aliases) {
        RuleMeta meta = new RuleMeta(id, "rule-" + id.toLowerCase(Locale.ROOT), Severity.WARNING, "a test rule",
                Fixability.NONE, Set.of(FileKind.DOCKERFILE), List.of(), Arrays.asList(aliases));
        return new Rule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(RuleContext context) {}
        };
    }

    public static RuleIndex index(String... ids) {
        return new RuleIndex(Arrays.stream(ids).map(StubRules::rule).toList());
    }
}
