package dev.vlint.rules.docker;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.kb.BaseImages.ImageFacts;
import dev.vlint.kb.BaseImages.LinkedDir;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** VL103: {@code rm} of a directory the base image's own libraries are loaded from. */
public final class DeletesLinkedRuntime implements Rule {
    private static final RuleMeta META = new RuleMeta("VL103", "deletes-linked-runtime", Severity.ERROR,
            "Deleting a directory that the base image's libraries link against, e.g. /opt/hpcx in NGC PyTorch"
                    + " images or CUDA's lib64.",
            Fixability.SAFE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("docker", "correctness"));

    /** {@code find} options that keep it deleting a whole tree rather than chosen files. */
    private static final Set<String> PLAIN_FIND_WORDS = Set.of("-depth", "-xdev", "-mount", "-print");
    private static final Set<String> FIND_OPTIONS_WITH_VALUE = Set.of("-mindepth", "-maxdepth", "-type");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (Snippet snippet : ShellSnippets.of(context.file())) {
            List<ImageFacts> images = new ArrayList<>();
            for (String image : BuildSteps.imagesOf(context, snippet)) {
                KnowledgeBase.bundled().images().resolve(image)
                        .filter(facts -> !facts.linkedDirs().isEmpty()).ifPresent(images::add);
            }
            if (images.isEmpty()) {
                continue;
            }
            for (SimpleCommand command : snippet.script().commands()) {
                SimpleCommand effective = command.effective();
                String name = effective.commandName();
                if ("rm".equals(name)) {
                    List<Word> paths = BuildSteps.operands(effective, 0, Set.of());
                    for (Word path : paths) {
                        check(context, snippet, command, path, images, paths.size() > 1);
                    }
                } else if ("find".equals(name) && deletesWholeTrees(effective)) {
                    for (Word path : findRoots(effective)) {
                        check(context, snippet, command, path, images, false);
                    }
                }
            }
        }
    }

    private static void check(RuleContext context, Snippet snippet, SimpleCommand command, Word path,
            List<ImageFacts> images, boolean canDrop) {
        String value = path.value(snippet.variablesAt(command));
        if (value == null) {
            return;
        }
        for (ImageFacts image : images) {
            List<LinkedDir> hit = image.linkedDirsDeletedBy(value);
            if (hit.isEmpty()) {
                continue;
            }
            LinkedDir dir = hit.get(0);
            String deleted = samePath(value, dir.path()) ? dir.path()
                    : inside(value, dir.path()) ? value + " inside " + dir.path()
                    : dir.path() + ", matched by " + value + ",";
            String message = "This deletes " + deleted + " and " + image.repository() + " images load "
                    + dir.library() + " from " + dir.libraryDir() + ": " + dir.why() + ". Anything that loads it"
                    + " then fails with \"OSError: " + dir.library() + ": cannot open shared object file: No such"
                    + " file or directory\". Keep this directory; deleting base-image files in a later layer does"
                    + " not shrink the image anyway.";
            Optional<Fix> fix = canDrop && exactly(value, dir) ? dropWord(command, path) : Optional.empty();
            context.report(path.range(), message, fix.stream().toArray(Fix[]::new));
            return;
        }
    }

    /** Removes {@code path} with the blanks (and line continuations) that separate it from a neighbour. */
    private static Optional<Fix> dropWord(SimpleCommand command, Word path) {
        List<Word> words = command.words();
        int i = words.indexOf(path);
        if (i <= 0) {
            return Optional.empty();
        }
        TextRange range = i + 1 < words.size()
                ? new TextRange(path.range().start(), words.get(i + 1).range().start())
                : new TextRange(words.get(i - 1).range().end(), path.range().end());
        return Optional.of(Fix.safe("Keep " + path.raw() + " (drop it from rm)", Edit.delete(range)));
    }

    private static boolean samePath(String a, String b) {
        return BuildSteps.resolve("/", a).equals(BuildSteps.resolve("/", b));
    }

    /** Whether {@code path} lies below the directory {@code dir}. */
    private static boolean inside(String path, String dir) {
        return BuildSteps.resolve("/", path).startsWith(BuildSteps.resolve("/", dir) + "/");
    }

    /**
     * Whether the path names just that directory, its contents or the part of it that holds the library
     * ({@code lib64}, {@code lib64/*}, {@code /opt/hpcx/ompi}); a parent or a glob such as {@code /opt/*}
     * deletes other things too, and dropping it would keep those.
     */
    private static boolean exactly(String path, LinkedDir dir) {
        String p = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
        return !p.contains("*") && !p.contains("?") && !p.contains("[")
                && (samePath(p, dir.path()) || inside(p, dir.path()));
    }

    /** {@code find DIR [-mindepth N] [-type d] -delete} or {@code -exec rm -rf {} +}: no name tests. */
    private static boolean deletesWholeTrees(SimpleCommand find) {
        boolean deletes = false;
        List<Word> args = find.args();
        for (int i = findRoots(find).size(); i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value == null) {
                return false;
            } else if (value.equals("-delete")) {
                deletes = true;
            } else if (value.equals("-exec") || value.equals("-execdir")) {
                String program = i + 1 < args.size() ? args.get(i + 1).literalValue() : null;
                deletes |= "rm".equals(program);
                while (i + 1 < args.size() && !isExecEnd(args.get(i + 1).literalValue())) {
                    i++;
                }
                i++;
            } else if (FIND_OPTIONS_WITH_VALUE.contains(value)) {
                i++;
            } else if (!PLAIN_FIND_WORDS.contains(value)) {
                return false;
            }
        }
        return deletes;
    }

    private static boolean isExecEnd(String value) {
        return ";".equals(value) || "+".equals(value);
    }

    /** The start directories of a {@code find}: the arguments before the first test. */
    private static List<Word> findRoots(SimpleCommand find) {
        List<Word> roots = new ArrayList<>();
        for (Word arg : find.args()) {
            String value = arg.literalValue();
            if (value != null && (value.startsWith("-") || value.equals("(") || value.equals("!"))) {
                break;
            }
            roots.add(arg);
        }
        return roots;
    }
}
