package dev.vlint.rules.docker;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.rules.docker.BuildSteps.Step;
import dev.vlint.rules.docker.BuiltProjects.Facts;
import dev.vlint.rules.docker.TorchInstalls.Torch;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * VL104: building a project that needs torch to build, in an isolated build environment, in an
 * image that already has torch: pip fetches a second torch for the build.
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
            for (Step step : sequence.steps()) {
                PipCommand pip = PipCommand.of(step);
                if (pip == null) {
                    continue;
                }
                int line = context.file().source().position(step.command().range().start()).line();
                Optional<Torch> installed = TorchInstalls.installedBy(pip, line, false);
                if (installed.isPresent()) {
                    torch = installed;
                    continue;
                }
                if (torch.isEmpty() || !sequence.owns(step) || !pip.buildIsolated()) {
                    continue;
                }
                for (PipCommand.Target target : pip.sourceProjects()) {
                    Optional<Facts> project = BuiltProjects.of(context, sequence, step, target);
                    if (project.isPresent() && project.get().torchToBuild()) {
                        report(context, pip, target, project.get(), torch.get());
                    }
                }
            }
        }
    }

    private static void report(RuleContext context, PipCommand pip, PipCommand.Target target, Facts project,
            Torch torch) {
        String flag = pip.noIsolationFlag();
        String message = "This builds " + project.name() + " in an isolated build environment, and its build"
                + " requirements include torch: the build downloads and installs a second torch (several GB)"
                + " although " + torch.describe() + " is already in the image, and compiles the extensions"
                + " against that other torch. Add " + flag + " (and install the other build requirements"
                + " first) so the build uses the torch the image runs.";
        Fix fix = Fix.unsafe("Add " + flag, Edit.insert(pip.verb().range().end(), " " + flag));
        context.report((target.word() != null ? target.word() : pip.verb()).range(), message, fix);
    }
}
