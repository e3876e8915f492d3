package dev.vlint.rules.python;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Word;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.KnownProjects;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.python.PyProject;
import dev.vlint.python.Requirement;
import dev.vlint.python.SetupPyFacts;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL303: {@code SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<DIST>} set for a project whose setup.py calls
 * {@code setuptools_scm.get_version()} without {@code dist_name}. Such a call never learns the
 * distribution name, so setuptools-scm only reads the generic variable and the named one is
 * silently ignored; in a checkout without git metadata the build then fails to detect a version.
 */
public final class ScmPretendVersionIgnored implements Rule {
    private static final RuleMeta META = new RuleMeta("VL303", "scm-pretend-version-ignored", Severity.ERROR,
            "SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<DIST> is set for a project that calls setuptools_scm.get_version()"
                    + " without dist_name, which ignores it.",
            Fixability.SAFE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("correctness", "python"));

    private static final String GENERIC = "SETUPTOOLS_SCM_PRETEND_VERSION";
    private static final String PREFIX = GENERIC + "_FOR_";
    /** The variable where shell text sets it: {@code NAME=...}, or {@code ENV NAME value} written by sed/echo. */
    private static final Pattern SET_IN_TEXT = Pattern.compile(
            "(?<![\\w${])" + PREFIX + "\\w+(?==)|(?<=\\b(?:ENV|ARG)\\s{1,8})" + PREFIX + "\\w+(?=\\s)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        List<TextRange> names = new ArrayList<>();
        List<TextRange> optional = new ArrayList<>();
        ProjectFile file = context.file();
        if (file.kind() == FileKind.DOCKERFILE) {
            dockerfileNames(context.model(DockerfileParser.KEY), names, optional);
        } else if (file.kind() == FileKind.WORKFLOW) {
            workflowEnvNames(context.model(WorkflowParser.KEY), names);
        }
        List<TextRange> shellText = new ArrayList<>();
        for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
            for (SimpleCommand command : snippet.script().commands()) {
                command.assignments().forEach(a -> shellText.add(a.range()));
                command.words().forEach(w -> shellText.add(w.range()));
            }
        }
        // A word holding $(...) contains the words of the commands inside it: scanning each word
        // would read nested text once per level of nesting.
        for (TextRange range : disjoint(shellText)) {
            namesIn(file.source(), range, names);
        }
        SourceFile source = file.source();
        for (TextRange name : names.stream().distinct().toList()) {
            String variable = source.slice(name);
            String dist = variable.substring(PREFIX.length());
            // An ARG without a value overrides nothing until a build passes one: possible, not certain.
            boolean unset = optional.contains(name);
            ignoringProject(context.project(), dist).ifPresent(reason -> context.report(
                    unset ? Severity.NOTE : Severity.ERROR, name,
                    variable + " is ignored: " + reason + ", so setuptools-scm reads only the generic "
                            + GENERIC + " and the build fails with 'unable to detect version' where there is no"
                            + " git metadata" + (unset ? " once a build passes a value for it (--build-arg)" : "")
                            + "; set " + GENERIC + " instead",
                    Fix.safe("Rename to " + GENERIC, new Edit(name, GENERIC))));
        }
    }

    /** The names set by ENV and ARG; {@code optional} gets those of ARGs without a value (empty or none). */
    private static void dockerfileNames(Dockerfile dockerfile, List<TextRange> out, List<TextRange> optional) {
        if (dockerfile == null) {
            return;
        }
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.is("ENV")) {
                instruction.keyValues().forEach(kv -> named(kv.key(), kv.key().text(), out));
            } else if (instruction.is("ARG")) {
                for (Word arg : instruction.args()) {
                    int eq = arg.text().indexOf('=');
                    int before = out.size();
                    named(arg, eq < 0 ? arg.text() : arg.text().substring(0, eq), out);
                    String value = eq < 0 ? "" : arg.text().substring(eq + 1).replaceAll("^([\"'])(.*)\\1$", "$2");
                    if (out.size() > before && value.isEmpty()) {
                        optional.add(out.get(out.size() - 1));
                    }
                }
            }
        }
    }

    private static void named(Word word, String name, List<TextRange> out) {
        if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
            out.add(new TextRange(word.range().start(), word.range().start() + name.length()));
        }
    }

    private static void workflowEnvNames(Workflow workflow, List<TextRange> out) {
        if (workflow == null) {
            return;
        }
        List<YamlNode.Entry> entries = new ArrayList<>(workflow.env());
        for (Job job : workflow.jobs()) {
            entries.addAll(job.env());
            for (Step step : job.steps()) {
                entries.addAll(step.env());
            }
        }
        for (YamlNode.Entry entry : entries) {
            String key = entry.key().value();
            if (key != null && key.startsWith(PREFIX) && key.length() > PREFIX.length()
                    && entry.key().range().length() == key.length()) {
                out.add(entry.key().range());
            }
        }
    }

    /** The union of the ranges, as sorted ranges that do not overlap. */
    private static List<TextRange> disjoint(List<TextRange> ranges) {
        List<TextRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(TextRange::start));
        List<TextRange> out = new ArrayList<>();
        for (TextRange range : sorted) {
            TextRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && range.start() < last.end()) {
                out.set(out.size() - 1, new TextRange(last.start(), Math.max(last.end(), range.end())));
            } else {
                out.add(range);
            }
        }
        return out;
    }

    private static void namesIn(SourceFile source, TextRange range, List<TextRange> out) {
        Matcher m = SET_IN_TEXT.matcher(source.slice(range));
        while (m.find()) {
            out.add(new TextRange(range.start() + m.start(), range.start() + m.end()));
        }
    }

    /**
     * Why the project that {@code dist} (the variable's suffix) names ignores the variable, or
     * empty when it reads it or is unknown. A setup.py in the tree wins over the knowledge base.
     */
    private static Optional<String> ignoringProject(Project project, String dist) {
        for (ProjectFile setupPy : project.files(FileKind.SETUP_PY)) {
            SetupPyFacts facts = setupPy.model(SetupPyFacts.KEY);
            Optional<String> name = localProjectName(project, setupPy);
            if (facts == null || facts.getVersionCalls().isEmpty()
                    || (name.isPresent() && !envSuffix(name.get()).equals(dist))) {
                continue;
            }
            Optional<SetupPyFacts.GetVersionCall> blind = facts.getVersionCalls().stream()
                    .filter(c -> !c.passesDistName() && !c.passesKeywordDict()).findFirst();
            if (blind.isEmpty()) {
                return Optional.empty();
            }
            int line = setupPy.source().position(blind.get().nameRange().start()).line();
            return Optional.of(setupPy.path() + ":" + line + " calls setuptools_scm.get_version() without dist_name");
        }
        for (KnownProjects.KnownProject known : KnowledgeBase.bundled().projects().projects()) {
            boolean named = envSuffix(known.name()).equals(dist)
                    || known.aliases().stream().anyMatch(a -> envSuffix(a).equals(dist));
            if (named && known.scmVersionWithoutDistName()) {
                return Optional.of(known.name() + "'s setup.py calls setuptools_scm.get_version() without dist_name");
            }
        }
        return Optional.empty();
    }

    /** {@code project.name} of the pyproject.toml next to a setup.py. */
    private static Optional<String> localProjectName(Project project, ProjectFile setupPy) {
        String dir = setupPy.path().contains("/") ? setupPy.path().substring(0, setupPy.path().lastIndexOf('/') + 1) : "";
        ProjectFile pyproject = project.file(dir + "pyproject.toml");
        PyProject model = pyproject == null ? null : pyproject.model(PyProject.KEY);
        return model == null ? Optional.empty() : model.name().map(PyProject.StringValue::value);
    }

    /** setuptools-scm's suffix for a distribution: canonical name, '-' as '_', upper case. */
    static String envSuffix(String distribution) {
        return Requirement.canonicalize(distribution).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
