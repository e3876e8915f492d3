package dev.vlint.rules.ci;

import dev.vlint.buildmodel.BuildInvocation;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.Runners;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.SimpleCommand;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** VL403: a foreign platform built under QEMU from a Dockerfile that compiles heavy native code. */
public final class EmulatedNativeBuild implements Rule {
    private static final RuleMeta META = new RuleMeta("VL403", "emulated-native-build", Severity.WARNING,
            "A build for a non-native platform under QEMU compiles heavy native code: it takes hours and"
                    + " compilers crash under emulation.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.SHELL), List.of("ci", "multi-platform"));
    private static final Set<String> COMPILERS = Set.of("cmake", "ninja", "nvcc", "make", "gcc", "g++", "cc", "c++",
            "clang", "clang++");
    private static final Set<String> SETUP_PY_BUILDS = Set.of("bdist_wheel", "build_ext", "build", "install",
            "develop");
    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)*)?");
    /** Signs in setup.py/pyproject.toml that a local project compiles native code. */
    private static final Pattern NATIVE_PROJECT = Pattern.compile(
            "(?i)ext_modules|CUDAExtension|CppExtension|cmake|scikit-build|pybind11|setuptools-rust|maturin|cython");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Runners runners = KnowledgeBase.bundled().runners();
        for (BuildInvocation build : BuildModel.of(context.project()).invocationsIn(context.file().path())) {
            if (build.job() == null || !build.job().qemuBefore(build.stepIndex()) || !build.platformsKnown()) {
                continue;
            }
            Set<String> runnerArchs = new LinkedHashSet<>();
            build.runnerLabels().forEach(label -> runnerArch(runners, label).ifPresent(runnerArchs::add));
            if (runnerArchs.isEmpty()) {
                continue;
            }
            List<String> foreign = build.platforms().stream()
                    .filter(p -> !runnerArchs.contains(platformArch(p))).toList();
            if (foreign.isEmpty()) {
                continue;
            }
            ProjectFile dockerfile = context.project().file(build.dockerfile());
            Optional<SimpleCommand> heavy = dockerfile == null ? Optional.empty()
                    : heavyCommand(context.project(), dockerfile, build.context());
            if (heavy.isEmpty()) {
                continue;
            }
            String command = dockerfile.source().slice(heavy.get().range()).lines().findFirst().orElse("").strip();
            String platforms = String.join(" and ", foreign);
            String natives = String.join(", ", runners.nativeBuildRunners(platformArch(foreign.get(0))).stream()
                    .map(Runners.Runner::label).toList());
            String message = platforms + " is built under QEMU emulation on " + String.join(", ", build.runnerLabels())
                    + " (" + String.join("/", runnerArchs) + "), and " + build.dockerfile()
                    + " compiles native code (`" + command + "`): emulated compilers take hours, and GCC is known to"
                    + " crash with 'internal compiler error: Segmentation fault' under QEMU."
                    + (natives.isEmpty() ? " Build it on a native runner"
                            : " Build " + platforms + " on a native runner (" + natives + "; free for public repositories)")
                    + " in a matrix and merge the per-platform images (docker buildx imagetools create).";
            context.report(context.finding(Severity.WARNING, build.range(), message,
                    List.of(new RelatedLocation(dockerfile.source(), heavy.get().range(), "native code compiled here")),
                    List.of()));
        }
    }

    /** The first command of the Dockerfile that compiles native code, if any. */
    private static Optional<SimpleCommand> heavyCommand(Project project, ProjectFile dockerfile, String context) {
        for (ShellSnippets.Snippet snippet : ShellSnippets.of(dockerfile)) {
            for (SimpleCommand raw : snippet.script().commands()) {
                SimpleCommand command = raw.effective();
                Function<String, String> variables = snippet.variablesAt(raw);
                String name = command.name() == null ? null : command.name().value(variables);
                if (name == null) {
                    continue;
                }
                name = name.substring(name.lastIndexOf('/') + 1);
                List<String> args = command.args().stream().map(a -> a.value(variables))
                        .map(a -> a == null ? "" : a).toList();
                boolean heavy = COMPILERS.contains(name)
                        || PYTHON.matcher(name).matches() && args.contains("setup.py")
                                && args.stream().anyMatch(SETUP_PY_BUILDS::contains)
                        || buildsLocalProject(name, args) && nativeProject(project, context);
                if (heavy) {
                    return Optional.of(command);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code pip wheel .}, {@code pip install ./pkg}, {@code uv pip install -e .}, {@code uv build}, {@code python -m build}. */
    private static boolean buildsLocalProject(String name, List<String> args) {
        boolean installer = (name.equals("pip") || name.startsWith("pip3")) && !args.isEmpty()
                && (args.get(0).equals("wheel") || args.get(0).equals("install"))
                || name.equals("uv") && args.size() > 1 && args.get(0).equals("pip") && args.get(1).equals("install");
        if (installer) {
            return args.stream().anyMatch(a -> a.equals(".") || a.startsWith("./") || a.equals(".[")
                    || a.startsWith(".["));
        }
        return name.equals("uv") && !args.isEmpty() && args.get(0).equals("build") || name.equals("build");
    }

    /** Whether the build context holds a Python project that compiles native code. */
    private static boolean nativeProject(Project project, String context) {
        String prefix = context.equals(".") ? "" : context + "/";
        for (String name : List.of("CMakeLists.txt", "setup.py", "pyproject.toml")) {
            ProjectFile file = project.file(prefix + name);
            if (file != null && (name.equals("CMakeLists.txt") || NATIVE_PROJECT.matcher(file.source().text()).find())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> runnerArch(Runners runners, String label) {
        Optional<Runners.Runner> known = runners.runner(label);
        if (known.isPresent()) {
            return Optional.of(known.get().arch());
        }
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.contains("arm")) {
            return Optional.of("arm64");
        }
        return lower.startsWith("ubuntu-") ? Optional.of("x64") : Optional.empty();
    }

    /** The runner arch a platform runs natively on: x64 for amd64 and 386, arm64 for arm64. */
    private static String platformArch(String platform) {
        String p = platform.toLowerCase(Locale.ROOT);
        if (p.matches("(linux/)?(amd64|x86_64|386)(/.*)?")) {
            return "x64";
        }
        if (p.matches("(linux/)?(arm64|aarch64)(/.*)?")) {
            return "arm64";
        }
        return p;
    }
}
