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
import dev.vlint.shell.Assignment;
import dev.vlint.shell.Word;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL106: building a known project whose CMake FetchContent clones a large repository, without
 * pointing that dependency at a local (shallow) copy.
 */
public final class FetchcontentFullClone implements Rule {
    private static final RuleMeta META = new RuleMeta("VL106", "fetchcontent-full-clone", Severity.WARNING,
            "Building a project whose CMake FetchContent clones a large repository (e.g. vLLM's triton_kernels)"
                    + " without the override that points it at a local shallow copy.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("cmake", "size"));

    private static final Pattern OVERRIDE = Pattern.compile("FETCHCONTENT_SOURCE_DIR_[A-Z0-9_]+");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (Sequence sequence : BuildSteps.sequences(context.file())) {
            // Names mentioned by the steps so far, read once per step and only when a build needs them.
            Set<String> mentioned = new HashSet<>();
            int read = 0;
            for (int i = 0; i < sequence.steps().size(); i++) {
                Step step = sequence.steps().get(i);
                PipCommand pip = sequence.owns(step) ? PipCommand.of(step) : null;
                if (pip == null) {
                    continue;
                }
                if (sdistOnly(pip)) {
                    continue;
                }
                for (PipCommand.Target target : pip.sourceProjects()) {
                    Optional<KnownProject> known = BuiltProjects.of(context, sequence, step, target)
                            .flatMap(Facts::known);
                    if (known.isEmpty()) {
                        continue;
                    }
                    String device = ProjectRefs.targetDevice(step, known.get().name());
                    device = device != null ? device : ProjectRefs.defaultDevice(sequence, step);
                    String release = release(sequence, step, target);
                    for (; read <= i; read++) {
                        addMentionedNames(sequence.steps().get(read), mentioned);
                    }
                    for (FetchContentDep dep : known.get().fetchContent()) {
                        if (dep.large() && dep.fetchedFor(device) && dep.fetchedBy(release)
                                && !overridden(step, known.get(), dep, mentioned)) {
                            report(context, pip, target, known.get(), release, dep);
                        }
                    }
                }
            }
        }
    }

    /** The release a build builds: the {@code @ref} of a git+URL, or the ref its clone is at; null when unknown. */
    private static String release(Sequence sequence, Step step, PipCommand.Target target) {
        if (target.repository() != null) {
            return target.word() == null ? null : ProjectRefs.releaseOfRef(ProjectRefs.vcsRef(step.value(target.word())));
        }
        return ProjectRefs.releaseOfRef(ProjectRefs.cloneRef(sequence, step, target.dir()));
    }

    /** A build of the source distribution only: CMake does not run. */
    private static boolean sdistOnly(PipCommand pip) {
        return switch (pip.kind()) {
            case PYPA_BUILD, UV_BUILD -> (pip.hasFlag("--sdist") || pip.hasFlag("-s"))
                    && !pip.hasFlag("--wheel") && !pip.hasFlag("-w");
            case SETUP_PY -> {
                List<String> commands = pip.step().effective().args().stream().skip(1)
                        .map(Word::literalValue).filter(a -> a != null && !a.startsWith("-")).toList();
                yield !commands.isEmpty() && commands.stream().allMatch(c -> c.equals("sdist") || c.equals("egg_info"));
            }
            default -> false;
        };
    }

    /**
     * Whether the build points the dependency somewhere local: its *_SRC_DIR variable is set, CMAKE_ARGS
     * carries FETCHCONTENT_SOURCE_DIR_NAME, or an earlier command wrote that variable somewhere (a
     * {@code sed -i} into the project's cmake file). A {@code -C cmake.define.} setting does not count.
     */
    private static boolean overridden(Step step, KnownProject project, FetchContentDep dep, Set<String> mentioned) {
        String cmakeVar = dep.fetchContentSourceDirVar();
        if (step.variables().apply(dep.srcDirVar()) != null || mentioned.contains(cmakeVar)) {
            return true;
        }
        for (Assignment assignment : step.effective().assignments()) {
            if (assignment.name().equals(dep.srcDirVar())) {
                return true;
            }
        }
        String cmakeArgs = project.cmakeArgsEnv().map(env -> step.variables().apply(env)).orElse(null);
        return cmakeArgs != null && cmakeArgs.contains(cmakeVar);
    }

    /** Adds the FETCHCONTENT_SOURCE_DIR_* names written in the step, except in pip config settings. */
    private static void addMentionedNames(Step step, Set<String> names) {
        PipCommand pip = PipCommand.of(step);
        List<Word> ignored = pip == null ? List.of() : pip.configSettings();
        for (Word word : step.effective().words()) {
            if (ignored.stream().noneMatch(w -> w.range().end() == word.range().end())) {
                addOverrides(word.raw(), names);
            }
        }
        step.effective().assignments().forEach(a -> addOverrides(a.value().raw(), names));
    }

    private static void addOverrides(String text, Set<String> into) {
        Matcher m = OVERRIDE.matcher(text);
        while (m.find()) {
            into.add(m.group());
        }
    }

    private static void report(RuleContext context, PipCommand pip, PipCommand.Target target, KnownProject project,
            String release, FetchContentDep dep) {
        String repository = dep.repository().orElse("its repository");
        String window = dep.sinceRelease().map(v -> project.name() + " " + v + " and later"
                + (dep.targets().isEmpty() ? "" : ", in " + String.join(" and ", dep.targets().stream()
                        .map(FetchcontentFullClone::deviceName).toList()) + " builds")).orElse("");
        String message = "Building " + project.name() + (release == null ? "" : " " + release)
                + " runs CMake FetchContent for " + dep.name() + (window.isEmpty() ? "," : " (" + window + "),")
                + " which clones " + repository + " with its whole history"
                + (dep.note().isEmpty() ? "" : ": " + dep.note() + ",")
                + " and can fill the builder's disk (\"fatal: write error: No space left on device\")."
                + " Clone it yourself with --depth 1 and point the build at it: set " + dep.srcDirVar()
                + ", or pass -D" + dep.fetchContentSourceDirVar() + "=<dir>"
                + project.cmakeArgsEnv().map(env -> " in " + env).orElse("")
                + "; pip's -C cmake.define.* is ignored by " + project.buildBackend() + ".";
        context.report((target.word() != null ? target.word() : pip.verb()).range(), message);
    }

    private static String deviceName(String target) {
        return switch (target) {
            case "cuda" -> "CUDA";
            case "rocm" -> "ROCm";
            default -> target;
        };
    }
}
