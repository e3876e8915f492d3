package dev.vlint.rules.docker;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.rules.docker.BuildSteps.Step;
import dev.vlint.shell.Connector;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * VL107: a commit checked out of a {@code git clone --depth N} (the commit is not in the shallow
 * history), or a commit passed to {@code git clone --branch} (which takes names only).
 */
public final class ShallowClonePinnedCommit implements Rule {
    private static final RuleMeta META = new RuleMeta("VL107", "shallow-clone-pinned-commit", Severity.ERROR,
            "git clone --depth N followed by git checkout <commit> of that clone, or git clone --branch"
                    + " <commit-sha>: the commit is not in the shallow history.",
            Fixability.UNSAFE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("docker", "git", "correctness"));

    /** Clone options the rewrite can drop without changing what ends up checked out. */
    private static final Set<String> REWRITABLE_OPTIONS = Set.of("--depth", "--branch", "-b", "-q", "--quiet",
            "--single-branch", "--no-tags");

    /** A clone seen earlier in the build; {@code refetched} once a later fetch may have brought more history. */
    private static final class Clone {
        final Step step;
        final Word url;
        final Word dirWord;
        final String dir;
        final boolean shallow;
        boolean refetched;

        Clone(Step step, Word url, Word dirWord, String dir, boolean shallow) {
            this.step = step;
            this.url = url;
            this.dirWord = dirWord;
            this.dir = dir;
            this.shallow = shallow;
        }
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (Sequence sequence : BuildSteps.sequences(context.file())) {
            List<Clone> clones = new ArrayList<>();
            for (Step step : sequence.steps()) {
                BuildSteps.Git call = BuildSteps.git(step);
                if (call == null) {
                    continue;
                }
                SimpleCommand git = step.effective();
                String dir = call.dir();
                int i = call.subcommand();
                String subcommand = git.args().get(i).literalValue();
                boolean report = sequence.owns(step);
                if ("clone".equals(subcommand)) {
                    Clone clone = clone(step, i + 1, dir);
                    if (clone != null) {
                        clones.add(0, clone);
                        if (report) {
                            checkBranch(context, clone, sequence);
                        }
                    }
                } else if ("fetch".equals(subcommand) || "pull".equals(subcommand)) {
                    find(clones, dir).ifPresent(c -> c.refetched = true);
                } else if (report && ("checkout".equals(subcommand) || "switch".equals(subcommand)
                        || "reset".equals(subcommand))) {
                    Optional<Clone> clone = find(clones, dir).filter(c -> c.shallow && !c.refetched);
                    List<Word> operands = BuildSteps.operands(git, i + 1, Set.of("-b", "-B", "-c", "-C"));
                    if (clone.isPresent() && !operands.isEmpty()) {
                        checkCheckout(context, clone.get(), step, operands.get(0));
                    }
                }
            }
        }
    }

    private static Clone clone(Step step, int from, String cwd) {
        List<Word> operands = BuildSteps.operands(step.effective(), from, BuildSteps.CLONE_VALUE_OPTIONS);
        if (operands.isEmpty()) {
            return null;
        }
        Word url = operands.get(0);
        String urlValue = step.value(url);
        Word dirWord = operands.size() > 1 ? operands.get(1) : null;
        String dir = dirWord != null ? step.value(dirWord) : BuildSteps.humanish(urlValue);
        if (dir == null) {
            return null;
        }
        SimpleCommand command = step.effective();
        boolean shallow = command.hasFlag("--depth") || command.hasFlag("--shallow-since")
                || command.hasFlag("--shallow-exclude");
        return new Clone(step, url, dirWord, BuildSteps.resolve(cwd, dir), shallow);
    }

    private static void checkBranch(RuleContext context, Clone clone, Sequence sequence) {
        SimpleCommand command = clone.step.effective();
        Word branch = command.optionValue("--branch");
        branch = branch == null ? command.optionValue("-b") : branch;
        String value = branch == null ? null : clone.step.value(branch);
        if (!BuildSteps.looksLikeCommit(value)) {
            return;
        }
        String message = "git clone --branch takes a branch or tag name, not a commit: cloning fails with"
                + " \"Remote branch " + value + " not found in upstream origin\". Fetch the commit itself: "
                + rewrite(clone, branch, "<dir>") + ".";
        Step checkout = laterCheckout(sequence, clone, value);
        context.report(branch.range(), message,
                fix(context.file().source(), clone, branch, checkout).stream().toArray(Fix[]::new));
    }

    /** A later {@code git checkout <value>} in the clone's directory, which the rewrite makes redundant; or null. */
    private static Step laterCheckout(Sequence sequence, Clone clone, String value) {
        boolean after = false;
        for (Step step : sequence.steps()) {
            after |= step == clone.step;
            BuildSteps.Git call = after && step != clone.step ? BuildSteps.git(step) : null;
            if (call == null || !clone.dir.equals(call.dir())) {
                continue;
            }
            List<Word> args = step.effective().args();
            List<Word> operands = BuildSteps.operands(step.effective(), call.subcommand() + 1, Set.of("-b", "-B"));
            if ("checkout".equals(args.get(call.subcommand()).literalValue()) && operands.size() == 1
                    && value.equals(step.value(operands.get(0)))) {
                return step;
            }
        }
        return null;
    }

    private static void checkCheckout(RuleContext context, Clone clone, Step checkout, Word ref) {
        String value = checkout.value(ref);
        if (!BuildSteps.looksLikeCommit(value)) {
            return;
        }
        Word sha = sameValueAt(clone.step, checkout, ref) ? ref : null;
        String fetch = " Fetch exactly that commit instead: git init, git fetch --depth 1 origin <sha>, git checkout"
                + " FETCH_HEAD; or clone without --depth.";
        Fix[] fixes = sha == null ? new Fix[0] : fix(context.file().source(), clone, sha, checkout).stream().toArray(Fix[]::new);
        String depth = depth(clone.step.effective());
        if ("1".equals(depth)) {
            context.report(ref.range(), "The clone of " + clone.dir + " is shallow (--depth 1), so it holds only the"
                    + " tip of one branch: commit " + value + " is not in it and this checkout fails with \"fatal:"
                    + " reference is not a tree\" or \"did not match any file(s) known to git\"." + fetch, fixes);
            return;
        }
        // With more history the commit may still be in it: the checkout fails only once the branch has moved on.
        String kept = depth == null ? "only part of the branch's history"
                : "only the last " + depth + " commits of the branch";
        context.report(Severity.NOTE, ref.range(), "The clone of " + clone.dir + " is shallow and holds " + kept
                + ": commit " + value + " is in it only while it is among them, and this checkout fails with"
                + " \"fatal: reference is not a tree\" once the branch moves past it." + fetch, fixes);
    }

    /** The value of {@code --depth} as written ("1", "100"), or null when it is unknown or not given. */
    private static String depth(SimpleCommand clone) {
        Word depth = clone.optionValue("--depth");
        String value = depth == null ? null : depth.literalValue();
        return value != null && value.matches("\\d+") ? String.valueOf(Integer.parseInt(value)) : null;
    }

    /** Whether {@code ref} (written at {@code checkout}) has the same value where the clone runs. */
    private static boolean sameValueAt(Step clone, Step checkout, Word ref) {
        String there = ref.value(clone.snippet().variablesAt(clone.command()));
        return there != null && there.equals(checkout.value(ref));
    }

    /**
     * The clone rewritten to fetch one commit, when the clone is a plain one and the commit id is
     * complete; the checkout of that commit, now redundant, is removed where that is clean.
     */
    private static Optional<Fix> fix(SourceFile source, Clone clone, Word sha, Step checkout) {
        SimpleCommand command = clone.step.command();
        String value = clone.step.value(sha);
        if (command != clone.step.effective() || !command.assignments().isEmpty()
                || !command.redirections().isEmpty() || command.connector() == Connector.PIPE
                || value == null || value.length() != 40 || !plainClone(command)) {
            return Optional.empty();
        }
        String dir = clone.dirWord != null ? clone.dirWord.raw() : BuildSteps.humanish(clone.step.value(clone.url));
        if (dir == null || !dir.matches("[A-Za-z0-9_./${}\"-]+")) {
            return Optional.empty();
        }
        List<Word> words = command.words();
        TextRange range = new TextRange(words.get(0).range().start(), words.get(words.size() - 1).range().end());
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edit(range, rewrite(clone, sha, dir)));
        if (checkout != null) {
            removal(source, checkout).filter(e -> e.range().start() >= range.end()).ifPresent(edits::add);
        }
        return Optional.of(Fix.unsafe("Fetch only commit " + value + " instead of a shallow clone",
                edits.toArray(Edit[]::new)));
    }

    /**
     * The edit that removes a checkout the rewrite makes redundant: a continuation line of its own
     * ({@code && git checkout X \\}, or the last one with the continuation before it), an
     * {@code && git checkout X} after another command on its line, or a script line of its own; empty
     * when it stands elsewhere (it is then left, harmless).
     */
    private static Optional<Edit> removal(SourceFile source, Step checkout) {
        SimpleCommand command = checkout.command();
        if (command != checkout.effective() || !command.assignments().isEmpty() || !command.redirections().isEmpty()) {
            return Optional.empty();
        }
        String text = source.text();
        int start = command.range().start();
        int end = command.range().end();
        int line = source.lineIndex(start);
        if (line != source.lineIndex(end)) {
            return Optional.empty();
        }
        int lineStart = source.lineStart(line);
        int lineEnd = source.lineEnd(line);
        int nextLine = line + 1 < source.lineCount() ? source.lineStart(line + 1) : text.length();
        String before = text.substring(lineStart, start);
        String after = text.substring(end, lineEnd);
        if (command.connector() == Connector.AND) {
            if (before.strip().equals("&&") && after.strip().equals("\\")) {
                return Optional.of(Edit.delete(new TextRange(lineStart, nextLine)));
            }
            if (before.strip().equals("&&") && after.isBlank() && line > 0) {
                // the last command of the chain: the previous line's continuation goes too
                int previousEnd = source.lineEnd(line - 1);
                int backslash = text.lastIndexOf('\\', previousEnd);
                int cut = backslash;
                while (cut > source.lineStart(line - 1) && Character.isWhitespace(text.charAt(cut - 1))) {
                    cut--;
                }
                if (backslash >= source.lineStart(line - 1) && text.substring(backslash + 1, previousEnd).isBlank()
                        && cut > source.lineStart(line - 1)) {
                    return Optional.of(Edit.delete(new TextRange(cut, end)));
                }
            }
            int and = text.lastIndexOf("&&", start);
            int from = and;
            while (from > lineStart && Character.isWhitespace(text.charAt(from - 1))) {
                from--;
            }
            if (and >= lineStart && text.substring(and + 2, start).isBlank() && from > lineStart
                    && (after.isBlank() || after.strip().equals("\\"))) {
                return Optional.of(Edit.delete(new TextRange(from, end)));
            }
        } else if ((command.connector() == Connector.NONE || command.connector() == Connector.NEWLINE)
                && before.isBlank() && after.isBlank() && nextLine > lineEnd) {
            return Optional.of(Edit.delete(new TextRange(lineStart, nextLine)));
        }
        return Optional.empty();
    }

    private static String rewrite(Clone clone, Word sha, String dir) {
        return "git init " + dir + " && git -C " + dir + " remote add origin " + clone.url.raw()
                + " && git -C " + dir + " fetch --depth 1 origin " + sha.raw()
                + " && git -C " + dir + " checkout FETCH_HEAD";
    }

    /** {@code git clone} with only options that the rewrite replaces. */
    private static boolean plainClone(SimpleCommand command) {
        List<Word> args = command.args();
        for (int i = 1; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value == null || !value.startsWith("-")) {
                continue;
            }
            String name = value.contains("=") ? value.substring(0, value.indexOf('=')) : value;
            if (!REWRITABLE_OPTIONS.contains(name)) {
                return false;
            }
            i += BuildSteps.CLONE_VALUE_OPTIONS.contains(value) ? 1 : 0;
        }
        return args.size() >= 2 && "clone".equals(args.get(0).literalValue());
    }

    private static Optional<Clone> find(List<Clone> clones, String dir) {
        return clones.stream().filter(c -> c.dir.equals(dir)).findFirst();
    }

}
