package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.FileKind;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VL102: a RUN that only deletes files. Whatever it deletes came from the base image or an
 * earlier layer (nothing in this RUN created it), so the deletion is a whiteout in a new layer
 * and the image does not shrink.
 */
public final class CleanupInLaterLayer implements Rule, DockerfileVisitor {
    private static final RuleMeta META = new RuleMeta("VL102", "cleanup-in-later-layer", Severity.NOTE,
            "rm -rf of files that came from the base image or an earlier layer, in its own RUN: whiteouts do"
                    + " not shrink the image.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE), List.of("docker", "size"));

    /** Commands that neither create nor fetch anything. */
    private static final Set<String> NEUTRAL = Set.of("true", ":", "set", "echo", "du", "df", "rmdir", "ls",
            "printf", "sync");
    /** Package managers and the subcommands that only drop caches. */
    private static final Map<String, Set<String>> CACHE_CLEANERS = Map.of(
            "apt-get", Set.of("clean", "autoclean", "autoremove"), "apt", Set.of("clean", "autoclean", "autoremove"),
            "pip", Set.of("cache"), "pip3", Set.of("cache"), "uv", Set.of("cache"), "conda", Set.of("clean"),
            "yum", Set.of("clean"), "dnf", Set.of("clean"), "npm", Set.of("cache"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("RUN");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction run, Stage stage, RuleContext context) {
        if (stage != null) {
            check(context, run, ShellSnippets.ofRun(context.file(), run));
        }
    }

    private static void check(RuleContext context, Instruction run, List<Snippet> snippets) {
        List<String> mounted = run.mounts().stream().map(RunMount::target).flatMap(Optional::stream)
                .map(t -> BuildSteps.resolve("/", t)).toList();
        SimpleCommand firstRm = null;
        List<String> deleted = new ArrayList<>();
        for (Snippet snippet : snippets) {
            for (SimpleCommand command : snippet.script().commands()) {
                SimpleCommand effective = command.effective();
                String name = effective.commandName();
                if (name == null) {
                    if (!effective.words().isEmpty()) {
                        return;
                    }
                } else if (name.equals("rm")) {
                    if (!effective.hasFlag("-r") && !effective.hasFlag("-R") && !effective.hasFlag("--recursive")) {
                        return; // removing single files is usually about behaviour (a config file), not size
                    }
                    for (Word path : BuildSteps.operands(effective, 0, Set.of())) {
                        String value = path.value(snippet.variablesAt(command));
                        if (value == null || !value.startsWith("/") || underMount(value, mounted)) {
                            return;
                        }
                        deleted.add(value);
                    }
                    firstRm = firstRm == null ? effective : firstRm;
                } else if (!isCleanup(name, effective) && !isShellReadingHeredoc(name, effective)) {
                    return;
                }
            }
        }
        if (firstRm != null && !deleted.isEmpty()) {
            context.report(firstRm.name().range(), "This RUN only deletes files (" + summary(deleted) + ") that the"
                    + " base image or an earlier layer added. A later layer cannot remove them: the deletion is"
                    + " stored as whiteouts and the image stays as large as before. Delete files in the same RUN"
                    + " that creates them, or copy only what you need into a fresh stage (COPY --from).");
        }
    }

    private static boolean isCleanup(String name, SimpleCommand command) {
        if (NEUTRAL.contains(name)) {
            return true;
        }
        if (name.equals("find")) {
            return command.args().stream().map(Word::literalValue)
                    .anyMatch(v -> "-delete".equals(v) || "rm".equals(v));
        }
        Set<String> subcommands = CACHE_CLEANERS.get(name);
        List<Word> operands = BuildSteps.operands(command, 0, Set.of());
        String subcommand = operands.isEmpty() ? null : operands.get(0).literalValue();
        return subcommands != null && subcommand != null && subcommands.contains(subcommand);
    }

    /** {@code bash <<EOF}: the body is a snippet of its own and judged on its own commands. */
    private static boolean isShellReadingHeredoc(String name, SimpleCommand command) {
        return Set.of("sh", "bash").contains(name) && command.args().isEmpty()
                && command.redirections().stream().anyMatch(r -> r.hereDoc() != null);
    }

    private static boolean underMount(String path, List<String> mounts) {
        return mounts.stream().anyMatch(m -> path.equals(m) || path.startsWith(m + "/"));
    }

    private static String summary(List<String> paths) {
        return paths.size() <= 3 ? String.join(", ", paths)
                : String.join(", ", paths.subList(0, 3)) + " and " + (paths.size() - 3) + " more";
    }
}
