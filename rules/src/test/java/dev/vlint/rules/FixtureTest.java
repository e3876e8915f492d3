package dev.vlint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.RuleMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Lints every fixture case as a project of its own and checks the findings against the
 * {@code expect:} markers in its files, both ways: every marker must be matched by a finding,
 * and every finding must be matched by a marker.
 */
class FixtureTest {
    private static final String SHELLCHECK_RULE = "VL551";
    private static final RuleIndex INDEX = new RuleIndex(BuiltinRules.all());
    private static final Set<String> STYLE_PACK = BuiltinRules.all().stream().map(Rule::meta)
            .filter(meta -> meta.tags().contains("hygiene")).map(RuleMeta::id).collect(Collectors.toSet());

    @TestFactory
    Stream<DynamicTest> everyFixtureCaseProducesExactlyItsMarkedFindings() {
        return Fixtures.cases().stream().map(dir -> DynamicTest.dynamicTest(
                Fixtures.rulesRoot().relativize(dir).toString(), dir.toUri(), () -> check(dir)));
    }

    private static void check(Path caseDir) {
        String ruleId = caseDir.getParent().getFileName().toString();
        boolean shellCheck = ruleId.equals(SHELLCHECK_RULE);
        assumeTrue(!shellCheck || FixtureRunner.shellCheckInstalled(),
                "shellcheck is not installed (apt-get install shellcheck): the " + ruleId + " cases are skipped");
        Project project = FixtureRunner.load(caseDir);
        List<Expectation> expected = new ArrayList<>();
        for (ProjectFile file : project.files()) {
            expected.addAll(Expectation.scan(file.source()));
        }
        // Style-pack findings (hadolint's rules) are checked only in cases of that rule or cases that
        // mark it, so other fixtures need not mark every unpinned package.
        Set<String> marked = expected.stream().map(Expectation::ruleId).collect(Collectors.toSet());
        List<Finding> findings = (shellCheck ? FixtureRunner.lintWithShellCheck(project) : FixtureRunner.lint(project))
                .stream().filter(f -> !f.suppressed())
                .filter(f -> f.ruleId().equals(ruleId) || marked.contains(f.ruleId())
                        || !STYLE_PACK.contains(f.ruleId())).toList();
        // A rule owning another tool's codes (VL551: SC2086) is expected through them.
        Predicate<Expectation> forRule = e -> e.ruleId().equals(ruleId)
                || INDEX.owner(e.ruleId()).map(owner -> owner.meta().id().equals(ruleId)).orElse(false);
        if (Fixtures.isFiring(caseDir)) {
            assertTrue(expected.stream().anyMatch(forRule),
                    caseDir + " is a firing case but has no expect marker for " + ruleId);
        } else if (Fixtures.isClean(caseDir)) {
            assertTrue(expected.stream().noneMatch(forRule),
                    caseDir + " is a clean case but expects " + ruleId);
        } else {
            fail(caseDir + ": case folders are named fire-* or clean-*");
        }

        List<Finding> unmatched = new ArrayList<>(findings);
        List<Expectation> missing = new ArrayList<>();
        for (Expectation expectation : expected) {
            boolean matched = false;
            for (Iterator<Finding> it = unmatched.iterator(); it.hasNext(); ) {
                Finding f = it.next();
                if (matches(expectation, f)) {
                    it.remove();
                    matched = true;
                }
            }
            if (!matched && findings.stream().noneMatch(f -> matches(expectation, f))) {
                missing.add(expectation);
            }
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            StringBuilder message = new StringBuilder(caseDir.toString()).append('\n');
            missing.forEach(e -> message.append("  expected but not reported: ").append(e).append('\n'));
            unmatched.forEach(f -> message.append("  reported but not marked:   ").append(describe(f)).append('\n'));
            fail(message.toString());
        }
    }

    private static boolean matches(Expectation e, Finding f) {
        return e.file().equals(f.file().path()) && e.ruleId().equals(f.ruleId()) && e.line() == f.start().line()
                && (e.level() == null || e.level().equals(f.severity().name().toLowerCase(Locale.ROOT)))
                && (e.rangeText() == null || e.rangeText().equals(f.file().slice(f.range())));
    }

    private static String describe(Finding f) {
        return f.file().path() + ":" + f.start().line() + ":" + f.start().column() + " " + f.ruleId() + " "
                + f.severity().name().toLowerCase(Locale.ROOT) + " \"" + f.file().slice(f.range()) + "\" " + f.message();
    }
}
