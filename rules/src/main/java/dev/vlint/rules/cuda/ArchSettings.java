package dev.vlint.rules.cuda;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.kb.ArchList;
import dev.vlint.kb.CudaArchTable;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.shell.Assignment;
import dev.vlint.shell.Branches;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every CUDA architecture list of a file: Dockerfile ARG/ENV, shell assignments, {@code cmake -D},
 * {@code docker build --build-arg}, nvcc flags, and workflow {@code env:} (with matrix values).
 */
final class ArchSettings {
    /** The variables that hold architecture lists, with the syntax each expects. */
    static final Map<String, ArchList.Syntax> VARIABLES = Map.of(
            "TORCH_CUDA_ARCH_LIST", ArchList.Syntax.TORCH,
            "CMAKE_CUDA_ARCHITECTURES", ArchList.Syntax.CMAKE,
            "CUDAARCHS", ArchList.Syntax.CMAKE);

    private static final Pattern MATRIX_REF = Pattern.compile("\\$\\{\\{\\s*matrix\\.([A-Za-z0-9_-]+)\\s*}}");
    private static final Pattern CMAKE_DEFINE = Pattern.compile("([A-Z_]+)(?::[A-Za-z]+)?=");

    private ArchSettings() {}

    static List<ArchSetting> of(ProjectFile file) {
        return file.derived(ArchSettings.class, ArchSettings::collect);
    }

    private static List<ArchSetting> collect(ProjectFile file) {
        List<ArchSetting> out = new ArrayList<>();
        Dockerfile dockerfile = file.kind() == FileKind.DOCKERFILE ? file.model(DockerfileParser.KEY) : null;
        if (dockerfile != null) {
            collectDockerfile(dockerfile, out);
        }
        Workflow workflow = file.kind() == FileKind.WORKFLOW ? file.model(WorkflowParser.KEY) : null;
        if (workflow != null) {
            collectWorkflow(workflow, out);
        }
        for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
            collectShell(snippet, dockerfile, workflow, out);
        }
        return List.copyOf(out);
    }

    private static void collectDockerfile(Dockerfile dockerfile, List<ArchSetting> out) {
        DockerValues values = new DockerValues(dockerfile);
        for (Stage stage : dockerfile.stages()) {
            for (Instruction instruction : stage.instructions()) {
                if (instruction.is("ENV")) {
                    for (Instruction.KeyValue kv : instruction.keyValues()) {
                        ArchList.Syntax syntax = VARIABLES.get(kv.key().text());
                        if (syntax != null) {
                            add(kv.key().text(), syntax,
                                    values.assigned(instruction, kv.value().text(), kv.value().range()), stage, null, out);
                        }
                    }
                } else if (instruction.is("ARG")) {
                    for (Word word : instruction.args()) {
                        String name = word.text().split("=", 2)[0];
                        ArchList.Syntax syntax = VARIABLES.get(name);
                        if (syntax == null) {
                            continue;
                        }
                        ValueText value = DockerValues.argDefault(word)
                                .map(d -> values.assigned(instruction, d.text(), d.range()))
                                .orElseGet(() -> values.variable(name, dockerfile.globalScope(), word.range()));
                        add(name, syntax, value, stage, null, out);
                    }
                }
            }
        }
    }

    private static void collectWorkflow(Workflow workflow, List<ArchSetting> out) {
        addEnv(workflow.env(), null, out);
        for (Job job : workflow.jobs()) {
            addEnv(job.env(), job, out);
            for (Step step : job.steps()) {
                addEnv(step.env(), job, out);
            }
        }
    }

    private static void addEnv(List<YamlNode.Entry> env, Job job, List<ArchSetting> out) {
        for (YamlNode.Entry entry : env) {
            String name = entry.key().value();
            ArchList.Syntax syntax = VARIABLES.get(name);
            YamlNode node = entry.value();
            if (syntax == null || node == null || !node.isScalar()) {
                continue;
            }
            Matcher matrix = MATRIX_REF.matcher(node.value().trim());
            if (matrix.matches() && job != null) {
                for (YamlNode value : job.matrixValues(matrix.group(1))) {
                    if (value.isScalar()) {
                        add(name, syntax, yamlValue(value), null, job.id() + "/" + matrix.group(1), out);
                    }
                }
            } else if (!node.value().contains("${{")) {
                add(name, syntax, yamlValue(node), null, null, out);
            }
        }
    }

    static ValueText yamlValue(YamlNode node) {
        TextRange r = node.range();
        boolean quoted = node.style() == YamlNode.Style.SINGLE_QUOTED || node.style() == YamlNode.Style.DOUBLE_QUOTED;
        if (quoted && r.end() - r.start() == node.value().length() + 2) {
            r = new TextRange(r.start() + 1, r.end() - 1);
        }
        return ValueText.at(node.value(), r);
    }

    private static void collectShell(ShellSnippets.Snippet snippet, Dockerfile dockerfile, Workflow workflow,
            List<ArchSetting> out) {
        ShellValues values = new ShellValues(snippet.variables(), outer(snippet, dockerfile, workflow));
        Branches branches = Branches.of(snippet.script());
        for (SimpleCommand command : snippet.script().commands()) {
            if (branches.isDead(command, snippet::variablesAt)) {
                continue; // a guard such as if [ "$CUDA_MINOR" = 12.8 ] keeps this list from this build
            }
            SimpleCommand effective = command.effective();
            Set<Assignment> assignments = new LinkedHashSet<>(command.variableAssignments());
            assignments.addAll(effective.assignments());
            for (Assignment assignment : assignments) {
                ArchList.Syntax syntax = VARIABLES.get(assignment.name());
                if (syntax != null) {
                    add(assignment.name(), syntax, values.read(assignment.value()), snippet.stage(), null, out);
                }
            }
            String name = effective.commandName();
            if ("cmake".equals(name)) {
                for (ValueText define : optionValues(effective, values, "-D")) {
                    addDefinition(define, snippet.stage(), out);
                }
            } else if ("docker".equals(name) && isBuild(effective)) {
                for (ValueText buildArg : optionValues(effective, values, "--build-arg")) {
                    addDefinition(buildArg, snippet.stage(), out);
                }
            } else if ("nvcc".equals(name)) {
                addNvcc(effective, values, snippet.stage(), out);
            }
        }
    }

    private static boolean isBuild(SimpleCommand docker) {
        List<dev.vlint.shell.Word> args = docker.args();
        return !args.isEmpty() && ("build".equals(args.get(0).literalValue())
                || "buildx".equals(args.get(0).literalValue()) && args.size() > 1
                        && "build".equals(args.get(1).literalValue()));
    }

    /**
     * The values of {@code option} ({@code -DX=1}, {@code -D X=1}, {@code --build-arg=X=1},
     * {@code --build-arg X=1}), read from the whole words so quoted ones keep exact ranges.
     */
    private static List<ValueText> optionValues(SimpleCommand command, ShellValues values, String option) {
        List<ValueText> out = new ArrayList<>();
        List<dev.vlint.shell.Word> args = command.args();
        String joined = option.startsWith("--") ? option + "=" : option;
        for (int i = 0; i < args.size(); i++) {
            ValueText arg = values.read(args.get(i));
            if (arg == null) {
                continue;
            }
            if (arg.text().equals(option) && i + 1 < args.size()) {
                ValueText next = values.read(args.get(++i));
                if (next != null) {
                    out.add(next);
                }
            } else if (arg.text().startsWith(joined) && arg.length() > joined.length()) {
                out.add(arg.substring(joined.length()));
            }
        }
        return out;
    }

    /** {@code NAME=value} or {@code NAME:TYPE=value} of a cmake -D or docker --build-arg. */
    private static void addDefinition(ValueText definition, Stage stage, List<ArchSetting> out) {
        if (definition == null) {
            return;
        }
        Matcher m = CMAKE_DEFINE.matcher(definition.text());
        if (m.lookingAt() && VARIABLES.containsKey(m.group(1))) {
            add(m.group(1), VARIABLES.get(m.group(1)), definition.substring(m.end()), stage, null, out);
        }
    }

    /** nvcc's arguments joined into one flag string; words with spaces are quoted again. */
    private static void addNvcc(SimpleCommand nvcc, ShellValues values, Stage stage, List<ArchSetting> out) {
        ValueText.Builder flags = new ValueText.Builder();
        for (dev.vlint.shell.Word arg : nvcc.args()) {
            ValueText value = values.read(arg);
            if (value == null) {
                continue;
            }
            TextRange r = arg.range();
            if (flags.length() > 0) {
                flags.append(' ', r.start(), r.start());
            }
            boolean quote = value.text().chars().anyMatch(Character::isWhitespace);
            if (quote) {
                flags.append('"', r.start(), r.start() + 1);
            }
            flags.append(value);
            if (quote) {
                flags.append('"', r.end() - 1, r.end());
            }
        }
        ValueText text = flags.build();
        ArchList list = ArchList.parseNvcc(text.text(), table());
        if (!list.entries().isEmpty() || !list.problems().isEmpty() || list.special().isPresent()) {
            out.add(new ArchSetting("nvcc", list, text, stage, null));
        }
    }

    /** Where a variable that the script itself does not assign comes from. */
    private static BiFunction<String, TextRange, ValueText> outer(ShellSnippets.Snippet snippet, Dockerfile dockerfile,
            Workflow workflow) {
        if (dockerfile != null && snippet.stage() != null && snippet.instruction() != null) {
            DockerValues docker = new DockerValues(dockerfile);
            return (name, ref) -> docker.variable(name, snippet.stage().scopeAt(snippet.instruction()), ref);
        }
        if (snippet.job() != null) {
            return (name, ref) -> workflowEnv(snippet, workflow, name);
        }
        return (name, ref) -> null;
    }

    private static ValueText workflowEnv(ShellSnippets.Snippet snippet, Workflow workflow, String name) {
        YamlNode found = null;
        for (List<YamlNode.Entry> level : List.of(snippet.step().env(), snippet.job().env(), workflow.env())) {
            for (YamlNode.Entry entry : level) {
                if (found == null && entry.key().value().equals(name)) {
                    found = entry.value();
                }
            }
        }
        if (found == null || !found.isScalar() || found.value().contains("${{")) {
            return null;
        }
        return yamlValue(found);
    }

    private static void add(String variable, ArchList.Syntax syntax, ValueText value, Stage stage, String matrixAxis,
            List<ArchSetting> out) {
        if (value == null || value.text().isBlank()) {
            return;
        }
        ArchList list = syntax == ArchList.Syntax.TORCH
                ? ArchList.parseTorch(value.text(), table())
                : ArchList.parseCmake(value.text(), table());
        out.add(new ArchSetting(variable, list, value, stage, matrixAxis));
    }

    static CudaArchTable table() {
        return KnowledgeBase.bundled().cudaArchs();
    }
}
