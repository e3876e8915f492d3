package dev.vlint.rules.docker;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.python.PyProject;
import dev.vlint.python.Requirement;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.rules.docker.BuildSteps.Step;
import dev.vlint.rules.docker.BuiltProjects.Facts;
import dev.vlint.rules.docker.TorchInstalls.Torch;
import dev.vlint.shell.Branches;
import dev.vlint.shell.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * VL104: building a project that needs torch to build, in an isolated build environment, in an
 * image that already has torch: pip fetches a second torch for the build. Torch counts only where
 * it is sure to be: from the base image, or installed on every path to the build (not in one branch
 * of an if). The fix, adding --no-build-isolation, is offered only when the build's own
 * requirements were installed before it, since without isolation nothing installs them.
 */
public final class BuildIsolationRefetchesTorch implements Rule {
    private static final RuleMeta META = new RuleMeta("VL104", "build-isolation-refetches-torch", Severity.WARNING,
            "pip install ./pip wheel ./python -m build of a project whose build requirements include torch,"
                    + " without --no-build-isolation, when torch is already installed in the image.",
            Fixability.UNSAFE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("docker", "python", "size"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (Sequence sequence : BuildSteps.sequences(context.file())) {
            Optional<Torch> torch = TorchInstalls.ofBaseImage(context, sequence);
            boolean sure = torch.isPresent();
            List<Step> conditional = new ArrayList<>(); // torch installs in a branch, since torch was sure
            Installed installed = new Installed();
            for (Step step : sequence.steps()) {
                PipCommand pip = PipCommand.of(step);
                if (pip == null) {
                    continue;
                }
                int line = context.file().source().position(step.command().range().start()).line();
                Optional<Torch> installsTorch = TorchInstalls.installedBy(pip, line, false);
                if (pip.installs()) {
                    installed.add(step, pip);
                }
                if (installsTorch.isPresent()) {
                    torch = installsTorch;
                    if (branches(step).conditional(step.command())) {
                        conditional.add(step);
                    } else {
                        sure = true;
                        conditional.clear();
                    }
                    continue;
                }
                if (torch.isEmpty() || !sequence.owns(step) || !pip.buildIsolated()
                        || !sure && !torchSure(conditional, step)) {
                    continue;
                }
                for (PipCommand.Target target : pip.sourceProjects()) {
                    Optional<Facts> project = BuiltProjects.of(context, sequence, step, target);
                    if (project.isPresent() && project.get().torchToBuild()) {
                        boolean ready = requirementsInstalled(context, sequence, step, target, installed);
                        report(context, pip, target, project.get(), torch.get(), ready);
                    }
                }
            }
        }
    }

    private static Branches branches(Step step) {
        return Branches.of(step.snippet().script());
    }

    /**
     * Whether torch installed only in branches is there at {@code build}: the build stands in the
     * branch of one of those installs, or together they cover every branch of an if.
     */
    private static boolean torchSure(List<Step> conditional, Step build) {
        if (conditional.isEmpty() || conditional.stream().anyMatch(t -> t.snippet() != build.snippet())) {
            return false;
        }
        Branches branches = branches(build);
        return conditional.stream().anyMatch(t -> branches.within(build.command(), t.command()))
                || branches.onEveryPath(conditional.stream().map(Step::command).toList());
    }

    /**
     * What the installs so far put in place, gathered as the steps are walked (so each build reads
     * them once): the requirement names, and the paths of build-requirements files
     * ({@code requirements/build.txt}, {@code requirements-build.txt}).
     */
    private static final class Installed {
        final Set<String> names = new HashSet<>();
        final TreeSet<String> buildRequirementFiles = new TreeSet<>();

        void add(Step install, PipCommand pip) {
            for (String option : List.of("-r", "--requirement")) {
                for (Word file : install.effective().optionValues(option)) {
                    String value = install.value(file);
                    String path = value == null ? null : install.resolve(value);
                    if (path != null && path.toLowerCase(Locale.ROOT).matches(".*requirements[-_/]?build[^/]*\\.txt")) {
                        buildRequirementFiles.add(path);
                    }
                }
            }
            for (Word operand : pip.operands()) {
                String name = PipCommand.requirementName(install.value(operand));
                if (name != null) {
                    names.add(canonical(name));
                }
            }
        }

        boolean hasBuildRequirementsIn(String dir) {
            String inside = buildRequirementFiles.ceiling(dir + "/");
            return inside != null && inside.startsWith(dir + "/");
        }
    }

    /**
     * Whether the build's requirements were installed before it: a requirements file of the project's
     * own, or, for a local project, every entry of its build-system.requires besides torch by name.
     */
    private static boolean requirementsInstalled(RuleContext context, Sequence sequence, Step build,
            PipCommand.Target target, Installed installed) {
        if (target.dir() != null && installed.hasBuildRequirementsIn(target.dir())) {
            return true;
        }
        Optional<PyProject> pyproject = localPyproject(context, sequence, build, target);
        if (pyproject.isEmpty() || pyproject.get().buildRequires().isEmpty()) {
            return false;
        }
        for (Requirement requirement : pyproject.get().buildRequires()) {
            if (!requirement.canonicalName().equals("torch") && !installed.names.contains(requirement.canonicalName())) {
                return false;
            }
        }
        return true;
    }

    /** The pyproject.toml of a project in the build context or repository, when the target is one. */
    private static Optional<PyProject> localPyproject(RuleContext context, Sequence sequence, Step build,
            PipCommand.Target target) {
        String folder = target.dir() == null ? null : BuiltProjects.folderOf(context, sequence, build, target.dir());
        ProjectFile file = folder == null ? null
                : context.project().file((folder.equals(".") ? "" : folder + "/") + "pyproject.toml");
        return Optional.ofNullable(file == null ? null : file.model(PyProject.KEY));
    }

    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static void report(RuleContext context, PipCommand pip, PipCommand.Target target, Facts project,
            Torch torch, boolean requirementsInstalled) {
        String flag = pip.noIsolationFlag();
        String message = "This builds " + project.name() + " in an isolated build environment, and its build"
                + " requirements include torch: the build downloads and installs a second torch (several GB)"
                + " although " + torch.describe() + " is already in the image, and compiles the extensions"
                + " against that other torch. Add " + flag + (requirementsInstalled ? "" : ", after installing the"
                + " project's other build requirements, which nothing installs without isolation,")
                + " so the build uses the torch the image runs.";
        Fix[] fix = requirementsInstalled
                ? new Fix[] {Fix.unsafe("Add " + flag, Edit.insert(pip.verb().range().end(), " " + flag))}
                : new Fix[0];
        context.report((target.word() != null ? target.word() : pip.verb()).range(), message, fix);
    }
}
