package dev.vlint.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vlint.bake.BakeParser;
import dev.vlint.config.Config;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.engine.Linter;
import dev.vlint.project.FileKind;
import dev.vlint.project.FileModels;
import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.python.PyProject;
import dev.vlint.python.RequirementsFile;
import dev.vlint.python.SetupPyFacts;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.shell.ShellParser;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.startos.StartOsSource;
import dev.vlint.workflow.WorkflowParser;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lints one file the way the engine does and checks what must hold for any input: no parser or
 * rule throws, every range lies inside the file, a file whose parse has problems gets VL001, and
 * CPU time and allocation stay within a bound that grows linearly with the file (everything runs
 * on the calling thread, so both are measured there).
 */
final class LintHarness {
    /** Every parser, so each one also meets text written for the others. */
    private static final List<ModelKey<?>> PARSERS = List.of(DockerfileParser.KEY, WorkflowParser.KEY,
            ShellParser.KEY, StartOsSource.KEY, PyProject.KEY, SetupPyFacts.KEY, RequirementsFile.KEY, BakeParser.KEY);
    private static final Path ROOT = Path.of("/fuzz");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Fixed cost allowed per file, plus a cost per byte, for every parser together; generous, so only
     * runaway (superlinear) work fails. The allocation per byte grows with the rule count (about 130
     * rules since the hadolint and BuildKit packs: some 200 bytes per rule for a short RUN, findings
     * included).
     */
    static final long BASE_NANOS = 5_000_000_000L;
    static final long NANOS_PER_BYTE = 3_000;
    static final long BASE_ALLOCATION = 256L << 20;
    static final long ALLOCATION_PER_BYTE = 3_000;

    private LintHarness() {}

    /**
     * Checks one file and returns its findings from the engine.
     *
     * @param everyParser also run the parsers of the other kinds over the file
     */
    static List<Finding> check(String path, FileKind kind, byte[] bytes, String label, boolean everyParser) {
        long started = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        SourceFile source = SourceFile.decode(path, bytes);
        int length = source.text().length();
        for (ModelKey<?> key : everyParser ? PARSERS : List.<ModelKey<?>>of()) {
            ProjectFile alone = new ProjectFile(ROOT.resolve(path), kind, source);
            Parsed<?> parsed = guard(() -> alone.parse(key), "parser " + key, label);
            assertNotNull(parsed, label);
            parsed.problems().forEach(p -> assertInside(p.range(), length, () -> "parser " + key + ": " + p, label));
            assertTrue(parsed.model() != null || !parsed.problems().isEmpty(),
                    "parser " + key + " gave neither a model nor a problem: " + label);
        }
        ProjectFile file = new ProjectFile(ROOT.resolve(path), kind, source);
        Project project = new Project(ROOT, List.of(file), Config.DEFAULT);
        if (kind == FileKind.DOCKERFILE || kind == FileKind.WORKFLOW || kind == FileKind.SHELL) {
            guard(() -> ShellSnippets.of(file), "shell snippets", label);
        }
        List<Finding> direct = new ArrayList<>();
        for (Rule rule : BuiltinRules.all()) {
            if (rule.meta().kinds().contains(kind)) {
                guard(() -> {
                    rule.check(new RuleContext(rule.meta(), file, project, direct::add));
                    return null;
                }, "rule " + rule.meta().id(), label);
            }
        }
        for (Finding finding : direct) {
            assertInside(finding.range(), length, () -> "finding " + finding.ruleId() + " " + finding.message(), label);
            assertNotNull(finding.start(), label);
        }
        List<ParseProblem> problems = FileModels.problems(file);
        boolean hasParseErrorRule = BuiltinRules.all().stream().anyMatch(r -> r.meta().id().equals("VL001")
                && r.meta().kinds().contains(kind));
        if (hasParseErrorRule && !problems.isEmpty()) {
            assertTrue(direct.stream().anyMatch(f -> f.ruleId().equals("VL001")),
                    "parse problems " + problems + " but no VL001: " + label);
        }
        List<Finding> findings = guard(() -> new Linter(BuiltinRules.all()).lint(project, 1), "engine", label);
        assertFalse(findings.size() < direct.size(), "the engine lost findings: " + label);

        long nanos = THREADS.getCurrentThreadCpuTime() - started;
        long bytesAllocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
        assertTrue(nanos <= BASE_NANOS + NANOS_PER_BYTE * bytes.length,
                "took " + nanos / 1_000_000 + " ms of CPU: " + label);
        assertTrue(bytesAllocated <= BASE_ALLOCATION + ALLOCATION_PER_BYTE * bytes.length,
                "allocated " + (bytesAllocated >> 20) + " MiB: " + label);
        return findings;
    }

    /**
     * Lints a whole project through the engine and checks that nothing throws, every finding lies
     * inside its file, and CPU time and allocation stay within the linear bound of its size.
     */
    static List<Finding> checkProject(Project project, String label) {
        return checkProject(project, label, BuiltinRules.all());
    }

    /** {@link #checkProject(Project, String)} with these rules instead of the built-in ones. */
    static List<Finding> checkProject(Project project, String label, List<Rule> rules) {
        long started = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long bytes = project.files().stream().mapToLong(f -> f.source().text().length()).sum();
        List<Finding> findings = guard(() -> new Linter(rules).lint(project, 1), "engine", label);
        for (Finding finding : findings) {
            assertInside(finding.range(), finding.file().text().length(),
                    () -> "finding " + finding.ruleId() + " in " + finding.file().path(), label);
        }
        long nanos = THREADS.getCurrentThreadCpuTime() - started;
        long bytesAllocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
        assertTrue(nanos <= BASE_NANOS + NANOS_PER_BYTE * bytes, "took " + nanos / 1_000_000 + " ms of CPU: " + label);
        assertTrue(bytesAllocated <= BASE_ALLOCATION + ALLOCATION_PER_BYTE * bytes,
                "allocated " + (bytesAllocated >> 20) + " MiB: " + label);
        return findings;
    }

    /** The message is built only on failure: the harness's own allocation counts against the bound. */
    private static void assertInside(TextRange range, int length, Supplier<String> what, String label) {
        assertTrue(range.start() >= 0 && range.start() <= range.end() && range.end() <= length,
                () -> what.get() + " has range " + range + " outside 0.." + length + ": " + label);
    }

    private static <T> T guard(Supplier<T> work, String who, String label) {
        try {
            return work.get();
        } catch (RuntimeException | StackOverflowError e) {
            return fail(who + " threw on " + label, e);
        }
    }
}
