package dev.vlint.fixers;

import dev.vlint.engine.Linter;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed-point loop: lint, apply the fixes the mode allows that do not overlap, check that each
 * changed file still parses (rolling back fixes that break it), lint the new texts again, and repeat
 * until no fix applies or {@link #MAX_ROUNDS} rounds have run. Works on in-memory texts only; see
 * {@link FixReport#write} for writing.
 */
public final class FixSession {
    public static final int MAX_ROUNDS = 10;

    private final Project original;
    private final Linter linter;
    private final FixMode mode;
    private final ParseCheck parseCheck;
    private final Map<String, FileState> states = new LinkedHashMap<>();

    private FixSession(Project project, List<Rule> rules, FixMode mode, ParseCheck parseCheck) {
        this.original = project;
        this.linter = new Linter(rules);
        this.mode = mode;
        this.parseCheck = parseCheck;
        for (ProjectFile file : project.files()) {
            states.put(file.path(), new FileState(file));
        }
    }

    public static FixReport run(Project project, List<Rule> rules, FixMode mode, ParseCheck parseCheck) {
        return new FixSession(project, rules, mode, parseCheck).loop();
    }

    /** The project with some files' texts replaced; unchanged files keep their parsed models. */
    public static Project withTexts(Project project, Map<String, SourceFile> texts) {
        List<ProjectFile> files = new ArrayList<>();
        for (ProjectFile file : project.files()) {
            SourceFile text = texts.get(file.path());
            files.add(text == null || text == file.source() ? file
                    : new ProjectFile(file.absolutePath(), file.kind(), text));
        }
        return new Project(project.root(), files, project.config());
    }

    private FixReport loop() {
        List<Finding> findings = linter.lint(original);
        int rounds = 0;
        boolean limitHit = false;
        while (true) {
            Map<String, List<Candidate>> candidates = candidates(findings);
            if (candidates.isEmpty()) {
                break;
            }
            if (rounds == MAX_ROUNDS) {
                limitHit = true;
                break;
            }
            rounds++;
            boolean changed = false;
            for (Map.Entry<String, List<Candidate>> entry : candidates.entrySet()) {
                changed |= fixFile(states.get(entry.getKey()), entry.getValue());
            }
            // Unchanged texts give the same findings again; the fixes rolled back this round are
            // blocked now, so the next round tries only the ones they had deferred.
            if (changed) {
                Map<String, SourceFile> texts = new HashMap<>();
                states.forEach((path, state) -> texts.put(path, state.current));
                findings = linter.lint(withTexts(original, texts));
            }
        }
        List<FixReport.FileResult> results = new ArrayList<>();
        for (FileState state : states.values()) {
            results.add(new FixReport.FileResult(state.file, state.current, state.applied, state.rolledBack));
        }
        return new FixReport(mode, results, findings, rounds, limitHit);
    }

    /** Per file, in finding order, the first allowed fix of each finding not yet rolled back. */
    private Map<String, List<Candidate>> candidates(List<Finding> findings) {
        Map<String, List<Candidate>> byFile = new LinkedHashMap<>();
        for (Finding finding : findings) {
            FileState state = states.get(finding.file().path());
            if (finding.suppressed() || state == null) {
                continue;
            }
            for (Fix fix : finding.fixes()) {
                if (mode.allows(fix.applicability())) {
                    Candidate candidate = new Candidate(finding, conform(fix, finding.file()));
                    if (!state.blocked.contains(candidate.key())) {
                        byFile.computeIfAbsent(state.file.path(), k -> new ArrayList<>()).add(candidate);
                    }
                    break;
                }
            }
        }
        return byFile;
    }

    private static Fix conform(Fix fix, SourceFile file) {
        String lineBreak = file.lineBreak();
        List<Edit> edits = fix.edits().stream()
                .map(edit -> new Edit(edit.range(), LineBreaks.conform(edit.replacement(), lineBreak), edit.declares()))
                .toList();
        return new Fix(fix.title(), fix.applicability(), edits);
    }

    /** Applies one round of fixes to a file; returns whether its text changed. */
    private boolean fixFile(FileState state, List<Candidate> candidates) {
        SourceFile before = state.current;
        List<ParseProblem> baseline = parseCheck.problems(state.fileWith(before));
        List<Fix> fixes = candidates.stream().map(Candidate::fix).toList();
        EditApplier.Result result = EditApplier.apply(before.text(), fixes);
        Set<Fix> applied = identitySet(result.applied());
        Set<Fix> invalid = identitySet(result.invalid());
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (invalid.contains(candidate.fix())) {
                state.blocked.add(candidate.key());
            } else if (applied.contains(candidate.fix())) {
                accepted.add(candidate);
            }
        }
        SourceFile after = state.withText(result.text());
        if (newProblem(baseline, after, state) != null) {
            accepted = keepParseable(state, before, baseline, accepted);
            after = state.withText(apply(before, accepted));
        }
        for (Candidate candidate : accepted) {
            state.applied.add(new AppliedFix(state.file.path(), candidate.finding().ruleId(), candidate.fix().title(),
                    candidate.finding().start().line()));
        }
        state.current = after;
        return !after.text().equals(before.text());
    }

    /** Adds the accepted fixes back one by one, rolling back each that breaks parsing. */
    private List<Candidate> keepParseable(FileState state, SourceFile before, List<ParseProblem> baseline,
            List<Candidate> accepted) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : accepted) {
            kept.add(candidate);
            SourceFile trial = state.withText(apply(before, kept));
            ParseProblem problem = newProblem(baseline, trial, state);
            if (problem != null) {
                kept.remove(kept.size() - 1);
                state.blocked.add(candidate.key());
                int offset = Math.min(Math.max(problem.range().start(), 0), trial.text().length());
                state.rolledBack.add(new RolledBackFix(state.file.path(), candidate.finding().ruleId(),
                        candidate.fix().title(), trial.position(offset).line(), problem.message()));
            }
        }
        return kept;
    }

    private static Set<Fix> identitySet(List<Fix> fixes) {
        Set<Fix> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(fixes);
        return set;
    }

    private static String apply(SourceFile before, List<Candidate> candidates) {
        return EditApplier.apply(before.text(), candidates.stream().map(Candidate::fix).toList()).text();
    }

    /** The first problem of {@code after} whose message occurs more often than in the baseline. */
    private ParseProblem newProblem(List<ParseProblem> baseline, SourceFile after, FileState state) {
        Map<String, Integer> allowance = new HashMap<>();
        for (ParseProblem problem : baseline) {
            allowance.merge(problem.message(), 1, Integer::sum);
        }
        for (ParseProblem problem : parseCheck.problems(state.fileWith(after))) {
            int left = allowance.merge(problem.message(), -1, Integer::sum);
            if (left < 0) {
                return problem;
            }
        }
        return null;
    }

    private record Candidate(Finding finding, Fix fix) {
        /** Identifies the same fix in a later round, where offsets may have moved. */
        String key() {
            StringBuilder key = new StringBuilder(finding.ruleId()).append('\0').append(fix.title());
            for (Edit edit : fix.edits()) {
                String text = finding.file().text();
                String replaced = edit.range().end() <= text.length() ? finding.file().slice(edit.range())
                        : edit.range().toString();
                key.append('\0').append(replaced).append('\0').append(edit.replacement());
            }
            return key.toString();
        }
    }

    private static final class FileState {
        final ProjectFile file;
        SourceFile current;
        final List<AppliedFix> applied = new ArrayList<>();
        final List<RolledBackFix> rolledBack = new ArrayList<>();
        final Set<String> blocked = new HashSet<>();

        FileState(ProjectFile file) {
            this.file = file;
            this.current = file.source();
        }

        /** The new text as a source file that keeps the original's BOM and final line break. */
        SourceFile withText(String text) {
            String kept = LineBreaks.keepFinalNewline(file.source(), text);
            return SourceFile.of(file.path(), (file.source().hasBom() ? "\uFEFF" : "") + kept);
        }

        ProjectFile fileWith(SourceFile text) {
            return text == file.source() ? file : new ProjectFile(file.absolutePath(), file.kind(), text);
        }
    }
}
