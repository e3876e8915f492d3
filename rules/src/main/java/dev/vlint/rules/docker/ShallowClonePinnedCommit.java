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
                            checkBranch(context, clone);
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

    private static void checkBranch(RuleContext context, Clone clone) {
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
        context.report(branch.range(), message, fix(clone, branch).stream().toArray(Fix[]::new));
    }

    private static void checkCheckout(RuleContext context, Clone clone, Step checkout, Word ref) {
        String value = checkout.value(ref);
        if (!BuildSteps.looksLikeCommit(value)) {
            return;
        }
        Word sha = sameValueAt(clone.step, checkout, ref) ? ref : null;
        String message = "The clone of " + clone.dir + " is shallow (--depth), so it holds only the tip of one"
                + " branch: commit " + value + " is not in it and this checkout fails with \"fatal: reference is"
                + " not a tree\" (or \"did not match any file(s) known to git\"). Fetch exactly that commit"
                + " instead: git init, git fetch --depth 1 origin <sha>, git checkout FETCH_HEAD; or clone"
                + " without --depth.";
        context.report(ref.range(), message, sha == null ? new Fix[0] : fix(clone, sha).stream().toArray(Fix[]::new));
    }

    /** Whether {@code ref} (written at {@code checkout}) has the same value where the clone runs. */
    private static boolean sameValueAt(Step clone, Step checkout, Word ref) {
        String there = ref.value(clone.snippet().variablesAt(clone.command()));
        return there != null && there.equals(checkout.value(ref));
    }

    /** The clone rewritten to fetch one commit, when the clone is a plain one and the commit id is complete. */
    private static Optional<Fix> fix(Clone clone, Word sha) {
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
        return Optional.of(Fix.unsafe("Fetch only commit " + value + " instead of a shallow clone",
                new Edit(range, rewrite(clone, sha, dir))));
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
