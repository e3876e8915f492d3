package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.kb.BaseImages;
import dev.vlint.project.ProjectFile;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The paths known to be in a Dockerfile stage's layers before each RUN: what the base image ships
 * (knowledge base), what COPY/ADD put there, and what earlier commands create (a clone, a download,
 * apt's package lists, pip's cache), minus what was deleted since. Only paths that surely hold
 * files are tracked; everything else is unknown, not absent.
 */
final class LayerPaths {
    static final String PIP_CACHE = "/root/.cache/pip";
    static final String UV_CACHE = "/root/.cache/uv";
    static final String NPM_CACHE = "/root/.npm";

    /** Commands that {@link #created} or {@link #emptiedCache} look at, besides pip. */
    private static final Set<String> CREATORS = Set.of("git", "apt-get", "apt", "dnf", "yum", "uv", "npm", "wget",
            "curl");
    private static final Pattern PIP = Pattern.compile("pip\\d*(\\.\\d+)?");
    /** Words of the commands {@link #run} follows; a RUN without any of them changes nothing tracked. */
    private static final Pattern TRACKED =
            Pattern.compile("\\b(rm|cd|git|apt-get|apt|dnf|yum|uv|npm|wget|curl|pip[0-9.]*)\\b");

    /** Whether the text of {@code run}, heredocs included, has a match of {@code words}; cheaper than parsing. */
    static boolean mentions(ProjectFile file, Instruction run, Pattern words) {
        return words.matcher(file.source().text()).region(run.range().start(), run.range().end()).find();
    }

    /** A path known to be in the image, and how it got there ("cloned on line 12"). */
    record Known(String path, String origin) {}

    /** Called for each RUN of the walked stage with the known paths and the WORKDIR before it. */
    interface RunVisitor {
        void visit(Instruction run, List<Known> known, String workdir);
    }

    private record State(List<Known> known, String workdir, String user) {}

    private final ProjectFile file;
    private final Dockerfile dockerfile;
    private final Map<Integer, State> ends = new HashMap<>();

    LayerPaths(ProjectFile file, Dockerfile dockerfile) {
        this.file = file;
        this.dockerfile = dockerfile;
    }

    /**
     * The stages that are only ever a source of files for others ({@code COPY --from},
     * {@code RUN --mount=from=}) and neither the last stage nor built on by one: their layers are
     * never part of a shipped image.
     */
    static Set<Integer> builderStages(Dockerfile dockerfile) {
        List<Stage> stages = dockerfile.stages();
        Set<Integer> copiedFrom = new HashSet<>();
        Set<Integer> builtOn = new HashSet<>();
        for (Stage stage : stages) {
            if (stage.baseStage() >= 0) {
                builtOn.add(stage.baseStage());
            }
            for (Instruction instruction : stage.instructions()) {
                List<String> sources = new ArrayList<>();
                instruction.flag("from").map(Flag::value).flatMap(v -> v).ifPresent(sources::add);
                instruction.mounts().forEach(m -> m.from().ifPresent(sources::add));
                for (String source : sources) {
                    indexOf(stages, source).ifPresent(copiedFrom::add);
                }
            }
        }
        Set<Integer> builders = new HashSet<>();
        // a stage is shipped when it is last, or a shipped stage is built on it; walk from the end
        Set<Integer> shipped = new HashSet<>();
        for (int i = stages.size() - 1; i >= 0; i--) {
            int index = i;
            boolean last = i == stages.size() - 1;
            boolean baseOfShipped = stages.stream().anyMatch(s -> s.baseStage() == index && shipped.contains(s.index()));
            boolean referenced = copiedFrom.contains(i) || builtOn.contains(i);
            if (last || baseOfShipped || !referenced) {
                shipped.add(i);
            } else {
                builders.add(i);
            }
        }
        return builders;
    }

    private static Optional<Integer> indexOf(List<Stage> stages, String reference) {
        String name = reference.toLowerCase(Locale.ROOT);
        for (Stage stage : stages) {
            if (name.equals(stage.name()) || name.equals(String.valueOf(stage.index()))) {
                return Optional.of(stage.index());
            }
        }
        return Optional.empty();
    }

    /** Walks the instructions of {@code stage}, telling {@code visitor} what is known before each RUN. */
    void walk(Stage stage, RunVisitor visitor) {
        State state = start(stage);
        List<Known> known = new ArrayList<>(state.known());
        String workdir = state.workdir();
        String user = state.user();
        for (Instruction instruction : stage.instructions()) {
            if (instruction.is("WORKDIR") && !instruction.args().isEmpty()) {
                workdir = BuildSteps.resolve(workdir, stage.scopeAt(instruction).expand(instruction.args().get(0).text()));
            } else if (instruction.is("USER") && !instruction.args().isEmpty()) {
                String name = stage.scopeAt(instruction).expand(instruction.args().get(0).text()).split(":")[0];
                user = name.equals("root") || name.equals("0") ? "" : name;
            } else if ((instruction.is("COPY") || instruction.is("ADD")) && instruction.args().size() >= 2) {
                copied(stage, instruction, workdir, known);
            } else if (instruction.is("RUN")) {
                if (visitor != null) {
                    visitor.visit(instruction, Collections.unmodifiableList(known), workdir);
                }
                run(instruction, workdir, user, known);
            }
        }
        ends.put(stage.index(), new State(List.copyOf(known), workdir, user));
    }

    private State start(Stage stage) {
        if (stage.baseStage() >= 0) {
            if (!ends.containsKey(stage.baseStage())) {
                walk(dockerfile.stages().get(stage.baseStage()), null);
            }
            return ends.get(stage.baseStage());
        }
        List<Known> known = new ArrayList<>();
        for (String path : CleanupInLaterLayer.imagePaths(stage.expandedBaseImage())) {
            known.add(new Known(path, "shipped by " + stage.expandedBaseImage()));
        }
        return new State(known, "/", "");
    }

    private void copied(Stage stage, Instruction copy, String workdir, List<Known> known) {
        List<dev.vlint.dockerfile.Word> args = copy.args();
        String dest = stage.scopeAt(copy).expand(args.get(args.size() - 1).text());
        String target = BuildSteps.resolve(workdir, dest);
        int line = file.source().position(copy.range().start()).line();
        String origin = (copy.is("COPY") ? "copied" : "added") + " on line " + line;
        if (args.size() > 2 || dest.endsWith("/")) {
            for (dev.vlint.dockerfile.Word source : args.subList(0, args.size() - 1)) {
                String name = source.text().replaceAll("/+$", "");
                name = name.substring(name.lastIndexOf('/') + 1);
                if (!name.isEmpty() && !name.equals(".") && !name.contains("*") && !name.contains("$")) {
                    add(known, new Known(BuildSteps.resolve(target, name), origin));
                }
            }
        } else {
            add(known, new Known(target, origin));
        }
    }

    /** Adds a path unless it is known already; the first origin is the one the image keeps longest. */
    private static void add(List<Known> known, Known path) {
        if (known.stream().noneMatch(k -> k.path().equals(path.path()))) {
            known.add(path);
        }
    }

    /** Applies what one RUN creates and deletes, command by command. */
    private void run(Instruction run, String workdir, String user, List<Known> known) {
        if (!mentions(file, run, TRACKED)) {
            return;
        }
        List<RunMount> mounts = run.mounts();
        List<String> mounted = mounts.isEmpty() ? List.of() : mounts.stream().map(RunMount::target)
                .flatMap(Optional::stream).map(t -> BuildSteps.resolve(workdir, t)).toList();
        for (Snippet snippet : ShellSnippets.ofRun(file, run)) {
            String cwd = workdir;
            for (SimpleCommand command : snippet.script().commands()) {
                SimpleCommand effective = command.effective();
                String name = effective.commandName();
                if (name == null || !name.equals("cd") && !name.equals("rm") && !CREATORS.contains(name)
                        && !name.startsWith("pip")) {
                    continue;
                }
                Function<String, String> vars = snippet.variablesAt(command);
                if (name.equals("cd")) {
                    String target = effective.args().isEmpty() ? null : effective.args().get(0).value(vars);
                    cwd = target == null ? cwd : BuildSteps.resolve(cwd, target);
                } else if (name.equals("rm")) {
                    for (Word word : BuildSteps.operands(effective, 0, Set.of())) {
                        String value = word.value(vars);
                        if (value != null && !value.isEmpty()) {
                            String path = BuildSteps.resolve(cwd, value);
                            known.removeIf(k -> deletes(path, k.path()));
                        }
                    }
                } else {
                    String emptied = emptiedCache(name, effective);
                    if (emptied != null) {
                        known.removeIf(k -> deletes(emptied, k.path()));
                    }
                    for (Known created : created(snippet, command, effective, vars, cwd, user)) {
                        if (mounted.stream().noneMatch(m -> created.path().equals(m)
                                || created.path().startsWith(m + "/"))) {
                            add(known, created);
                        }
                    }
                }
            }
        }
    }

    /** The folder a cache-cleaning command empties, or null. */
    private static String emptiedCache(String name, SimpleCommand command) {
        List<Word> operands = BuildSteps.operands(command, 0, Set.of());
        String sub = operands.isEmpty() ? null : operands.get(0).literalValue();
        if (sub == null) {
            return null;
        }
        return switch (name) {
            case "apt-get", "apt" -> sub.equals("clean") || sub.equals("autoclean") ? "/var/cache/apt/archives" : null;
            case "dnf", "yum" -> sub.equals("clean") ? "/var/cache/" + name : null;
            case "pip", "pip3" -> sub.equals("cache") ? PIP_CACHE : null;
            case "uv" -> sub.equals("cache") ? UV_CACHE : null;
            case "npm" -> sub.equals("cache") ? NPM_CACHE : null;
            default -> null;
        };
    }

    /** What one command surely puts in the image. */
    private List<Known> created(Snippet snippet, SimpleCommand command, SimpleCommand effective,
            Function<String, String> vars, String cwd, String user) {
        String name = effective.commandName();
        if (!CREATORS.contains(name) && !name.startsWith("pip")) {
            return List.of();
        }
        int line = file.source().position(command.range().start()).line();
        List<Word> args = BuildSteps.operands(effective, 0, Set.of());
        String literal = args.isEmpty() ? null : args.get(0).literalValue();
        String sub = literal == null ? "" : literal;
        List<Known> out = new ArrayList<>();
        BuildSteps.Cloned clone = !name.equals("git") ? null
                : BuildSteps.cloneOf(new BuildSteps.Step(snippet, snippet.stage(), command, effective, cwd));
        if (clone != null) {
            out.add(new Known(clone.dir(), "cloned on line " + line));
        } else if ((name.equals("apt-get") || name.equals("apt")) && "update".equals(sub)) {
            out.add(new Known("/var/lib/apt/lists", "package lists from " + name + " update on line " + line));
        } else if ((name.equals("dnf") || name.equals("yum"))
                && Set.of("install", "update", "upgrade", "makecache", "groupinstall").contains(sub)) {
            out.add(new Known("/var/cache/" + name, name + "'s cache, filled on line " + line));
        } else if (PIP.matcher(name).matches() && Set.of("install", "wheel", "download").contains(sub)
                && user.isEmpty() && !effective.hasFlag("--no-cache-dir") && vars.apply("PIP_NO_CACHE_DIR") == null) {
            out.add(new Known(PIP_CACHE, "pip's cache, filled on line " + line));
        } else if (name.equals("uv") && user.isEmpty() && !effective.hasFlag("--no-cache")
                && vars.apply("UV_NO_CACHE") == null && (Set.of("sync", "add").contains(sub)
                        || "pip".equals(sub) && args.size() > 1 && "install".equals(args.get(1).literalValue()))) {
            out.add(new Known(UV_CACHE, "uv's cache, filled on line " + line));
        } else if (name.equals("npm") && user.isEmpty() && Set.of("install", "ci", "i").contains(sub)) {
            out.add(new Known(NPM_CACHE, "npm's cache, filled on line " + line));
        } else if (name.equals("wget") || name.equals("curl")) {
            List<String> options = name.equals("wget") ? List.of("-O", "--output-document", "-P", "--directory-prefix")
                    : List.of("-o", "--output");
            for (String option : options) {
                Word value = effective.optionValue(option);
                String path = value == null ? null : value.value(vars);
                if (path != null && !path.isEmpty() && !path.equals("-") && !path.startsWith("/dev/")) {
                    out.add(new Known(BuildSteps.resolve(cwd, path), "downloaded on line " + line));
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code rm -rf deleted} removes all or part of the known path: the known path itself, a
     * parent of it, or its contents ({@code dir/*}), globs honoured.
     */
    static boolean deletes(String deleted, String known) {
        return BaseImages.removes(deleted, known);
    }
}
