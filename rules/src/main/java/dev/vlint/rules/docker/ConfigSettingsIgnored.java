package dev.vlint.rules.docker;

import dev.vlint.kb.KnownProjects.FetchContentDep;
import dev.vlint.kb.KnownProjects.KnownProject;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.rules.docker.BuildSteps.Step;
import dev.vlint.rules.docker.BuiltProjects.Facts;
import dev.vlint.shell.Word;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** VL105: {@code -C cmake.define.X=...} handed to a project built with setuptools, which ignores it. */
public final class ConfigSettingsIgnored implements Rule {
    private static final RuleMeta META = new RuleMeta("VL105", "config-settings-ignored", Severity.WARNING,
            "pip -C/--config-settings cmake.define.X=... for a project built with setuptools.build_meta, which"
                    + " silently ignores it.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("python", "cmake", "correctness"));

    private static final String PREFIX = "cmake.define.";

    // A warning: the setting is sure to be ignored, but the build goes on without it and may pass.
    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (Sequence sequence : BuildSteps.sequences(context.file())) {
            for (Step step : sequence.steps()) {
                PipCommand pip = sequence.owns(step) ? PipCommand.of(step) : null;
                if (pip == null) {
                    continue;
                }
                List<Word> settings = pip.configSettings().stream().filter(w -> {
                    String value = step.value(w);
                    return value != null && value.toLowerCase(Locale.ROOT).startsWith(PREFIX);
                }).toList();
                Optional<Facts> project = settings.isEmpty() ? Optional.empty() : project(context, sequence, pip);
                if (project.isPresent() && project.get().usesSetuptools()) {
                    for (Word setting : settings) {
                        report(context, step, setting, project.get());
                    }
                }
            }
        }
    }

    /** The project the command builds: a local folder or clone, else a known project named as a requirement. */
    private static Optional<Facts> project(RuleContext context, Sequence sequence, PipCommand pip) {
        for (PipCommand.Target target : pip.sourceProjects()) {
            Optional<Facts> facts = BuiltProjects.of(context, sequence, pip.step(), target);
            if (facts.isPresent()) {
                return facts;
            }
        }
        for (Word operand : pip.operands()) {
            Optional<Facts> facts = BuiltProjects.known(PipCommand.requirementName(pip.step().value(operand)));
            if (facts.isPresent()) {
                return facts;
            }
        }
        return Optional.empty();
    }

    private static void report(RuleContext context, Step step, Word setting, Facts project) {
        String value = step.value(setting);
        String define = value.substring(PREFIX.length());
        String variable = define.contains("=") ? define.substring(0, define.indexOf('=')) : define;
        StringBuilder instead = new StringBuilder();
        Optional<KnownProject> known = project.known();
        known.flatMap(KnownProject::cmakeArgsEnv).ifPresent(env ->
                instead.append("pass -D").append(define).append(" in the ").append(env).append(" environment variable"));
        for (FetchContentDep dep : known.map(KnownProject::fetchContent).orElse(List.of())) {
            if (dep.fetchContentSourceDirVar().equalsIgnoreCase(variable)) {
                instead.append(instead.isEmpty() ? "" : ", ").append("set ").append(dep.srcDirVar())
                        .append(" (").append(project.name()).append("'s own override)");
            }
        }
        if (instead.isEmpty()) {
            instead.append("use CMAKE_ARGS or the project's *_SRC_DIR variable");
        }
        context.report(setting.range(), project.name() + " is built with " + project.backend() + ", which ignores"
                + " config settings: cmake.define.* is read only by CMake-based backends such as scikit-build-core,"
                + " so " + variable + " never reaches CMake and the build goes on without it. Instead " + instead
                + ", or patch the project's cmake file.");
    }
}
