package dev.vlint.buildmodel;

import dev.vlint.bake.BakeDefinition;
import dev.vlint.bake.BakeFile;
import dev.vlint.bake.BakeParser;
import dev.vlint.bake.BakeTarget;
import dev.vlint.bake.HclValue;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellVariables;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@link BuildModel} out of a project's workflows, scripts and bake files. */
final class BuildModelReader {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(matrix|env)\\.([\\w-]+)\\s*}}");
    private static final Pattern ENV_IN_CONDITION = Pattern.compile("\\benv\\.([\\w-]+)");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "source", ".");
    /** {@code docker build} options that take no value; every other option without "=" consumes the next word. */
    private static final Set<String> BUILD_SWITCHES = Set.of("--push", "--load", "--no-cache", "--pull", "-q",
            "--quiet", "--rm", "--force-rm", "--squash", "--compress", "--disable-content-trust", "--check");
    private static final Pattern PIP = Pattern.compile("pip\\d*(\\.\\d+)?");
    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)*)?");
    /** Options of build, pip wheel, uv build and cibuildwheel whose value is the next word. */
    private static final Set<String> PACKAGE_BUILD_VALUE_OPTIONS = Set.of("-o", "--outdir", "--out-dir",
            "--output-dir", "-w", "--wheel-dir", "-r", "--requirement", "-c", "--constraint", "-C",
            "--config-setting", "--config-settings", "--installer", "-i", "--index-url", "--extra-index-url",
            "-f", "--find-links", "--python", "-p", "--platform", "--package", "--only");
    private static final List<String> CLEANUP_ACTIONS = List.of("free-disk-space", "maximize-build-space",
            "reclaim-the-bytes", "disk-space");

    private final Project project;
    private final List<BuildInvocation> invocations = new ArrayList<>();
    private final List<BuildJob> jobs = new ArrayList<>();
    /** Scripts and bake files some workflow step runs; their builds belong to that step. */
    private final Set<String> claimed = new HashSet<>();
    /** Every path a build names as its Dockerfile or bake file, found or not (for file discovery). */
    private final Set<String> namedFiles = new HashSet<>();
    /** Per workflow file, its run snippets by the step node that holds them, so a step finds its own without a scan. */
    private final Map<String, Map<YamlNode, List<ShellSnippets.Snippet>>> snippetsByStep = new HashMap<>();

    BuildModelReader(Project project) {
        this.project = project;
    }

    BuildModel read() {
        for (ProjectFile file : project.files(FileKind.WORKFLOW)) {
            Workflow workflow = file.model(WorkflowParser.KEY);
            if (workflow != null) {
                workflow.jobs().forEach(job -> readJob(workflow, job));
            }
        }
        for (ProjectFile file : project.files(FileKind.SHELL)) {
            if (!claimed.contains(file.path())) {
                for (Command command : scriptCommands(file, name -> null, ".", new HashSet<>())) {
                    readBuildCommand(command, null, -1);
                }
            }
        }
        for (ProjectFile file : project.files(FileKind.BAKE)) {
            if (!claimed.contains(file.path())) {
                readBake(List.of(file), List.of(), List.of(), name -> null, List.of(), null, -1, file.source(), null);
            }
        }
        return new BuildModel(invocations, jobs, namedFiles);
    }

    /** A shell command, the file it is in, how its variables resolve, and the directory it runs in. */
    private record Command(SimpleCommand command, SourceFile file, Function<String, String> variables, String dir) {
        String value(Word word) {
            return word.value(variables);
        }
    }

    private void readJob(Workflow workflow, Job job) {
        List<Step> steps = job.steps();
        if (steps.isEmpty()) {
            return;
        }
        Map<String, String> jobEnv = new LinkedHashMap<>();
        putEnv(jobEnv, workflow.env());
        putEnv(jobEnv, job.env());
        List<String> labels = new ArrayList<>();
        for (YamlNode label : job.runsOn()) {
            if (!label.isScalar()) {
                continue;
            }
            List<String> values = resolve(label.value(), job, jobEnv);
            labels.addAll(values == null ? List.of(label.value()) : values);
        }
        List<JobStep> jobSteps = new ArrayList<>();
        List<Map<String, String>> stepEnvs = new ArrayList<>();
        List<List<Command>> commands = new ArrayList<>();
        for (Step step : steps) {
            Map<String, String> env = new LinkedHashMap<>(jobEnv);
            putEnv(env, step.env());
            stepEnvs.add(env);
            commands.add(stepCommands(workflow, step, env));
            jobSteps.add(jobStep(workflow, jobSteps.size(), step, env, commands.get(commands.size() - 1)));
        }
        // Invocations point at their job, so they are read once the job is complete.
        BuildJob buildJob = new BuildJob(workflow.file(), job, labels, jobSteps, jobEnv);
        jobs.add(buildJob);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            ActionRef action = step.action();
            String name = action == null ? "" : action.action().toLowerCase(Locale.ROOT);
            if (name.equals("docker/build-push-action")) {
                readBuildPushAction(workflow.file(), step, buildJob, i, stepEnvs.get(i));
            } else if (name.equals("docker/bake-action")) {
                readBakeAction(workflow, step, buildJob, i, stepEnvs.get(i));
            }
            for (Command command : commands.get(i)) {
                readBuildCommand(command, buildJob, i);
            }
        }
    }

    /** docker/bake-action: {@code files}, {@code targets} and {@code set} inputs, run in {@code workdir}, with the step's env. */
    private void readBakeAction(Workflow workflow, Step step, BuildJob job, int index, Map<String, String> env) {
        List<String> files = listInput(step.with("files"), job.job(), env);
        List<String> targets = listInput(step.with("targets"), job.job(), env);
        String set = scalar(step.with("set"));
        String workdir = firstValue(step.with("workdir"), job.job(), env);
        if (files == null || targets == null || step.with("workdir") != null && workdir == null) {
            return;
        }
        String dir = Paths.join(repositoryRoot(workflow.file().path()), workdir == null ? "." : workdir);
        List<String> sets = new ArrayList<>();
        if (set != null) {
            for (String line : set.split("\\R")) {
                if (!line.isBlank()) {
                    int eq = line.indexOf('=');
                    sets.add(eq < 0 || line.substring(0, eq).contains("${{") ? null : line.strip());
                }
            }
        }
        List<String> paths = files.stream().map(f -> Paths.join(dir, f)).toList();
        Function<String, HclValue> environment = variable -> !env.containsKey(variable) ? null
                : env.get(variable) == null ? HclValue.UNKNOWN : new HclValue.Str(env.get(variable));
        readBakeFiles(paths, dir, targets, sets, environment, job, index, workflow.file(), step.uses().range());
    }

    private JobStep jobStep(Workflow workflow, int index, Step step, Map<String, String> env, List<Command> commands) {
        Set<JobStep.Kind> kinds = EnumSet.noneOf(JobStep.Kind.class);
        ActionRef ref = step.action();
        String action = ref == null ? null : ref.action();
        String lower = action == null ? "" : action.toLowerCase(Locale.ROOT);
        if (lower.equals("docker/setup-qemu-action")) {
            kinds.add(JobStep.Kind.QEMU);
        }
        if (CLEANUP_ACTIONS.stream().anyMatch(lower::contains)) {
            kinds.add(JobStep.Kind.DISK_CLEANUP);
        }
        if (lower.equals("docker/build-push-action") || lower.equals("docker/bake-action")) {
            kinds.add(JobStep.Kind.BUILD);
        }
        List<String> packageBuilds = new ArrayList<>();
        if (lower.equals("pypa/gh-action-pypi-publish")) {
            String url = scalar(step.with("repository-url"));
            if (url == null || url.contains("pypi.org")) {
                kinds.add(JobStep.Kind.PYPI_PUBLISH);
            }
        } else if (lower.equals("pypa/cibuildwheel")) {
            String dir = scalar(step.with("package-dir"));
            packageBuilds.add(Paths.join(workingDirectory(workflow, step), dir == null ? "." : dir));
        }
        Set<String> scripts = new LinkedHashSet<>();
        Map<String, String> with = new LinkedHashMap<>();
        for (YamlNode.Entry entry : step.with()) {
            with.put(entry.key().value(), scalar(entry.value()));
        }
        List<String> removed = new ArrayList<>();
        List<ImagePull> pulls = new ArrayList<>();
        for (Command c : commands) {
            SimpleCommand command = c.command();
            String name = command.commandName();
            List<Word> args = command.args();
            if (project.file(c.file().path()) != null && project.file(c.file().path()).kind() == FileKind.SHELL) {
                scripts.add(c.file().path());
            }
            if (publishesToPypi(c)) {
                kinds.add(JobStep.Kind.PYPI_PUBLISH);
            }
            String built = packageBuild(c);
            if (built != null) {
                packageBuilds.add(built);
            }
            if ("rm".equals(name)) {
                for (Word arg : args) {
                    String path = c.value(arg);
                    if (path != null && path.startsWith("/")) {
                        removed.add(path);
                    }
                }
            } else if ("docker".equals(name) && !args.isEmpty()) {
                String sub = args.get(0).literalValue();
                if ("pull".equals(sub) || "image".equals(sub) && args.size() > 1 && "pull".equals(args.get(1).literalValue())) {
                    ImagePull pull = pull(c);
                    if (pull != null) {
                        pulls.add(pull);
                        kinds.add(JobStep.Kind.PULL);
                    }
                } else if ("save".equals(sub)) {
                    kinds.add(JobStep.Kind.PACK);
                } else if (buildArgsStart(command) >= 0) {
                    kinds.add(JobStep.Kind.BUILD);
                }
                if ("run".equals(sub) && args.stream().map(Word::raw)
                        .anyMatch(w -> w.contains("tonistiigi/binfmt") || w.contains("qemu-user-static"))) {
                    kinds.add(JobStep.Kind.QEMU);
                }
            } else if ("start-cli".equals(name) && args.stream().anyMatch(a -> "pack".equals(a.literalValue()))) {
                kinds.add(JobStep.Kind.PACK);
            }
        }
        if (!removed.isEmpty()) {
            kinds.add(JobStep.Kind.DISK_CLEANUP);
        }
        return new JobStep(index, step, kinds, action, with, enabled(step, env), removed, pulls,
                List.copyOf(scripts), packageBuilds);
    }

    /** {@code twine upload} or {@code uv publish} without a repository other than PyPI. */
    private static boolean publishesToPypi(Command c) {
        SimpleCommand command = c.command();
        List<Word> args = command.args();
        String name = command.commandName();
        String sub = args.isEmpty() ? null : args.get(0).literalValue();
        if (!("twine".equals(name) && "upload".equals(sub) || "uv".equals(name) && "publish".equals(sub))) {
            return false;
        }
        for (String option : List.of("--repository-url", "--publish-url", "--repository", "-r", "--index")) {
            Word url = command.optionValue(option);
            String value = url == null ? null : c.value(url);
            if (url != null && (value == null || !value.contains("pypi"))) {
                return false;
            }
        }
        return true;
    }

    /** The folder of the Python project a command builds into distributions, or null. */
    private static String packageBuild(Command c) {
        SimpleCommand command = c.command();
        String name = command.commandName();
        List<Word> args = command.args();
        if (name == null) {
            return null;
        }
        String first = args.isEmpty() ? null : args.get(0).literalValue();
        boolean build = name.equals("build") || name.equals("cibuildwheel")
                || PIP.matcher(name).matches() && "wheel".equals(first)
                || name.equals("uv") && "build".equals(first);
        if (PYTHON.matcher(name).matches() && first != null && first.endsWith("setup.py")) {
            boolean dist = args.stream().map(Word::literalValue)
                    .anyMatch(a -> "bdist_wheel".equals(a) || "sdist".equals(a));
            return dist ? Paths.join(c.dir(), Paths.parent(first)) : null;
        }
        if (!build) {
            return null;
        }
        boolean pip = name.startsWith("pip");
        for (int i = name.equals("build") || name.equals("cibuildwheel") ? 0 : 1; i < args.size(); i++) {
            String value = c.value(args.get(i));
            if (value == null) {
                return null;
            }
            if (PACKAGE_BUILD_VALUE_OPTIONS.contains(value)) {
                i++;
            } else if (!value.startsWith("-")) {
                boolean path = value.startsWith(".") || value.startsWith("/") || value.contains("/");
                return path || !pip ? Paths.join(c.dir(), value) : null;
            }
        }
        if (pip) {
            return null;
        }
        return c.dir();
    }

    /** A step whose {@code if:} tests an env value is off when that value is unset or false. */
    private static boolean enabled(Step step, Map<String, String> env) {
        String condition = scalar(step.ifCondition());
        if (condition == null) {
            return true;
        }
        Matcher m = ENV_IN_CONDITION.matcher(condition);
        while (m.find()) {
            String value = env.get(m.group(1));
            if (!env.containsKey(m.group(1)) || "false".equalsIgnoreCase(value == null ? "" : value.trim())) {
                return false;
            }
        }
        return true;
    }

    private ImagePull pull(Command c) {
        SimpleCommand command = c.command();
        Set<String> platforms = new TreeSet<>();
        String image = null;
        TextRange range = command.range();
        List<Word> args = command.args();
        for (int i = 1; i < args.size(); i++) {
            String arg = c.value(args.get(i));
            if (arg == null) {
                continue;
            }
            if (arg.equals("--platform") && i + 1 < args.size()) {
                String value = c.value(args.get(++i));
                if (value != null) {
                    platforms.addAll(splitPlatforms(value));
                }
            } else if (arg.startsWith("--platform=")) {
                platforms.addAll(splitPlatforms(arg.substring("--platform=".length())));
            } else if (!arg.startsWith("-") && !arg.equals("pull")) {
                image = arg;
            }
        }
        return image == null ? null : new ImagePull(image, platforms, c.file(), range);
    }

    /** The commands of a {@code run:} step and of the scripts it runs, with the step's env. */
    private List<Command> stepCommands(Workflow workflow, Step step, Map<String, String> env) {
        List<Command> out = new ArrayList<>();
        ProjectFile file = project.file(workflow.file().path());
        if (file == null || step.run() == null) {
            return out;
        }
        Function<String, String> outer = env::get;
        String dir = workingDirectory(workflow, step);
        Map<YamlNode, List<ShellSnippets.Snippet>> byStep = snippetsByStep.computeIfAbsent(file.path(), path -> {
            Map<YamlNode, List<ShellSnippets.Snippet>> index = new IdentityHashMap<>();
            for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
                if (snippet.step() != null) {
                    index.computeIfAbsent(snippet.step().node(), n -> new ArrayList<>()).add(snippet);
                }
            }
            return index;
        });
        for (ShellSnippets.Snippet snippet : byStep.getOrDefault(step.node(), List.of())) {
            for (SimpleCommand command : snippet.script().commands()) {
                Function<String, String> vars = snippet.variables().resolverAt(command.range().start(), outer);
                Command c = new Command(command.effective(), file.source(), vars, dir);
                out.add(c);
                ProjectFile script = calledScript(c);
                if (script != null) {
                    claimed.add(script.path());
                    out.addAll(scriptCommands(script, outer, dir, new HashSet<>()));
                }
            }
        }
        return out;
    }

    /** The commands of a script run from {@code dir}, and of the scripts it runs in turn. */
    private List<Command> scriptCommands(ProjectFile file, Function<String, String> outer, String dir,
            Set<String> visited) {
        List<Command> out = new ArrayList<>();
        if (!visited.add(file.path())) {
            return out;
        }
        for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
            ShellVariables variables = snippet.variables();
            for (SimpleCommand command : snippet.script().commands()) {
                Command c = new Command(command.effective(), file.source(),
                        variables.resolverAt(command.range().start(), outer), dir);
                out.add(c);
                ProjectFile script = calledScript(c);
                if (script != null) {
                    claimed.add(script.path());
                    out.addAll(scriptCommands(script, outer, dir, visited));
                }
            }
        }
        return out;
    }

    /** The project script a command runs ({@code ./x.sh}, {@code bash x.sh}, {@code source x.sh}), or null. */
    private ProjectFile calledScript(Command c) {
        SimpleCommand command = c.command();
        String name = command.name() == null ? null : c.value(command.name());
        if (name == null) {
            return null;
        }
        String path = name;
        if (SHELLS.contains(name.substring(name.lastIndexOf('/') + 1))) {
            path = command.args().stream().map(c::value)
                    .filter(a -> a != null && !a.startsWith("-")).findFirst().orElse(null);
        }
        if (path == null) {
            return null;
        }
        for (String candidate : List.of(Paths.join(c.dir(), path), Paths.join(Paths.parent(c.file().path()), path))) {
            ProjectFile file = project.file(candidate);
            if (file != null && file.kind() == FileKind.SHELL) {
                return file;
            }
        }
        return null;
    }

    /** {@code working-directory} of a run step, else the repository root. */
    private static String workingDirectory(Workflow workflow, Step step) {
        String root = repositoryRoot(workflow.file().path());
        String dir = scalar(step.node().get("working-directory"));
        return dir == null || dir.contains("${{") ? root : Paths.join(root, dir);
    }

    /**
     * The folder that holds {@code .github/}: steps start there, and paths in the workflow are relative
     * to it (it is the lint root unless a checkout is linted from a folder above it).
     */
    static String repositoryRoot(String workflowPath) {
        int at = workflowPath.indexOf(".github/workflows/");
        return at <= 0 ? "." : Paths.normalize(workflowPath.substring(0, at));
    }

    private void readBuildPushAction(SourceFile workflow, Step step, BuildJob job, int index, Map<String, String> env) {
        String context = firstValue(step.with("context"), job.job(), env);
        context = context == null ? "." : context.replaceFirst("^\\{\\{\\s*defaultContext\\s*}}:?", "");
        context = context.isEmpty() ? "." : context;
        String file = firstValue(step.with("file"), job.job(), env);
        List<String> platformValues = listInput(step.with("platforms"), job.job(), env);
        Set<String> platforms = platformValues == null ? null : new TreeSet<>(platformValues);
        String target = firstValue(step.with("target"), job.job(), env);
        String root = repositoryRoot(workflow.path());
        String contextPath = Paths.join(root, context);
        String dockerfile = file == null ? Paths.join(contextPath, "Dockerfile") : pick(Paths.join(root, file),
                Paths.join(contextPath, file));
        invocations.add(new BuildInvocation(dockerfile, contextPath, frozen(platforms), target, job, index,
                workflow, step.uses().range()));
    }

    /** Reads {@code docker build}, {@code docker buildx build}, {@code docker image build}, {@code docker buildx bake}. */
    private void readBuildCommand(Command c, BuildJob job, int index) {
        SimpleCommand command = c.command();
        if (!"docker".equals(command.commandName())) {
            return;
        }
        List<Word> args = command.args();
        if (args.size() >= 2 && "buildx".equals(args.get(0).literalValue()) && "bake".equals(args.get(1).literalValue())) {
            readBakeCommand(c, job, index);
            return;
        }
        int start = buildArgsStart(command);
        if (start < 0) {
            return;
        }
        String file = null;
        String context = null;
        String target = null;
        Set<String> platforms = new TreeSet<>();
        boolean platformsKnown = true;
        for (int i = start; i < args.size(); i++) {
            Word word = args.get(i);
            String arg = word.leadingLiteral();
            String option = arg.startsWith("-") ? (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) : null;
            if (option == null) {
                String resolved = c.value(word);
                if (resolved != null && resolved.startsWith("-")) {
                    continue; // ${LOAD_OR_PUSH} holding --push: an option, not the context
                }
                context = context == null ? resolved : context;
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = c.value(word);
                value = value == null ? null : value.substring(value.indexOf('=') + 1);
            } else if (BUILD_SWITCHES.contains(option) || i + 1 >= args.size()) {
                continue;
            } else {
                value = c.value(args.get(++i));
            }
            switch (option) {
                case "-f", "--file" -> file = value;
                case "--target" -> target = value;
                case "--platform" -> {
                    if (value == null) {
                        platformsKnown = false;
                    } else {
                        platforms.addAll(splitPlatforms(value));
                    }
                }
                default -> { }
            }
        }
        String contextPath = context == null || context.equals("-") || context.contains("://") ? "."
                : pickDirectory(Paths.join(c.dir(), context), Paths.join(Paths.parent(c.file().path()), context));
        String dockerfile = file == null ? Paths.join(contextPath, "Dockerfile")
                : pick(Paths.join(c.dir(), file), Paths.join(contextPath, file),
                        Paths.join(Paths.parent(c.file().path()), file));
        invocations.add(new BuildInvocation(dockerfile, contextPath, platformsKnown ? frozen(platforms) : null, target,
                job, index, c.file(), command.range()));
    }

    /** Index in the args of the first word after {@code build}, or -1 when this is not a build. */
    private static int buildArgsStart(SimpleCommand command) {
        List<Word> args = command.args();
        String first = args.isEmpty() ? null : args.get(0).literalValue();
        String second = args.size() < 2 ? null : args.get(1).literalValue();
        if ("build".equals(first)) {
            return 1;
        }
        if ("buildx".equals(first) && ("build".equals(second) || "b".equals(second))
                || "image".equals(first) && "build".equals(second)) {
            return 2;
        }
        return -1;
    }

    private void readBakeCommand(Command c, BuildJob job, int index) {
        List<String> files = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        List<Word> args = c.command().args();
        for (int i = 2; i < args.size(); i++) {
            String arg = c.value(args.get(i));
            String next = i + 1 < args.size() ? c.value(args.get(i + 1)) : null;
            if (arg == null) {
                continue;
            }
            if (arg.equals("-f") || arg.equals("--file")) {
                if (next != null) {
                    files.add(next);
                }
                i++;
            } else if (arg.startsWith("--file=")) {
                files.add(arg.substring("--file=".length()));
            } else if (arg.equals("--set")) {
                sets.add(next); // null when it cannot be read
                i++;
            } else if (arg.startsWith("--set=")) {
                sets.add(arg.substring("--set=".length()));
            } else if (arg.equals("--progress") || arg.equals("--builder") || arg.equals("--metadata-file")
                    || arg.equals("--allow") || arg.equals("--call") || arg.equals("--list")) {
                i++;
            } else if (!arg.startsWith("-")) {
                targets.add(arg);
            }
        }
        Function<String, HclValue> environment = name -> {
            String value = c.variables().apply(name);
            return value == null ? null : new HclValue.Str(value);
        };
        List<String> paths = new ArrayList<>();
        for (String file : files) {
            paths.add(pick(Paths.join(c.dir(), file), Paths.join(Paths.parent(c.file().path()), file)));
        }
        readBakeFiles(paths, c.dir(), targets, sets, environment, job, index, c.file(), c.command().range());
    }

    /**
     * The builds of a bake invocation run in {@code dir}: the named files (none named: bake's
     * default {@code docker-bake.hcl} and {@code docker-bake.override.hcl}) evaluated together.
     */
    private void readBakeFiles(List<String> files, String dir, List<String> targets, List<String> sets,
            Function<String, HclValue> environment, BuildJob job, int index, SourceFile at, TextRange range) {
        List<String> paths = files.isEmpty()
                ? List.of(Paths.join(dir, "docker-bake.hcl"), Paths.join(dir, "docker-bake.override.hcl")) : files;
        List<ProjectFile> bakeFiles = new ArrayList<>();
        for (String path : paths) {
            namedFiles.add(path);
            ProjectFile file = project.file(path);
            if (file != null && file.kind() == FileKind.BAKE) {
                claimed.add(file.path());
                bakeFiles.add(file);
            }
        }
        if (!bakeFiles.isEmpty()) {
            readBake(bakeFiles, targets, sets, environment, List.of(dir), job, index, at, range);
        }
    }

    /**
     * Adds the builds of the named bake targets. Relative contexts are resolved against
     * {@code dirs} (where bake runs), then the bake file's folder and the folders above it; the first
     * that holds the Dockerfile wins. A target whose Dockerfile cannot be known is left out.
     */
    private void readBake(List<ProjectFile> files, List<String> names, List<String> sets,
            Function<String, HclValue> environment, List<String> dirs, BuildJob job, int index, SourceFile at,
            TextRange range) {
        List<BakeFile> models = new ArrayList<>();
        files.forEach(f -> models.add(f.model(BakeParser.KEY)));
        List<BakeTarget> targets = new BakeDefinition(models, environment).targets(names);
        if (targets == null) {
            return;
        }
        List<String> bases = new ArrayList<>(dirs);
        for (String d = Paths.parent(files.get(0).path()); ; d = Paths.parent(d)) {
            bases.add(d);
            if (d.equals(".")) {
                break;
            }
        }
        for (BakeTarget target : targets) {
            String context = bakeString(target, sets, "context", ".");
            String dockerfile = bakeString(target, sets, "dockerfile", "Dockerfile");
            if (context == null || dockerfile == null || target.attribute("dockerfile-inline") != null
                    || dockerfile.startsWith("/") || context.startsWith("/") || isRemoteContext(context)) {
                continue;
            }
            String local = context.startsWith("cwd://") ? context.substring("cwd://".length()) : context;
            List<String> candidates = bases.stream().distinct().map(b -> Paths.join(Paths.join(b, local), dockerfile)).toList();
            namedFiles.addAll(candidates);
            String chosen = pick(candidates.toArray(String[]::new));
            String contextPath = Paths.join(bases.get(candidates.indexOf(chosen)), local);
            invocations.add(new BuildInvocation(chosen, contextPath, bakePlatforms(target, sets),
                    bakeString(target, sets, "target", null), job, index, at, range != null ? range : target.block().range()));
        }
    }

    private static boolean isRemoteContext(String context) {
        return context.contains("://") && !context.startsWith("cwd://") || context.startsWith("git@")
                || context.startsWith("target:") || context.startsWith("docker-image:");
    }

    /** A string attribute (or its {@code --set} override); {@code fallback} when unset; null when unknown. */
    private static String bakeString(BakeTarget target, List<String> sets, String key, String fallback) {
        Optional<String> override = setValue(target, sets, key);
        if (override != null) {
            return override.orElse(null);
        }
        HclValue value = target.attribute(key);
        return value == null ? fallback : value.asString().orElse(null);
    }

    private static Set<String> bakePlatforms(BakeTarget target, List<String> sets) {
        Optional<String> override = setValue(target, sets, "platform");
        List<String> strings;
        if (override != null) {
            strings = override.map(List::of).orElse(null);
        } else {
            HclValue value = target.attribute("platforms");
            strings = value == null ? List.of() : value.asStrings().orElse(null);
        }
        if (strings == null) {
            return null;
        }
        Set<String> platforms = new TreeSet<>();
        strings.forEach(s -> platforms.addAll(splitPlatforms(s)));
        return frozen(platforms);
    }

    /**
     * What the last {@code --set PATTERN.KEY=VALUE} matching the target gives {@code key}: null when
     * none does, empty when an override that cannot be read (null in {@code sets}) may.
     */
    private static Optional<String> setValue(BakeTarget target, List<String> sets, String key) {
        Optional<String> found = null;
        for (String set : sets) {
            if (set == null) {
                found = Optional.empty();
                continue;
            }
            int eq = set.indexOf('=');
            int dot = eq < 0 ? -1 : set.lastIndexOf('.', eq);
            if (dot < 0 || !set.substring(dot + 1, eq).equals(key)) {
                continue;
            }
            String glob = set.substring(0, dot);
            String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (glob.equals("*") || target.name() != null && target.name().matches(regex)) {
                String value = set.substring(eq + 1);
                found = value.contains("${{") ? Optional.empty() : Optional.of(value);
            }
        }
        return found;
    }

    /** The first existing project file among the candidates, else the first candidate. */
    private String pick(String... candidates) {
        namedFiles.addAll(List.of(candidates));
        for (String candidate : candidates) {
            if (project.file(candidate) != null) {
                return candidate;
            }
        }
        return candidates[0];
    }

    /** The first candidate directory that holds project files, else the first candidate. */
    private String pickDirectory(String... candidates) {
        for (String candidate : candidates) {
            if (candidate.equals(".") || project.holdsFilesUnder(candidate)) {
                return candidate;
            }
        }
        return candidates[0];
    }

    /** The single value of an input, or null when absent or not resolvable to one value. */
    private static String firstValue(YamlNode node, Job job, Map<String, String> env) {
        String text = scalar(node);
        if (text == null) {
            return null;
        }
        List<String> values = resolve(text.trim(), job, env);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    /**
     * A comma/newline list input with every value its expressions can take; empty when absent,
     * null when some expression cannot be resolved.
     */
    private static List<String> listInput(YamlNode node, Job job, Map<String, String> env) {
        String text = scalar(node);
        if (text == null) {
            return node == null ? List.of() : null;
        }
        List<String> values = resolve(text, job, env);
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.addAll(splitPlatforms(v)));
        return out;
    }

    /** Every value a text with {@code ${{ matrix.X }}} / {@code ${{ env.X }}} can take; null when unresolvable. */
    static List<String> resolve(String text, Job job, Map<String, String> env) {
        if (!text.contains("${{")) {
            return List.of(text);
        }
        Matcher m = EXPRESSION.matcher(text);
        if (!m.find()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (m.group(1).equals("matrix")) {
            for (YamlNode value : job.matrixValues(m.group(2))) {
                if (value.isScalar()) {
                    values.add(value.value());
                }
            }
        } else if (env.get(m.group(2)) != null) {
            values.add(env.get(m.group(2)));
        }
        if (values.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            List<String> rest = resolve(text.substring(m.end()), job, env);
            if (rest == null) {
                return null;
            }
            for (String tail : rest) {
                out.add(text.substring(0, m.start()) + value + tail);
            }
        }
        return out;
    }

    static List<String> splitPlatforms(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static Set<String> frozen(Set<String> platforms) {
        return platforms == null ? null : java.util.Collections.unmodifiableSet(new TreeSet<>(platforms));
    }

    private static void putEnv(Map<String, String> into, List<YamlNode.Entry> entries) {
        for (YamlNode.Entry entry : entries) {
            String value = scalar(entry.value());
            into.put(entry.key().value(), value == null || value.contains("${{") ? null : value);
        }
    }

    private static String scalar(YamlNode node) {
        return node == null || !node.isScalar() ? null : node.value();
    }
}
