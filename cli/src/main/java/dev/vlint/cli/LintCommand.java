package dev.vlint.cli;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.engine.Linter;
import dev.vlint.fixers.FixMode;
import dev.vlint.fixers.FixReport;
import dev.vlint.fixers.FixSession;
import dev.vlint.fixers.ParseCheck;
import dev.vlint.fixers.SafeWriter;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.project.ProjectLoader;
import dev.vlint.report.GithubReporter;
import dev.vlint.report.JsonReporter;
import dev.vlint.report.Reporter;
import dev.vlint.report.RunResult;
import dev.vlint.report.SarifReporter;
import dev.vlint.report.TextReporter;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code vlint [PATH...]}: lints files and folders and reports the findings.
 *
 * <p>The lint root is the git work tree that holds the first path, or the working directory when
 * that path is not in a git work tree; paths in reports are relative to it.
 *
 * <p>Its options are declared with picocli's programmatic API, not its annotations: reading
 * annotations by reflection made picocli the largest part of a one-file run (about 60 ms of 100).
 */
final class LintCommand implements Callable<Integer> {
    enum Format { TEXT, JSON, SARIF, GITHUB }

    enum FailOn { ERROR, WARNING, NOTE, NONE }

    private final Session session;
    private final CommandSpec spec;

    private List<Path> paths;
    private String format;
    private Path output;
    private Path config;
    private List<String> select;
    private List<String> ignore;
    private String failOn;
    private boolean noColor;
    private String category;
    private boolean fix;
    private boolean unsafeFixes;
    private boolean diff;
    private boolean changed;
    private String since;
    private Path baseline;
    private boolean statistics;

    /**
     * picocli's default factory looks for Groovy's Closure class on the class path when it is first
     * touched, which waits for the 5,000-entry jar to open. A lint run only needs the collections of
     * its multi-value options (the same ones picocli makes), so the default factory is made only
     * for anything else.
     */
    static final IFactory LAZY_FACTORY = new IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == List.class || type == Collection.class) {
                return type.cast(new ArrayList<>());
            }
            if (type == Set.class) {
                return type.cast(new LinkedHashSet<>());
            }
            if (type == Map.class) {
                return type.cast(new LinkedHashMap<>());
            }
            return CommandLine.defaultFactory().create(type);
        }
    };

    LintCommand(Session session) {
        this.session = session;
        this.spec = CommandSpec.wrapWithoutInspection(this, LAZY_FACTORY).name("vlint").version("vlint " + Main.VERSION);
        spec.usageMessage()
                .description("Lints container build definitions: Dockerfiles, workflows, packaging files, scripts.")
                .footerHeading("%n")
                .footer("Paths in reports are relative to the root of the git work tree that holds the first PATH,"
                        + " or to the working directory outside git.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes("0", "nothing at or above --fail-on (with --diff: no file would change)",
                        "1", "findings at or above --fail-on (with --diff: a file would change, whatever --fail-on says)",
                        "2", "usage or config error", "3", "internal error"));
        spec.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*").type(List.class)
                .auxiliaryTypes(Path.class).initialValue(new ArrayList<Path>())
                .description("Files and folders to lint (default: .).").build());
        option("--format", "FORMAT", String.class, "text", "text, json, sarif or github (default: text).");
        option("--output", "FILE", Path.class, null, "Write the report to FILE (atomically) instead of standard output.");
        option("--config", "FILE", Path.class, null, "Config file (default: .vlint.yaml at the lint root).");
        listOption("--select", "RULES", "Run only these rules (comma-separated ids).");
        listOption("--ignore", "RULES", "Do not run these rules (comma-separated ids).");
        option("--fail-on", "LEVEL", String.class, null,
                "error, warning, note or none (default: warning, or a .hadolint.yaml failure-threshold).");
        flag("--no-color", "Never colour the text output (NO_COLOR does the same).");
        option("--category", "NAME", String.class, null, "SARIF analysis category (runAutomationDetails.id).");
        flag("--fix", "Apply safe fixes to the files, then report what is left.");
        flag("--unsafe-fixes", "Also apply fixes that may change behaviour (with --fix or --diff).");
        flag("--diff", "Print the fixes as a unified diff and write nothing; exit 1 when a file would change, 0"
                + " when none would (as ruff --diff), whatever --fail-on says.");
        flag("--changed", "Report only on files changed against HEAD: staged, unstaged and untracked (not ignored).");
        option("--since", "REF", String.class, null, "Report only on files changed since the git revision REF"
                + " (branch, tag, sha, HEAD~3, origin/main), untracked files included.");
        option("--baseline", "FILE", Path.class, null, "Report only findings that are not in FILE,"
                + " an earlier SARIF report of vlint.");
        flag("--statistics", "Print how often each rule fired instead of the findings (text or json).");
        // What mixinStandardHelpOptions adds, without the reflection over its mixin class.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** The command's model, for picocli. */
    CommandSpec spec() {
        return spec;
    }

    private void option(String name, String label, Class<?> type, Object initial, String description) {
        spec.addOption(OptionSpec.builder(name).paramLabel(label).type(type).initialValue(initial)
                .description(description).build());
    }

    private void listOption(String name, String label, String description) {
        spec.addOption(OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class)
                .splitRegex(",").initialValue(new ArrayList<String>()).description(description).build());
    }

    private void flag(String name, String description) {
        spec.addOption(OptionSpec.builder(name).arity("0").type(boolean.class).initialValue(false)
                .description(description).build());
    }

    private static Map<String, String> exitCodes(String... codesAndMeanings) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < codesAndMeanings.length; i += 2) {
            codes.put(codesAndMeanings[i], codesAndMeanings[i + 1]);
        }
        return codes;
    }

    private <T> T value(String option) {
        return spec.findOption(option).getValue();
    }

    /** Takes the parsed values from the model. */
    private void bind() {
        paths = spec.positionalParameters().get(0).getValue();
        format = value("--format");
        output = value("--output");
        config = value("--config");
        select = value("--select");
        ignore = value("--ignore");
        failOn = value("--fail-on");
        noColor = value("--no-color");
        category = value("--category");
        fix = value("--fix");
        unsafeFixes = value("--unsafe-fixes");
        diff = value("--diff");
        changed = value("--changed");
        since = value("--since");
        baseline = value("--baseline");
        statistics = value("--statistics");
    }

    @Override
    public Integer call() throws IOException, ConfigException {
        long started = System.nanoTime();
        bind();
        Format chosenFormat = choice(Format.class, format, "--format");
        if (failOn != null) {
            choice(FailOn.class, failOn, "--fail-on");
        }
        if (statistics && chosenFormat != Format.TEXT && chosenFormat != Format.JSON) {
            throw new UsageException("--statistics prints text or json, not " + format);
        }
        List<Path> targets = session.readableTargets(paths);
        Path root = GitRoot.find(targets.get(0)).orElse(session.cwd());
        Config settings = session.config(config, root);
        FailOn threshold = choice(FailOn.class,
                failOn != null ? failOn : settings.failOn() != null ? settings.failOn() : "warning", "--fail-on");
        List<Rule> rules = chosenRules(settings);
        settings = enableSelected(settings, rules);
        Baseline known = baseline == null ? null : Baseline.read(session.cwd().resolve(baseline), baseline.toString());
        Optional<Set<String>> reported = reportedFiles(root);

        Project project = ProjectLoader.load(root, targets, settings, note -> session.err().println("vlint: " + note));
        int checkedFiles = reported
                .map(set -> (int) project.files().stream().filter(f -> set.contains(f.path())).count())
                .orElse(project.files().size());
        List<Finding> findings;
        List<RuleFailure> failures = Collections.synchronizedList(new ArrayList<>());
        RunSummary.Fixing fixing = RunSummary.Fixing.NONE;
        if (fix || diff) {
            // Fixes are written, so only the reported files may change: the others are left out of the project.
            Project fixScope = reported.map(set -> new Project(project.root(),
                    project.files().stream().filter(f -> set.contains(f.path())).toList(), project.config()))
                    .orElse(project);
            FixMode mode = unsafeFixes ? FixMode.UNSAFE : FixMode.SAFE;
            FixReport fixReport = FixSession.run(fixScope, rules, mode, ParseCheck.PRIMARY);
            if (diff) {
                session.out().print(fixReport.diff());
                session.out().flush();
                session.err().println("vlint: " + fixReport.summary() + " (nothing written: --diff)");
                // One rule for --diff, like ruff's: it answers "would --fix change a file?", not --fail-on.
                return fixReport.changedFiles().isEmpty() ? Session.OK : Session.FINDINGS;
            }
            boolean written = writeFixes(fixReport, project.root());
            findings = fixReport.remaining();
            if (!written) {
                return Session.FINDINGS;
            }
            fixing = unsafeFixes ? RunSummary.Fixing.UNSAFE : RunSummary.Fixing.SAFE;
        } else {
            findings = lint(rules, project, failures);
        }
        if (reported.isPresent()) {
            findings = findings.stream().filter(f -> reported.get().contains(f.file().path())).toList();
        }
        RuleIndex index = new RuleIndex(rules);
        Predicate<String> kept = selection(new RuleIndex(session.rules()));
        findings = findings.stream().filter(f -> kept.test(f.ruleId())).toList();
        if (known != null) {
            findings = known.newFindings(findings);
        }
        RunResult result = new RunResult(findings, index.withMembersOf(findings), Main.VERSION);
        for (Rule rule : rules) {
            rule.notes(project).forEach(note -> session.err().println("vlint: " + note));
        }

        String report = render(result, chosenFormat);
        if (output == null) {
            session.out().print(report);
            session.out().flush();
        } else {
            writeAtomically(session.cwd().resolve(output), report);
        }
        if (chosenFormat == Format.TEXT) {
            session.err().println(RunSummary.line(checkedFiles, Duration.ofNanos(System.nanoTime() - started),
                    result.active(), fixing));
            session.err().flush();
        }
        if (!failures.isEmpty()) {
            // The report above is complete but for what the failed rules would have found.
            failures.stream().sorted(Comparator.comparing(RuleFailure::path).thenComparing(RuleFailure::ruleId))
                    .forEach(f -> session.internalError(f.ruleId() + " failed on " + f.path() + ": ", f.error()));
            return Session.INTERNAL;
        }
        return failed(result, threshold) ? Session.FINDINGS : Session.OK;
    }

    /** The files whose findings are reported with {@code --changed} or {@code --since}; empty without them. */
    private Optional<Set<String>> reportedFiles(Path root) {
        if (changed && since != null) {
            throw new UsageException("--changed and --since cannot be combined");
        }
        if (changed) {
            return Optional.of(ChangedFiles.sinceHead(root));
        }
        return since == null ? Optional.empty() : Optional.of(ChangedFiles.since(root, since));
    }

    /** The report in the chosen format, or the {@code --statistics} table. */
    private String render(RunResult result, Format chosenFormat) throws IOException {
        if (statistics) {
            List<RunSummary.Row> rows = RunSummary.statistics(result.active(), result.rules());
            return chosenFormat == Format.JSON ? RunSummary.json(rows) : RunSummary.table(rows);
        }
        StringWriter text = new StringWriter();
        reporter(chosenFormat).write(result, text);
        return text.toString();
    }

    /** A rule that threw on a file; the run went on without it there. */
    private record RuleFailure(String ruleId, String path, RuntimeException error) {}

    /**
     * Lints the project, with a progress line on a terminal's standard error. A rule that throws
     * is added to {@code failures} and the other rules and files are still checked.
     */
    private List<Finding> lint(List<Rule> rules, Project project, List<RuleFailure> failures) {
        ProgressLine line = session.errTerminal() ? new ProgressLine(session.err()) : null;
        Linter.Progress progress = new Linter.Progress() {
            @Override
            public void filesDone(int done, int total) {
                if (line != null) {
                    line.filesDone(done, total);
                }
            }

            @Override
            public void ruleFailed(String ruleId, ProjectFile file, RuntimeException error) {
                failures.add(new RuleFailure(ruleId, file.path(), error));
            }
        };
        try {
            return new Linter(rules).lint(project, progress);
        } finally {
            if (line != null) {
                line.clear();
            }
        }
    }

    /** Writes the fixed files; false when any could not be written (each is named on stderr). */
    private boolean writeFixes(FixReport fixed, Path root) {
        boolean allWritten = true;
        for (SafeWriter.Outcome outcome : fixed.write(SafeWriter.within(root))) {
            if (!outcome.ok()) {
                session.err().println("vlint: " + outcome.message());
                allWritten = false;
            }
        }
        fixed.notes().forEach(note -> session.err().println("vlint: " + note));
        session.err().println("vlint: " + fixed.summary());
        session.err().flush();
        return allWritten;
    }

    private Reporter reporter(Format chosen) {
        return switch (chosen) {
            case TEXT -> new TextReporter(!noColor && output == null && session.colorAllowed());
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter(category);
            case GITHUB -> new GithubReporter();
        };
    }

    private static boolean failed(RunResult result, FailOn threshold) {
        if (threshold == FailOn.NONE) {
            return false;
        }
        Severity bar = Severity.valueOf(threshold.name());
        return result.active().stream().anyMatch(f -> f.severity().atLeast(bar));
    }

    /**
     * The rules to run: all, narrowed by --select and --ignore, without those the config turns off. A
     * selected member id ({@code SC2086}) selects the rule that owns it; {@link #selection} then
     * keeps only the selected members' findings.
     */
    private List<Rule> chosenRules(Config settings) {
        RuleIndex index = new RuleIndex(session.rules());
        Set<String> selected = ids(select, index, "--select");
        Set<String> ignored = ids(ignore, index, "--ignore");
        for (String id : List.copyOf(selected)) {
            index.owner(id).ifPresent(owner -> selected.add(owner.meta().id()));
        }
        List<Rule> chosen = new ArrayList<>();
        for (Rule rule : session.rules()) {
            RuleMeta meta = rule.meta();
            Optional<Severity> level = settings.ruleLevels().get(meta.id());
            boolean off = level != null && level.isEmpty();
            if ((selected.isEmpty() || selected.contains(meta.id())) && !ignored.contains(meta.id()) && !off) {
                chosen.add(rule);
            }
        }
        return chosen;
    }

    /** Turns on the off-by-default rules that {@code --select} names and the config leaves unset. */
    private Config enableSelected(Config settings, List<Rule> rules) {
        if (select.isEmpty()) {
            return settings;
        }
        Map<String, Optional<Severity>> levels = new HashMap<>(settings.ruleLevels());
        for (Rule rule : rules) {
            if (!rule.meta().enabledByDefault()) {
                levels.putIfAbsent(rule.meta().id(), Optional.of(rule.meta().severity()));
            }
        }
        return settings.withRuleLevels(levels);
    }

    /**
     * Which findings --select and --ignore keep by rule id: a member id ({@code SC2086}) is kept unless
     * ignored, when nothing is selected, or it or the rule owning it is selected.
     */
    private Predicate<String> selection(RuleIndex index) {
        Set<String> selected = ids(select, index, "--select");
        Set<String> ignored = ids(ignore, index, "--ignore");
        return ruleId -> !ignored.contains(ruleId) && (selected.isEmpty() || selected.contains(ruleId)
                || index.owner(ruleId).map(owner -> selected.contains(owner.meta().id())).orElse(true));
    }

    /** The rule ids that {@code written} (ids, names or aliases, any case) stand for. */
    private static Set<String> ids(List<String> written, RuleIndex index, String option) {
        Set<String> ids = new LinkedHashSet<>();
        for (String text : written) {
            ids.add(index.id(text).orElseThrow(() -> new UsageException("unknown rule id '" + text + "' in " + option
                    + index.closest(text).map(c -> "; did you mean " + c + "?").orElse(" (vlint rules lists them)"))));
        }
        return ids;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new UsageException("invalid value '" + value + "' for " + option + "; expected one of "
                    + String.join(", ", names));
        }
    }

    /** Writes a sibling temporary file and renames it over the target, so readers never see half a report. */
    static void writeAtomically(Path target, String content) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // /dev/stdout, a named pipe: written to, never replaced by a regular file.
            Files.writeString(target, content, StandardCharsets.UTF_8);
            return;
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
