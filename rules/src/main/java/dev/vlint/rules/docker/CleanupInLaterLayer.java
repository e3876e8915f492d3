package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.kb.BaseImages;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.LayerPaths.Known;
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
import java.util.regex.Pattern;

/**
 * VL102: a RUN that only deletes files, some of which are known to be in an earlier layer: the
 * base image ships them (knowledge base) or an earlier instruction of the stage chain put them
 * there. The deletion is a whiteout in a new layer and the image does not shrink. Not reported for
 * stages that only serve as a source of {@code COPY --from} (their layers are never shipped), nor
 * for deletions that change behaviour rather than size (a package's files under site-packages).
 */
public final class CleanupInLaterLayer implements Rule {
    private static final RuleMeta META = new RuleMeta("VL102", "cleanup-in-later-layer", Severity.NOTE,
            "rm -rf of files that the base image or an earlier instruction put in the image, in a RUN of"
                    + " its own: whiteouts do not shrink the image.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE), List.of("docker", "size"));

    /** Words without which a RUN deletes nothing: rm and the cache cleaners' subcommands. */
    private static final Pattern DELETES = Pattern.compile("\\b(rm|clean|autoclean|cache)\\b");
    /** Commands that neither create nor fetch anything. */
    private static final Set<String> NEUTRAL = Set.of("true", ":", "set", "echo", "du", "df", "rmdir", "ls",
            "printf", "sync");
    /** Package managers, the subcommands that only drop their caches, and the folder each one empties. */
    private static final Map<String, Map<String, String>> CACHE_CLEANERS = Map.of(
            "apt-get", Map.of("clean", "/var/cache/apt/archives", "autoclean", "/var/cache/apt/archives",
                    "autoremove", ""),
            "apt", Map.of("clean", "/var/cache/apt/archives", "autoclean", "/var/cache/apt/archives",
                    "autoremove", ""),
            "pip", Map.of("cache", LayerPaths.PIP_CACHE), "pip3", Map.of("cache", LayerPaths.PIP_CACHE),
            "uv", Map.of("cache", LayerPaths.UV_CACHE), "conda", Map.of("clean", ""),
            "yum", Map.of("clean", "/var/cache/yum"), "dnf", Map.of("clean", "/var/cache/dnf"),
            "npm", Map.of("cache", LayerPaths.NPM_CACHE));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        if (dockerfile == null) {
            return;
        }
        Set<Integer> builders = LayerPaths.builderStages(dockerfile);
        LayerPaths paths = new LayerPaths(context.file(), dockerfile);
        for (Stage stage : dockerfile.stages()) {
            Optional<BaseImages.ImageFacts> image =
                    KnowledgeBase.bundled().images().resolve(BuildSteps.rootImage(context.file(), dockerfile, stage));
            paths.walk(stage, (run, known, workdir) -> {
                if (!builders.contains(stage.index()) && LayerPaths.mentions(context.file(), run, DELETES)) {
                    check(context, run, ShellSnippets.ofRun(context.file(), run), known, workdir, image);
                }
            });
        }
    }

    private static void check(RuleContext context, Instruction run, List<Snippet> snippets, List<Known> known,
            String workdir, Optional<BaseImages.ImageFacts> image) {
        List<String> mounted = run.mounts().stream().map(RunMount::target).flatMap(Optional::stream)
                .map(t -> BuildSteps.resolve("/", t)).toList();
        SimpleCommand first = null;
        List<String> deleted = new ArrayList<>();
        for (Snippet snippet : snippets) {
            String cwd = workdir;
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
                        if (value == null || value.isEmpty()) {
                            return;
                        }
                        boolean link = image.isPresent() && image.get().isSymlink(value);
                        value = BuildSteps.resolve(cwd, value);
                        if (!isPackage(value) && !link && !underMount(value, mounted)) {
                            deleted.add(value);
                        }
                    }
                    first = first == null ? effective : first;
                } else if (name.equals("cd")) {
                    List<Word> args = effective.args();
                    String target = args.isEmpty() ? null : args.get(0).value(snippet.variablesAt(command));
                    if (target == null) {
                        return;
                    }
                    cwd = BuildSteps.resolve(cwd, target);
                } else if (isCacheCleaner(name, effective)) {
                    String emptied = CACHE_CLEANERS.get(name).get(subcommand(effective));
                    if (!emptied.isEmpty() && !underMount(emptied, mounted)) {
                        deleted.add(emptied);
                        first = first == null ? effective : first;
                    }
                } else if (!isNeutral(name, effective) && !isShellReadingHeredoc(name, effective)) {
                    return;
                }
            }
        }
        List<Known> hit = new ArrayList<>();
        for (Known entry : known) {
            if (deleted.stream().anyMatch(path -> LayerPaths.deletes(path, entry.path()))) {
                hit.add(entry);
            }
        }
        // a path inside another one that is named adds nothing (/opt/hpcx/ompi/lib beside /opt/hpcx)
        hit.removeIf(inner -> hit.stream().anyMatch(outer -> inner.path().startsWith(outer.path() + "/")));
        if (first != null && !hit.isEmpty()) {
            context.report(first.name().range(), "This RUN only deletes files that earlier layers hold: "
                    + summary(hit) + ". A later layer cannot remove them: the deletion is stored as whiteouts"
                    + " and the image stays as large as before. Delete them in the same RUN that creates them,"
                    + " or copy only what you need into a fresh stage (COPY --from).");
        }
    }

    /**
     * A whole installed package ({@code site-packages/yaml}, {@code dist-packages/PyYAML-*}): deleting it
     * changes what Python imports, usually so that pip can install another version, not the size.
     */
    private static boolean isPackage(String path) {
        return path.matches(".*/(site|dist)-packages/[^/]+");
    }

    private static boolean isNeutral(String name, SimpleCommand command) {
        if (NEUTRAL.contains(name)) {
            return true;
        }
        return name.equals("find") && command.args().stream().map(Word::literalValue)
                .anyMatch(v -> "-delete".equals(v) || "rm".equals(v));
    }

    private static boolean isCacheCleaner(String name, SimpleCommand command) {
        Map<String, String> subcommands = CACHE_CLEANERS.get(name);
        String subcommand = subcommands == null ? null : subcommand(command);
        return subcommand != null && subcommands.containsKey(subcommand);
    }

    private static String subcommand(SimpleCommand command) {
        List<Word> operands = BuildSteps.operands(command, 0, Set.of());
        return operands.isEmpty() ? null : operands.get(0).literalValue();
    }

    /** {@code bash <<EOF}: the body is a snippet of its own and judged on its own commands. */
    private static boolean isShellReadingHeredoc(String name, SimpleCommand command) {
        return Set.of("sh", "bash").contains(name) && command.args().isEmpty()
                && command.redirections().stream().anyMatch(r -> r.hereDoc() != null);
    }

    private static boolean underMount(String path, List<String> mounts) {
        return mounts.stream().anyMatch(m -> path.equals(m) || path.startsWith(m + "/"));
    }

    private static String summary(List<Known> hit) {
        List<String> parts = hit.stream().limit(3).map(k -> k.path() + " (" + k.origin() + ")").toList();
        return String.join(", ", parts) + (hit.size() > 3 ? " and " + (hit.size() - 3) + " more" : "");
    }

    /** The paths a base image is known to hold: its contents and linked library folders (knowledge base). */
    static List<String> imagePaths(String image) {
        Optional<BaseImages.ImageFacts> facts = KnowledgeBase.bundled().images().resolve(image);
        List<String> paths = new ArrayList<>(facts.map(BaseImages.ImageFacts::contents).orElse(List.of()));
        for (BaseImages.LinkedDir dir : facts.map(BaseImages.ImageFacts::linkedDirs).orElse(List.of())) {
            paths.add(dir.path());
            paths.add(dir.libraryDir());
        }
        return paths.stream().distinct().toList();
    }
}
