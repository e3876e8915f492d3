package dev.vlint.shell;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Heredoc;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunShell;
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

        /** Whether this is the shell of an {@code ONBUILD RUN}, which runs in the builds of images built on this one. */
        public boolean onbuildTrigger() {
            return instruction != null && stage != null && !stage.holds(instruction);
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

    /**
     * The shell of the file's {@code ONBUILD RUN} triggers, parsed on first use. They are not in
     * {@link #of}: they run when another image is built on this one.
     */
    public static List<Snippet> ofOnbuildTriggers(ProjectFile file) {
        return file.derived(OnbuildTriggers.class, f -> {
            List<Snippet> result = new ArrayList<>();
            Dockerfile dockerfile = f.model(DockerfileParser.KEY);
            if (dockerfile != null) {
                dockerfile.stages().forEach(stage -> stage.instructions().stream()
                        .filter(i -> i.trigger() != null && i.trigger().is("RUN"))
                        .forEach(onbuild -> addRun(f, stage, onbuild.trigger(), result)));
            }
            return List.copyOf(result);
        });
    }

    /** Key of the per-file list behind {@link #ofOnbuildTriggers}. */
    private interface OnbuildTriggers {}

    /** Key of the per-file index behind {@link #ofRun}. */
    private interface ByRun {}

    private static List<Snippet> collect(ProjectFile file) {
        List<Snippet> result = new ArrayList<>();
        if (file.kind() == FileKind.DOCKERFILE) {
            Dockerfile dockerfile = file.model(DockerfileParser.KEY);
            if (dockerfile != null) {
                dockerfile.stages().forEach(stage -> stage.instructions().stream().filter(i -> i.is("RUN"))
                        .forEach(run -> addRun(file, stage, run, result)));
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

    private static void addRun(ProjectFile file, Stage stage, Instruction run, List<Snippet> into) {
        if (run.jsonForm() || run.shellText().isEmpty() || !RunShell.isPosix(RunShell.of(file, run))) {
            return;
        }
        SourceFile source = file.source();
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
