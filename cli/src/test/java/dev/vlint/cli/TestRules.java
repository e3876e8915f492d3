package dev.vlint.cli;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Set;

/** Rules that exist only for the CLI tests. */
final class TestRules {
    private TestRules() {}

    /** Reports every {@code :latest} tag as an error, with a safe fix. */
    static final Rule LATEST = new Rule() {
        private final RuleMeta meta = new RuleMeta("XT001", "test-latest-tag", Severity.ERROR,
                "Image tagged latest", Fixability.SAFE, Set.of(FileKind.DOCKERFILE), List.of("docker"));

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            String text = context.file().source().text();
            for (int at = text.indexOf(":latest"); at >= 0; at = text.indexOf(":latest", at + 1)) {
                TextRange range = new TextRange(at + 1, at + 7);
                context.report(range, "tag latest is not reproducible", Fix.safe("Pin 24.04", new Edit(range, "24.04")));
            }
        }
    };

    /** Reports every {@code apt-get} as a note. */
    static final Rule APT = new Rule() {
        private final RuleMeta meta = new RuleMeta("XT002", "test-apt", Severity.NOTE,
                "apt-get used", Fixability.NONE, Set.of(FileKind.DOCKERFILE), List.of(), List.of("DL9002", "AptUsed"));

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            String text = context.file().source().text();
            for (int at = text.indexOf("apt-get"); at >= 0; at = text.indexOf("apt-get", at + 1)) {
                context.report(new TextRange(at, at + 7), "apt-get is used");
            }
        }
    };

    /** Fails on every file, standing in for a bug in a rule. */
    static final Rule BROKEN = new Rule() {
        private final RuleMeta meta = new RuleMeta("XT003", "test-broken", Severity.WARNING,
                "Always crashes", Fixability.NONE, Set.of(FileKind.DOCKERFILE), List.of());

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            throw new IllegalStateException("rule bug\nsecond line");
        }
    };
}
