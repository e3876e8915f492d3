package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.RuleContext;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shell commands of a build in the order they run, each with the directory it runs in: what
 * the docker rules need to follow a clone into a {@code cd} and a {@code pip install .}, or a torch
 * install into a later one.
 */
public final class BuildSteps {
    static final Set<String> GIT_VALUE_OPTIONS = Set.of("-C", "-c", "--git-dir", "--work-tree", "--namespace");
    static final Set<String> CLONE_VALUE_OPTIONS = Set.of("--depth", "--branch", "-b", "--origin", "-o",
            "--config", "-c", "--reference", "--reference-if-able", "--filter", "--jobs", "-j", "--shallow-since",
            "--shallow-exclude", "--separate-git-dir", "--template", "-u", "--upload-pack", "--server-option",
            "--bundle-uri");
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

    private BuildSteps() {}

    /**
     * One command. {@code effective} has wrappers peeled off ({@code sudo}, {@code python -m});
     * {@code cwd} is the absolute directory when known, "" when the start directory is unknown
     * (then relative paths stay relative and still compare equal).
     */
    public record Step(Snippet snippet, Stage stage, SimpleCommand command, SimpleCommand effective, String cwd) {
        Function<String, String> variables() {
            return snippet.variablesAt(command);
        }

        String value(Word word) {
            return word.value(variables());
        }

        /** {@code path} as an absolute (or cwd-relative when the cwd is unknown) normalized path. */
        String resolve(String path) {
            return BuildSteps.resolve(cwd, path);
        }

        /** The command name after wrappers, e.g. {@code pip} for {@code python3 -m pip}. */
        String name() {
            String name = effective.commandName();
            return name == null ? "" : name;
        }
    }

    /** The stages {@code stage} builds on, root first, ending with {@code stage}. */
    static List<Stage> chain(Dockerfile dockerfile, Stage stage) {
        List<Stage> chain = new ArrayList<>();
        Set<Integer> seen = new HashSet<>(); // by index: a Stage record's equals compares every instruction
        Stage current = stage;
        while (current != null && seen.add(current.index())) {
            chain.add(current);
            int base = current.baseStage();
            current = base >= 0 && base < dockerfile.stages().size() ? dockerfile.stages().get(base) : null;
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The image a stage finally builds on, following {@code FROM earlier-stage}. */
    static String rootImage(ProjectFile file, Dockerfile dockerfile, Stage stage) {
        return dockerfile.stages().get(stageSteps(file, dockerfile).root()[stage.index()]).expandedBaseImage();
    }

    /**
     * Per stage (by index) its own commands, starting in the working directory that the stages it
     * builds on leave, and the index of the first stage of its chain. Each stage is read once, so a
     * chain of n stages costs O(n), not the O(n^2) of reading each stage's whole chain.
     */
    private record StageSteps(List<List<Step>> own, int[] root, List<List<Instruction>> copies) {}

    private static final Object STAGE_STEPS = new Object();

    private static StageSteps stageSteps(ProjectFile file, Dockerfile dockerfile) {
        return file.derived(STAGE_STEPS, f -> {
            List<Stage> stages = dockerfile.stages();
            List<List<Step>> own = new ArrayList<>();
            List<List<Instruction>> copies = new ArrayList<>();
            String[] endWorkdir = new String[stages.size()];
            int[] root = new int[stages.size()];
            for (Stage stage : stages) {
                int i = stage.index();
                int base = stage.baseStage();
                boolean hasBase = base >= 0 && base < i; // a base is always an earlier stage
                root[i] = hasBase ? root[base] : i;
                String workdir = hasBase ? endWorkdir[base] : "/";
                List<Step> steps = new ArrayList<>();
                for (Instruction instruction : stage.instructions()) {
                    if (instruction.is("WORKDIR") && !instruction.args().isEmpty()) {
                        workdir = resolve(workdir, stage.scopeAt(instruction).expand(instruction.args().get(0).text()));
                    } else if (instruction.is("RUN")) {
                        for (Snippet snippet : ShellSnippets.ofRun(f, instruction)) {
                            addSteps(snippet, stage, workdir, steps);
                        }
                    }
                }
                endWorkdir[i] = workdir;
                own.add(List.copyOf(steps));
                copies.add(stage.instructions().stream().filter(c -> (c.is("COPY") || c.is("ADD"))
                        && c.flag("from").isEmpty() && c.args().size() >= 2).toList());
            }
            return new StageSteps(List.copyOf(own), root, List.copyOf(copies));
        });
    }

    /** The COPY and ADD instructions of {@code stage} that copy from the build context (no --from), in order. */
    static List<Instruction> contextCopies(ProjectFile file, Dockerfile dockerfile, Stage stage) {
        return stageSteps(file, dockerfile).copies().get(stage.index());
    }

    /** The commands of {@code stage} itself, in order, with WORKDIR (of its chain too) and {@code cd} followed. */
    static List<Step> ownSteps(ProjectFile file, Dockerfile dockerfile, Stage stage) {
        return stageSteps(file, dockerfile).own().get(stage.index());
    }

    /** The commands of one snippet that is not part of a Dockerfile (workflow step, script). */
    private static List<Step> ofSnippet(Snippet snippet) {
        List<Step> steps = new ArrayList<>();
        addSteps(snippet, snippet.stage(), "", steps);
        return steps;
    }

    /**
     * Commands that run one after another: in a Dockerfile, those of a chain of stages from its
     * first stage to a stage no other builds on (so a clone in a parent stage is seen by a checkout
     * in the child); per snippet otherwise. {@code owned} holds the indexes of the stages whose
     * commands a rule reports on in this sequence (each stage is owned by one sequence); null for
     * snippets, whose commands are all owned.
     */
    record Sequence(List<Step> steps, Set<Integer> owned, Map<Step, Integer> positions,
            Map<String, TreeMap<Integer, Cloned>> clonesByDir, Map<Class<?>, Object> indexes) {
        /** A sequence with its clones indexed by directory, so looking one up never rescans the steps. */
        static Sequence of(List<Step> steps, Set<Integer> owned) {
            Map<Step, Integer> positions = new IdentityHashMap<>();
            Map<String, TreeMap<Integer, Cloned>> clones = new HashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                positions.put(steps.get(i), i);
                Cloned cloned = cloneOf(steps.get(i));
                if (cloned != null) {
                    clones.computeIfAbsent(cloned.dir(), d -> new TreeMap<>()).put(i, cloned);
                }
            }
            return new Sequence(steps, owned, positions, clones, new ConcurrentHashMap<>());
        }

        boolean owns(Step step) {
            return owned == null || step.stage() != null && owned.contains(step.stage().index());
        }

        /** Where {@code step} stands, or the end when it is not one of these steps. */
        int position(Step step) {
            return positions.getOrDefault(step, steps.size());
        }

        /**
         * An index over these steps built once by {@code build} (keyed by its owner class), so that rules
         * asking something of every build in a sequence stay linear.
         */
        @SuppressWarnings("unchecked")
        <T> T index(Class<?> key, Function<Sequence, T> build) {
            return (T) indexes.computeIfAbsent(key, k -> build.apply(this));
        }

        /** The last clone into {@code dir} before {@code step} (one of this sequence's), or null. */
        Cloned cloneBefore(Step step, String dir) {
            TreeMap<Integer, Cloned> clones = clonesByDir.get(dir);
            Integer at = positions.get(step);
            Map.Entry<Integer, Cloned> last = clones == null || at == null ? null : clones.lowerEntry(at);
            return last == null ? null : last.getValue();
        }
    }

    /** The sequences of a file, computed once per file; every command is owned by exactly one of them. */
    static List<Sequence> sequences(ProjectFile file) {
        return file.derived(BuildSteps.class, BuildSteps::collectSequences);
    }

    private static List<Sequence> collectSequences(ProjectFile file) {
        List<Sequence> sequences = new ArrayList<>();
        if (file.kind() == FileKind.DOCKERFILE) {
            Dockerfile dockerfile = file.model(DockerfileParser.KEY);
            if (dockerfile != null) {
                dockerfileSequences(file, dockerfile, sequences);
            }
        } else {
            ShellSnippets.of(file).forEach(snippet -> sequences.add(Sequence.of(ofSnippet(snippet), null)));
        }
        return List.copyOf(sequences);
    }

    /**
     * One sequence per stage that no other stage builds on, holding its whole chain; each stage is
     * owned by the first such chain through it. A report on a step depends only on the steps before
     * it, so it is the same in any chain through its stage; a straight chain of n stages is then
     * read once, not n times.
     */
    private static void dockerfileSequences(ProjectFile file, Dockerfile dockerfile, List<Sequence> into) {
        List<Stage> stages = dockerfile.stages();
        boolean[] isBase = new boolean[stages.size()];
        for (Stage stage : stages) {
            if (stage.baseStage() >= 0 && stage.baseStage() < stage.index()) {
                isBase[stage.baseStage()] = true;
            }
        }
        boolean[] owned = new boolean[stages.size()];
        for (Stage last : stages) {
            if (isBase[last.index()]) {
                continue;
            }
            List<Step> steps = new ArrayList<>();
            Set<Integer> owns = new HashSet<>();
            for (Stage stage : chain(dockerfile, last)) {
                steps.addAll(ownSteps(file, dockerfile, stage));
                if (!owned[stage.index()]) {
                    owned[stage.index()] = true;
                    owns.add(stage.index());
                }
            }
            into.add(Sequence.of(List.copyOf(steps), Set.copyOf(owns)));
        }
    }

    private static void addSteps(Snippet snippet, Stage stage, String start, List<Step> into) {
        String cwd = start;
        for (SimpleCommand command : snippet.script().commands()) {
            SimpleCommand effective = command.effective();
            Step step = new Step(snippet, stage, command, effective, cwd);
            into.add(step);
            if ("cd".equals(effective.commandName())) {
                List<Word> args = effective.args();
                String target = args.isEmpty() ? null : step.value(args.get(args.size() - 1));
                cwd = target == null || target.equals("-") ? cwd : resolve(cwd, target);
            }
        }
    }

    /** Joins and normalizes ({@code .}, {@code ..}, repeated and trailing slashes). */
    static String resolve(String cwd, String path) {
        String joined = path.startsWith("/") || cwd.isEmpty() ? path : cwd + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        String normalized = String.join("/", parts);
        return joined.startsWith("/") ? "/" + normalized : normalized.isEmpty() ? "." : normalized;
    }

    /**
     * The operands of a command: arguments that are not options, skipping the value word of an
     * option in {@code valueOptions} written apart ({@code --depth 1}); everything after {@code --}.
     */
    static List<Word> operands(SimpleCommand command, int skipLeading, Set<String> valueOptions) {
        List<Word> args = command.args();
        List<Word> out = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = skipLeading; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (!optionsEnded && value != null && value.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && value != null && value.startsWith("-") && value.length() > 1) {
                if (valueOptions.contains(value)) {
                    i++;
                }
            } else {
                out.add(args.get(i));
            }
        }
        return out;
    }

    /** True for a 7 to 40 digit hex string with at least one digit: what a commit id looks like. */
    static boolean looksLikeCommit(String value) {
        return value != null && SHA.matcher(value).matches() && value.chars().anyMatch(Character::isDigit);
    }

    /** The image a workflow job runs its steps in ({@code container:} or {@code container.image}), or null. */
    private static String jobContainer(YamlNode job) {
        YamlNode container = job.get("container");
        if (container != null && container.isMapping()) {
            container = container.get("image");
        }
        return container != null && container.isScalar() && !container.value().contains("${{")
                ? container.value() : null;
    }

    /** The images a snippet evidently runs in: its stage's, its job container, or for a script the stages that run it. */
    static List<String> imagesOf(RuleContext context, Snippet snippet) {
        if (snippet.stage() != null) {
            Dockerfile dockerfile = context.model(DockerfileParser.KEY);
            return dockerfile == null ? List.of() : List.of(rootImage(context.file(), dockerfile, snippet.stage()));
        }
        if (snippet.job() != null) {
            String image = jobContainer(snippet.job().node());
            return image == null ? List.of() : List.of(image);
        }
        if (context.file().kind() == FileKind.SHELL) {
            return ScriptCallers.imagesRunning(context.project(), context.file());
        }
        return List.of();
    }

    /** A {@code git clone}: the repository URL and the directory it lands in. */
    public record Cloned(String url, String dir) {}

    /** A git command: the directory it works in ({@code -C} applied) and the index of its subcommand in the args. */
    record Git(String dir, int subcommand) {}

    /** The git command of a step, or null when it is none or its directory is unknown. */
    static Git git(Step step) {
        if (!"git".equals(step.name())) {
            return null;
        }
        List<Word> args = step.effective().args();
        String dir = step.cwd();
        int i = 0;
        for (; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value == null || !value.startsWith("-")) {
                break;
            }
            if (value.equals("-C") && i + 1 < args.size()) {
                String target = step.value(args.get(i + 1));
                dir = target == null ? null : resolve(dir, target);
            }
            i += GIT_VALUE_OPTIONS.contains(value) ? 1 : 0;
        }
        return dir == null || i >= args.size() ? null : new Git(dir, i);
    }

    /** The clone a step makes ({@code git [-C dir] clone [options] URL [DIR]}), or null. */
    public static Cloned cloneOf(Step step) {
        Git git = git(step);
        if (git == null || !"clone".equals(step.effective().args().get(git.subcommand()).literalValue())) {
            return null;
        }
        List<Word> operands = operands(step.effective(), git.subcommand() + 1, CLONE_VALUE_OPTIONS);
        String url = operands.isEmpty() ? null : step.value(operands.get(0));
        String dir = operands.size() > 1 ? step.value(operands.get(1)) : humanish(url);
        return url == null || dir == null ? null : new Cloned(url, resolve(git.dir(), dir));
    }

    /** The directory git derives from a URL: {@code .../vllm.git} gives {@code vllm}. */
    public static String humanish(String url) {
        if (url == null) {
            return null;
        }
        String path = url.replaceAll("/+$", "").replaceAll("\\.git$", "");
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
        return name.isEmpty() ? null : name;
    }
}
