package dev.vlint.fixers.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vlint.config.ConfigException;
import dev.vlint.fixers.FixMode;
import dev.vlint.fixers.FixReport;
import dev.vlint.fixers.FixSession;
import dev.vlint.fixers.ParseCheck;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.project.ProjectLoader;
import dev.vlint.rule.Rule;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.rules.RuleConfigs;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fix pairs: {@code fixtures/fixes/<RULE-ID>/<safe|unsafe>-<name>/before/} fixed in that mode must
 * equal {@code after/}, with a fix of that rule applied, nothing rolled back, and a second run
 * changing nothing. Also: fixing every rule fixture keeps every file parseable.
 */
class FixPairTest {
    private static final Path FIXTURES =
            Path.of(System.getProperty("vlint.root", "..")).resolve("fixtures").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> everyFixPairFixesBeforeIntoAfter() {
        return caseDirs(FIXTURES.resolve("fixes")).map(dir -> DynamicTest.dynamicTest(
                FIXTURES.relativize(dir).toString(), dir.toUri(), () -> checkPair(dir)));
    }

    @TestFactory
    Stream<DynamicTest> fixingAnyRuleFixtureKeepsItParseableAndConverges() {
        return caseDirs(FIXTURES.resolve("rules")).map(dir -> DynamicTest.dynamicTest(
                FIXTURES.relativize(dir).toString(), dir.toUri(), () -> {
                    Project project = load(dir);
                    FixReport report = FixSession.run(project, BuiltinRules.all(), FixMode.UNSAFE, ParseCheck.PRIMARY);
                    assertEquals(List.of(), report.rolledBack(), "fixes that broke parsing");
                    for (FixReport.FileResult file : report.changedFiles()) {
                        int before = ParseCheck.PRIMARY.problems(file.original()).size();
                        int after = ParseCheck.PRIMARY.problems(reparsed(file)).size();
                        assertTrue(after <= before, file.original().path() + " has new parse problems after fixing");
                    }
                    assertNothingLeftToFix(report, project);
                }));
    }

    private static void checkPair(Path caseDir) throws IOException {
        String ruleId = caseDir.getParent().getFileName().toString();
        String name = caseDir.getFileName().toString();
        FixMode mode = name.startsWith("safe-") ? FixMode.SAFE : name.startsWith("unsafe-") ? FixMode.UNSAFE : null;
        if (mode == null) {
            fail(caseDir + ": fix pair folders are named safe-* or unsafe-*");
        }
        Path before = caseDir.resolve("before");
        Path after = caseDir.resolve("after");
        Project project = load(before);
        // Style-pack fixes (hadolint's rules) apply only in their own rule's pairs, as FixtureTest checks them.
        List<Rule> rules = BuiltinRules.all().stream().filter(r -> r.meta().id().equals(ruleId)
                || !r.meta().tags().contains("hygiene")).toList();
        FixReport report = FixSession.run(project, rules, mode, ParseCheck.PRIMARY);

        assertTrue(report.applied().stream().anyMatch(f -> f.ruleId().equals(ruleId)), "no " + ruleId + " fix applied");
        assertEquals(List.of(), report.rolledBack(), "fixes that broke parsing");
        for (FixReport.FileResult file : report.files()) {
            Path expected = after.resolve(file.original().path());
            assertTrue(Files.isRegularFile(expected), "after/ lacks " + file.original().path());
            SourceFile want = SourceFile.decode(file.original().path(), Files.readAllBytes(expected));
            assertEquals(want.text(), file.fixed().text(), file.original().path());
            assertEquals(want.hasBom(), file.fixed().hasBom(), file.original().path() + " BOM");
        }
        assertNothingLeftToFix(report, project, rules);
    }

    /** Fixing the fixed texts again applies nothing: the loop reached its fixed point. */
    private static void assertNothingLeftToFix(FixReport report, Project project) {
        assertNothingLeftToFix(report, project, BuiltinRules.all());
    }

    private static void assertNothingLeftToFix(FixReport report, Project project, List<Rule> rules) {
        Map<String, SourceFile> fixed = new HashMap<>();
        report.files().forEach(f -> fixed.put(f.original().path(), f.fixed()));
        FixReport again = FixSession.run(FixSession.withTexts(project, fixed), rules,
                FixMode.UNSAFE, ParseCheck.PRIMARY);
        assertEquals(List.of(), again.applied(), "a second run still fixed something");
    }

    private static ProjectFile reparsed(FixReport.FileResult file) {
        ProjectFile original = file.original();
        return new ProjectFile(original.absolutePath(), original.kind(), file.fixed());
    }

    /** Loads a folder as a project, with its own {@code .vlint.yaml} when it has one. */
    private static Project load(Path root) {
        try {
            return ProjectLoader.load(root, List.of(root), RuleConfigs.ofFolder(root), note -> {});
        } catch (ConfigException e) {
            throw new IllegalStateException("fixture config: " + e.getMessage(), e);
        }
    }

    private static Stream<Path> caseDirs(Path top) {
        if (!Files.isDirectory(top)) {
            return Stream.empty();
        }
        try (Stream<Path> rules = Files.list(top)) {
            return rules.filter(Files::isDirectory).sorted().flatMap(rule -> {
                try (Stream<Path> cases = Files.list(rule)) {
                    return cases.filter(Files::isDirectory).sorted().toList().stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList().stream();
        }  catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
