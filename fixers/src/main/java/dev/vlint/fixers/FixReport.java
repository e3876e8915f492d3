package dev.vlint.fixers;

import dev.vlint.fix.Applicability;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a {@link FixSession} did: the new texts, the fixes applied and rolled back, what is left. */
public final class FixReport {
    /**
     * One file of the project.
     *
     * @param original the file as it was read
     * @param fixed its text with the applied fixes (the original text when nothing applied)
     */
    public record FileResult(ProjectFile original, SourceFile fixed, List<AppliedFix> applied,
            List<RolledBackFix> rolledBack) {
        public FileResult {
            applied = List.copyOf(applied);
            rolledBack = List.copyOf(rolledBack);
        }

        public boolean changed() {
            return !fixed.text().equals(original.source().text());
        }
    }

    private final FixMode mode;
    private final List<FileResult> files;
    private final List<Finding> remaining;
    private final int rounds;
    private final boolean roundLimitHit;

    FixReport(FixMode mode, List<FileResult> files, List<Finding> remaining, int rounds, boolean roundLimitHit) {
        this.mode = mode;
        this.files = List.copyOf(files);
        this.remaining = List.copyOf(remaining);
        this.rounds = rounds;
        this.roundLimitHit = roundLimitHit;
    }

    /** Every file of the project, in project order. */
    public List<FileResult> files() {
        return files;
    }

    public List<FileResult> changedFiles() {
        return files.stream().filter(FileResult::changed).toList();
    }

    /** The findings of a lint of the final texts, suppressed ones included. */
    public List<Finding> remaining() {
        return remaining;
    }

    public List<AppliedFix> applied() {
        return files.stream().flatMap(f -> f.applied().stream()).toList();
    }

    public List<RolledBackFix> rolledBack() {
        return files.stream().flatMap(f -> f.rolledBack().stream()).toList();
    }

    /** Rounds in which fixes were applied. */
    public int rounds() {
        return rounds;
    }

    /** True when fixes could still be applied after {@link FixSession#MAX_ROUNDS} rounds. */
    public boolean roundLimitHit() {
        return roundLimitHit;
    }

    /** Lines to show the user besides the summary: rolled-back fixes and the round limit. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        rolledBack().forEach(fix -> notes.add(fix.message()));
        if (roundLimitHit) {
            notes.add("stopped after " + FixSession.MAX_ROUNDS
                    + " rounds of fixes with fixes still left to apply; the fixes may undo each other, "
                    + "please report this");
        }
        return notes;
    }

    public FixSummary summary() {
        Map<String, Integer> byRule = new TreeMap<>();
        applied().forEach(fix -> byRule.merge(fix.ruleId(), 1, Integer::sum));
        List<Finding> left = remaining.stream().filter(f -> !f.suppressed()).toList();
        long unsafeFixable = mode == FixMode.UNSAFE ? 0 : left.stream()
                .filter(f -> f.fixes().stream().anyMatch(fix -> fix.applicability() == Applicability.UNSAFE))
                .count();
        return new FixSummary(applied().size(), changedFiles().size(), byRule, left.size(), (int) unsafeFixable);
    }

    /** A unified diff of every changed file, paths prefixed {@code a/} and {@code b/}; empty when none. */
    public String diff() {
        StringBuilder out = new StringBuilder();
        for (FileResult file : changedFiles()) {
            out.append(UnifiedDiff.diff(file.original().path(), file.original().source().text(), file.fixed().text()));
        }
        return out.toString();
    }

    /** Writes every changed file; one outcome per changed file, in project order. */
    public List<SafeWriter.Outcome> write(SafeWriter writer) {
        return changedFiles().stream().map(file -> writer.write(file.original(), file.fixed().text())).toList();
    }
}
