package dev.vlint.engine;

import dev.vlint.project.FileKind;
import dev.vlint.project.FileModels;
import dev.vlint.project.ModelKey;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import dev.vlint.suppress.Suppressions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs rules over a project and returns their findings, with suppression comments and config
 * levels applied, in order.
 */
public final class Linter {
    /** Files are linted on a pool of this many threads (the machine's cores, at most 8). */
    public static final int DEFAULT_THREADS = Math.min(8, Runtime.getRuntime().availableProcessors());

    /** The walkers of the file kinds whose rules are dispatched node by node. */
    private static final List<Walker<?>> WALKERS = List.of(new DockerfileWalker(), new ShellWalker(),
            new WorkflowWalker());

    private final List<Rule> rules;
    private final RuleIndex index;
    private final BuildkitChecks buildkitChecks;

    public Linter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex(rules);
        this.buildkitChecks = new BuildkitChecks(this.rules);
    }

    /** Receives a call after each file is checked; called from several threads at once. */
    @FunctionalInterface
    public interface Progress {
        void filesDone(int done, int total);

        /**
         * A rule threw on a file, which is a bug in the rule. An implementation that returns lets the
         * run go on with the other rules and files; by default the exception ends the run.
         */
        default void ruleFailed(String ruleId, ProjectFile file, RuntimeException error) {
            throw error;
        }
    }

    public List<Finding> lint(Project project) {
        return lint(project, DEFAULT_THREADS, (done, total) -> { });
    }

    /** Like {@link #lint(Project)}, telling {@code progress} how many files are done. */
    public List<Finding> lint(Project project, Progress progress) {
        return lint(project, DEFAULT_THREADS, progress);
    }

    public List<Finding> lint(Project project, int threads) {
        return lint(project, threads, (done, total) -> { });
    }

    /**
     * Lints the files on at most {@code threads} threads. Each file's findings are kept apart and
     * joined in file order, so the result does not depend on scheduling.
     */
    public List<Finding> lint(Project project, int threads, Progress progress) {
        List<ProjectFile> files = project.files();
        List<List<Finding>> perFile = new ArrayList<>(Collections.nCopies(files.size(), null));
        List<Suppressions> suppressions = new ArrayList<>(Collections.nCopies(files.size(), null));
        AtomicInteger done = new AtomicInteger();
        IntConsumer lintOne = i -> {
            ProjectFile file = files.get(i);
            perFile.set(i, lintFile(project, file, progress));
            suppressions.set(i, Suppressions.scan(file.source(), file.kind(), index));
            progress.filesDone(done.incrementAndGet(), files.size());
        };
        if (threads <= 1 || files.size() <= 1) {
            IntStream.range(0, files.size()).forEach(lintOne);
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                // Every file is parsed first, evenly spread over the threads. Project-wide models
                // (the build model reads every workflow, Dockerfile and script) then find their files
                // parsed, instead of the first rules to ask parsing them while the other threads wait.
                pool.submit(() -> IntStream.range(0, files.size()).parallel().forEach(i -> parsePrimary(files.get(i))))
                        .join();
                pool.submit(() -> IntStream.range(0, files.size()).parallel().forEach(lintOne)).join();
            } finally {
                pool.shutdown();
            }
        }
        List<Finding> findings = new ArrayList<>();
        perFile.forEach(findings::addAll);
        List<Finding> result = new ArrayList<>();
        for (Finding finding : applySuppressions(project, suppressions, findings)) {
            Optional<Severity> level = project.config().ruleLevels().get(finding.ruleId());
            if (level == null) {
                result.add(finding);
            } else {
                level.ifPresent(severity -> result.add(finding.withSeverity(severity)));
            }
        }
        result.replaceAll(finding -> buildkitChecks.escalate(project, finding));
        result.sort(Finding::compare);
        return result;
    }

    /** Applies each file's suppressions ({@code suppressions}, in project file order) to the findings. */
    private List<Finding> applySuppressions(Project project, List<Suppressions> suppressions, List<Finding> findings) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byFile.computeIfAbsent(finding.file().path(), k -> new ArrayList<>()).add(finding);
        }
        Map<FileKind, Set<String>> checkedByKind = new EnumMap<>(FileKind.class);
        Map<FileKind, Optional<Rule>> unusedRuleByKind = new EnumMap<>(FileKind.class);
        Map<FileKind, Optional<Rule>> blanketRuleByKind = new EnumMap<>(FileKind.class);
        List<Finding> result = new ArrayList<>();
        for (int i = 0; i < project.files().size(); i++) {
            ProjectFile file = project.files().get(i);
            List<Finding> own = byFile.remove(file.path());
            Suppressions.Result applied = suppressions.get(i).apply(own == null ? List.of() : own,
                    checkedByKind.computeIfAbsent(file.kind(), kind -> checkedRuleIds(project, kind)));
            result.addAll(applied.findings());
            unusedRuleByKind.computeIfAbsent(file.kind(), kind -> enabledRule(project, kind, Suppressions.UNUSED_ID))
                    .ifPresent(rule -> applied.unused()
                    .forEach(f -> result.add(f.withSeverity(rule.meta().severity()))));
            blanketRuleByKind.computeIfAbsent(file.kind(), kind -> enabledRule(project, kind, Suppressions.BLANKET_ID))
                    .ifPresent(rule -> applied.blanket()
                    .forEach(f -> result.add(f.withSeverity(rule.meta().severity()))));
        }
        byFile.values().forEach(result::addAll);
        return result;
    }

    /**
     * The rule {@code id} (VL002, VL003) when it runs on files of this kind; the engine reports
     * the findings about suppression comments only then.
     */
    private Optional<Rule> enabledRule(Project project, FileKind kind, String id) {
        return rules.stream().filter(rule -> rule.meta().id().equals(id)
                && rule.meta().kinds().contains(kind) && isEnabled(project, rule)).findFirst();
    }

    private Set<String> checkedRuleIds(Project project, FileKind kind) {
        return rules.stream().filter(rule -> rule.meta().kinds().contains(kind) && isEnabled(project, rule))
                .map(rule -> rule.meta().id()).collect(Collectors.toSet());
    }

    /** Parses the file's own model into its cache; a parser that throws is left to the rules that ask. */
    private static void parsePrimary(ProjectFile file) {
        ModelKey<?> key = FileModels.primary(file.kind());
        if (key != null) {
            try {
                file.parse(key);
            } catch (RuntimeException e) {
                // Not cached: the rule that parses the file again gets the exception and reports it.
            }
        }
    }

    private List<Finding> lintFile(Project project, ProjectFile file, Progress progress) {
        List<Finding> sink = new ArrayList<>();
        Visitors.FailureSink failures = (ruleId, error) -> progress.ruleFailed(ruleId, file, error);
        List<Visitors<?>> walks = new ArrayList<>();
        for (Walker<?> walker : WALKERS) {
            walks.add(walker.walks(file.kind()) ? Visitors.start(failures) : null);
        }
        for (Rule rule : rules) {
            if (rule.meta().kinds().contains(file.kind()) && isEnabled(project, rule)) {
                RuleContext context = new RuleContext(rule.meta(), file, project, sink::add);
                try {
                    rule.check(context);
                } catch (RuntimeException e) {
                    progress.ruleFailed(rule.meta().id(), file, e);
                }
                for (int w = 0; w < WALKERS.size(); w++) {
                    if (walks.get(w) != null) {
                        join(WALKERS.get(w), walks.get(w), rule, context);
                    }
                }
            }
        }
        for (int w = 0; w < WALKERS.size(); w++) {
            if (walks.get(w) != null && !walks.get(w).isEmpty()) {
                walk(WALKERS.get(w), file, walks.get(w));
            }
        }
        return buildkitChecks.filter(project, file, sink);
    }

    @SuppressWarnings("unchecked")
    private static <V> void join(Walker<V> walker, Visitors<?> walk, Rule rule, RuleContext context) {
        if (walker.visitorType().isInstance(rule)) {
            ((Visitors<V>) walk).add(rule.meta().id(), walker.visitorType().cast(rule), context);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> void walk(Walker<V> walker, ProjectFile file, Visitors<?> visitors) {
        walker.walk(file, (Visitors<V>) visitors);
    }

    private static boolean isEnabled(Project project, Rule rule) {
        Optional<Severity> level = project.config().ruleLevels().get(rule.meta().id());
        return level == null ? rule.meta().enabledByDefault() : level.isPresent();
    }
}
