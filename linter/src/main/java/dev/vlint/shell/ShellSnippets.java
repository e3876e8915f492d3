package dev.vlint.shell;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Heredoc;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Scope;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.FileKind;
import dev.vlint.project.Parsed;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every piece of shell in a file, parsed once: Dockerfile {@code RUN} commands (shell form and
 * heredoc scripts), workflow {@code run:} steps, and whole {@code .sh} files. Rules about shell
 * commands iterate these and so fire the same way in all three places.
 */
public final class ShellSnippets {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh");
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");
    private static final Pattern MATRIX_AXIS = Pattern.compile("matrix\\.([A-Za-z_][A-Za-z0-9_-]*)");

    private ShellSnippets() {}

    /**
     * One shell script and where it runs.
     *
     * @param environment values of variables set outside the script (Dockerfile ARG/ENV in scope,
     *     workflow {@code env:}); null for a name whose value is unknown
     * @param instruction the Dockerfile RUN it belongs to, else null
     * @param stage the Dockerfile stage of {@code instruction}, else null
     * @param job the workflow job of {@code step}, else null
     * @param step the workflow step, else null
     * @param text the shell text as parsed, every character mapped to the file
     */
    public record Snippet(ShellScript script, ShellVariables variables, List<ParseProblem> problems,
            Function<String, String> environment, Instruction instruction, Stage stage, Job job, Step step,
            MappedText text) {

        Snippet(MappedText text, Parsed<ShellScript> parsed, Function<String, String> environment,
                Instruction instruction, Stage stage, Job job, Step step) {
            this(parsed.model(), ShellVariables.of(parsed.model()), parsed.problems(), environment, instruction, stage,
                    job, step, text);
        }

        /** Resolves variables as seen by {@code command}: the script's own assignments, then the environment. */
        public Function<String, String> variablesAt(SimpleCommand command) {
            return variables.resolverAt(command.range().start(), environment);
        }
    }

    /** The shell snippets of a file, parsed on first use. */
    public static List<Snippet> of(ProjectFile file) {
        return file.derived(ShellSnippets.class, ShellSnippets::collect);
    }

    /**
     * The snippets of one Dockerfile RUN (more than one with heredocs), from an index built once per
     * file, so rules that walk the stages need not scan every snippet for each RUN.
     */
    public static List<Snippet> ofRun(ProjectFile file, Instruction run) {
        return file.derived(ByRun.class, f -> {
            Map<Instruction, List<Snippet>> index = new IdentityHashMap<>();
            for (Snippet snippet : of(f)) {
                if (snippet.instruction() != null) {
                    index.computeIfAbsent(snippet.instruction(), i -> new ArrayList<>()).add(snippet);
                }
            }
            return index;
        }).getOrDefault(run, List.of());
    }

    /** Key of the per-file index behind {@link #ofRun}. */
    private interface ByRun {}

    private static List<Snippet> collect(ProjectFile file) {
        List<Snippet> result = new ArrayList<>();
        if (file.kind() == FileKind.DOCKERFILE) {
            Dockerfile dockerfile = file.model(DockerfileParser.KEY);
            if (dockerfile != null) {
                dockerfile.stages().forEach(stage -> stage.instructions().stream()
                        .filter(i -> i.is("RUN") && isPosixShell(shellOf(file, i)))
                        .forEach(run -> addRun(file.source(), stage, run, result)));
            }
        } else if (file.kind() == FileKind.WORKFLOW) {
            Workflow workflow = file.model(WorkflowParser.KEY);
            if (workflow != null) {
                for (Job job : workflow.jobs()) {
                    for (Step step : job.steps()) {
                        MappedText script = step.script();
                        if (script != null && isShellStep(workflow, job, step)) {
                            add(script, workflowEnvironment(workflow, job, step), null, null, job, step, result);
                        }
                    }
                }
            }
        } else if (file.kind() == FileKind.SHELL) {
            Parsed<ShellScript> parsed = file.parse(ShellParser.KEY);
            if (parsed.model() != null) {
                MappedText whole = MappedText.slice(file.source(), new TextRange(0, file.source().text().length()));
                result.add(new Snippet(whole, parsed, name -> null, null, null, null, null));
            }
        }
        return List.copyOf(result);
    }

    /**
     * The SHELL a RUN runs under: the last SHELL before it in its stage, else the last one of the
     * stage it builds on ({@code FROM base}), and so on, else {@code /bin/sh -c}. Worked out for every
     * RUN of the file in one pass, the first time it is asked.
     */
    public static List<String> shellOf(ProjectFile file, Instruction run) {
        return file.derived(ShellByRun.class, f -> shellsByRun(f.model(DockerfileParser.KEY)))
                .getOrDefault(run, DEFAULT_SHELL);
    }

    /** Key of the per-file index behind {@link #shellOf}. */
    private interface ShellByRun {}

    private static Map<Instruction, List<String>> shellsByRun(Dockerfile dockerfile) {
        Map<Instruction, List<String>> byRun = new IdentityHashMap<>();
        List<List<String>> endShells = new ArrayList<>();
        for (Stage stage : dockerfile == null ? List.<Stage>of() : dockerfile.stages()) {
            int base = stage.baseStage();
            List<String> shell = base >= 0 && base < endShells.size() ? endShells.get(base) : DEFAULT_SHELL;
            for (Instruction instruction : stage.instructions()) {
                if (instruction.is("SHELL") && instruction.jsonForm() && !instruction.args().isEmpty()) {
                    shell = instruction.args().stream().map(dev.vlint.dockerfile.Word::text).toList();
                } else if (instruction.is("RUN")) {
                    byRun.put(instruction, shell);
                }
            }
            endShells.add(shell);
        }
        return byRun;
    }

    /** Whether a SHELL runs a POSIX-style shell, not PowerShell or cmd (which BuildKit also allows). */
    private static boolean isPosixShell(List<String> shell) {
        String name = shell.get(0).substring(shell.get(0).lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                .replaceFirst("\\.exe$", "");
        return !Set.of("pwsh", "powershell", "cmd").contains(name);
    }

    private static void addRun(SourceFile source, Stage stage, Instruction run, List<Snippet> into) {
        if (run.jsonForm() || run.shellText().isEmpty()) {
            return;
        }
        Scope scope = stage.scopeAt(run);
        Function<String, String> environment = name -> scope.variable(name).map(Scope.Variable::value).orElse(null);
        MappedText command = run.shellText().get();
        if (!run.heredocs().isEmpty() && command.text().strip().matches("\\d*<<-?\\s*\\S+")) {
            // A RUN that is only a heredoc runs the body as a script, with its #! interpreter if any.
            MappedText body = run.heredocs().get(0).body();
            if (isShellScript(body.text())) {
                add(body, environment, run, stage, null, null, into);
            }
            return;
        }
        add(withHeredocBodies(source, command, run.heredocs()), environment, run, stage, null, null, into);
    }

    /** The command line followed by its heredocs as written, which is what BuildKit hands to the shell. */
    private static MappedText withHeredocBodies(SourceFile source, MappedText command, List<Heredoc> heredocs) {
        if (heredocs.isEmpty()) {
            return command;
        }
        MappedText.Builder text = new MappedText.Builder();
        for (int i = 0; i < command.length(); i++) {
            text.append(command.text().charAt(i), command.fileOffset(i));
        }
        int end = command.fileOffset(command.length());
        int lastCharacter = source.text().length() - 1;
        for (Heredoc heredoc : heredocs) {
            // The line break before each body stands where the previous part ended; after a body
            // that runs to the end of the file there is no character there, so it takes the last one.
            text.append('\n', Math.min(end, lastCharacter));
            TextRange body = heredoc.range();
            text.append(source, body);
            end = body.end();
        }
        return text.build(end);
    }

    private static void add(MappedText text, Function<String, String> environment, Instruction run, Stage stage,
            Job job, Step step, List<Snippet> into) {
        Parsed<ShellScript> parsed = ShellParser.parse(text);
        if (parsed.model() == null) {
            return;
        }
        into.add(new Snippet(text, parsed, environment, run, stage, job, step));
        // A heredoc fed to a shell (`bash <<EOF`) is a script of its own.
        for (SimpleCommand command : parsed.model().commands()) {
            String name = command.effective().commandName();
            if (name != null && SHELLS.contains(name) && command.args().isEmpty()) {
                for (Redirection redirection : command.redirections()) {
                    if (redirection.hereDoc() != null) {
                        add(redirection.hereDoc().body(), environment, run, stage, job, step, into);
                    }
                }
            }
        }
    }

    private static boolean isShellScript(String body) {
        if (!body.startsWith("#!")) {
            return true;
        }
        String shebang = body.lines().findFirst().orElse("");
        String interpreter = shebang.replaceFirst("^#!\\s*(/usr)?(/local)?/bin/(env\\s+)?", "").split("\\s+")[0];
        return SHELLS.contains(interpreter);
    }

    private static boolean isShellStep(Workflow workflow, Job job, Step step) {
        String shell = scalar(step.shell());
        if (shell == null) {
            shell = scalar(job.defaultShell());
        }
        if (shell == null) {
            shell = scalar(workflow.defaultShell());
        }
        if (shell == null) {
            // GitHub's default shell is bash, except on Windows runners, where it is PowerShell.
            return job.runsOn().stream().map(ShellSnippets::scalar).noneMatch(label -> label != null
                    && (isWindows(label) || windowsMatrixAxis(job, label)));
        }
        return SHELLS.contains(shell.split("\\s+")[0]);
    }

    private static boolean isWindows(String label) {
        return label.equalsIgnoreCase("windows") || label.toLowerCase(Locale.ROOT).startsWith("windows-");
    }

    /** Whether a {@code runs-on} expression names a matrix axis whose every value is a Windows label. */
    private static boolean windowsMatrixAxis(Job job, String label) {
        Matcher axis = MATRIX_AXIS.matcher(label);
        while (axis.find()) {
            List<String> values = job.matrixValues(axis.group(1)).stream().map(ShellSnippets::scalar).toList();
            if (!values.isEmpty() && values.stream().allMatch(v -> v != null && isWindows(v))) {
                return true;
            }
        }
        return false;
    }

    private static Function<String, String> workflowEnvironment(Workflow workflow, Job job, Step step) {
        Map<String, String> values = new HashMap<>();
        for (List<YamlNode.Entry> level : List.of(workflow.env(), job.env(), step.env())) {
            for (YamlNode.Entry entry : level) {
                String value = scalar(entry.value());
                values.put(entry.key().value(), value == null || value.contains("${{") ? null : value);
            }
        }
        return values::get;
    }

    private static String scalar(YamlNode node) {
        return node == null || node.kind() != YamlNode.Kind.SCALAR ? null : node.value();
    }
}
