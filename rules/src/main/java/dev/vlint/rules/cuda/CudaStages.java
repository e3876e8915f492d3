package dev.vlint.rules.cuda;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Scope;
import dev.vlint.dockerfile.Stage;
import dev.vlint.kb.BaseImages;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.KnownProjects;
import dev.vlint.kb.TorchReleases;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.project.Repositories;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.BuildIsolation;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@link StageFacts} of every stage of a Dockerfile, in stage order. */
final class CudaStages {
    private static final Pattern TORCH_REQUIREMENT =
            Pattern.compile("torch(?:\\[[^]]*])?\\s*(?:(===?|>=|~=|<=|<|>|!=)\\s*([^,;\\s]+))?\\s*");
    private static final Pattern SETUP_BUILD = Pattern.compile("build_ext|bdist_wheel|develop|install|build");
    private static final Pattern VERSION_VALUE = Pattern.compile("\\d+\\.\\d+.*");
    private static final Pattern PIP = Pattern.compile("pip(3(\\.\\d+)?)?");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
    private static final Pattern DOT_GIT = Pattern.compile("\\.git$");
    private static final Pattern REQUIREMENT_END = Pattern.compile("[\\[=<>!~;@ ]");
    private static final List<String> INDEX_OPTIONS = List.of("--index-url", "-i", "--extra-index-url");

    private CudaStages() {}

    /** The facts per stage index; empty for a file that is not a parsed Dockerfile. */
    static List<StageFacts> of(ProjectFile file) {
        return file.derived(CudaStages.class, CudaStages::collect);
    }

    /** The dockerfile's last stage: the image that is built when no target is given. */
    static Optional<Stage> finalStage(ProjectFile file) {
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        return dockerfile == null || dockerfile.stages().isEmpty() ? Optional.empty()
                : Optional.of(dockerfile.stages().get(dockerfile.stages().size() - 1));
    }

    /**
     * The first native build that reads the arch lists a stage sets: one in that stage, else one in a
     * stage built on it (which inherits its ARGs and ENVs).
     */
    static Optional<StageFacts.Compile> consumer(ProjectFile file, Stage stage, boolean nativeSources) {
        List<StageFacts> facts = of(file);
        if (stage.index() >= facts.size()) {
            return Optional.empty();
        }
        int first = file.derived(Reach.class, CudaStages::reach).first(stage.index(), nativeSources);
        if (first < 0) {
            return Optional.empty();
        }
        StageFacts f = facts.get(first);
        return f.nativeBuild().or(f::localBuild);
    }

    /**
     * Per stage, computed once per file: the first stage, by index, among it and the stages built
     * on it, with a native build ({@code nativeBuild}) or with a native or local build
     * ({@code anyBuild}), -1 if none; and whether the final image is built on it.
     */
    private record Reach(int[] nativeBuild, int[] anyBuild, boolean[] inFinal) {
        int first(int stage, boolean nativeSources) {
            return nativeSources ? anyBuild[stage] : nativeBuild[stage];
        }
    }

    private static Reach reach(ProjectFile file) {
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        List<StageFacts> facts = of(file);
        int n = dockerfile == null ? 0 : Math.min(facts.size(), dockerfile.stages().size());
        int[] nativeBuild = new int[n];
        int[] anyBuild = new int[n];
        java.util.Arrays.fill(nativeBuild, Integer.MAX_VALUE);
        java.util.Arrays.fill(anyBuild, Integer.MAX_VALUE);
        // A stage is built on an earlier one only, so its descendants are done before it.
        for (int i = n - 1; i >= 0; i--) {
            if (facts.get(i).nativeBuild().isPresent()) {
                nativeBuild[i] = i;
            }
            if (facts.get(i).nativeBuild().isPresent() || facts.get(i).localBuild().isPresent()) {
                anyBuild[i] = i;
            }
            int base = dockerfile.stages().get(i).baseStage();
            if (base >= 0 && base < i) {
                nativeBuild[base] = Math.min(nativeBuild[base], nativeBuild[i]);
                anyBuild[base] = Math.min(anyBuild[base], anyBuild[i]);
            }
        }
        boolean[] inFinal = new boolean[n];
        for (int i = n - 1; i >= 0; ) {
            inFinal[i] = true;
            int base = dockerfile.stages().get(i).baseStage();
            i = base >= 0 && base < i ? base : -1;
        }
        for (int i = 0; i < n; i++) {
            nativeBuild[i] = nativeBuild[i] == Integer.MAX_VALUE ? -1 : nativeBuild[i];
            anyBuild[i] = anyBuild[i] == Integer.MAX_VALUE ? -1 : anyBuild[i];
        }
        return new Reach(nativeBuild, anyBuild, inFinal);
    }

    /** Said of a list that no build of the Dockerfile reads but the shipped image keeps. */
    static final String ONLY_KEPT = " Nothing in this Dockerfile compiles with this list, but the image keeps it in"
            + " its environment: a CUDA build in the image, such as a torch extension, fails the same way.";

    /**
     * How sure a problem of an arch list is to break a build: ERROR where a build reads it (a
     * Dockerfile list read by a native build in its stage or one built on it, or a list of a
     * workflow or script); NOTE for a Dockerfile ENV nothing reads but the shipped image keeps; empty
     * when no build can read it.
     */
    static Optional<Severity> whereRead(Project project, ProjectFile file, ArchSetting setting) {
        Stage stage = setting.stage();
        if (stage == null || consumer(file, stage, nativeSources(project, file)).isPresent()) {
            return Optional.of(Severity.ERROR);
        }
        boolean env = stage.instructions().stream().filter(i -> i.is("ENV"))
                .anyMatch(i -> i.keyValues().stream().anyMatch(kv -> kv.key().text().equals(setting.variable())));
        return env && inFinalImage(file, stage) ? Optional.of(Severity.NOTE) : Optional.empty();
    }

    /** Signs in setup.py or pyproject.toml that a Python project compiles native code. */
    private static final Pattern NATIVE_PROJECT = Pattern.compile(
            "(?i)ext_modules|CUDAExtension|CppExtension|cmake|scikit-build|pybind11|setuptools-rust|maturin|cython");

    /**
     * Whether the Dockerfile's repository holds native sources that a pip build of a copied folder
     * would compile: a CMakeLists.txt, or a setup.py or pyproject.toml that builds extensions.
     */
    private static boolean nativeSources(Project project, ProjectFile dockerfile) {
        String root = Repositories.rootOf(project, dockerfile.path());
        return project.derived(NativeSources.class, CudaStages::nativeSourceRepositories).contains(root);
    }

    /** Key of the per-project set of repositories with native sources. */
    private interface NativeSources {}

    private static java.util.Set<String> nativeSourceRepositories(Project project) {
        java.util.Set<String> roots = new java.util.HashSet<>();
        for (ProjectFile file : project.files()) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            if (name.equals("CMakeLists.txt") || (file.kind() == FileKind.SETUP_PY || file.kind() == FileKind.PYPROJECT)
                    && NATIVE_PROJECT.matcher(file.source().text()).find()) {
                roots.add(Repositories.rootOf(project, file.path()));
            }
        }
        return roots;
    }

    /** Whether the image built without a target, the last stage, is {@code stage} or built on it. */
    static boolean inFinalImage(ProjectFile file, Stage stage) {
        boolean[] inFinal = file.derived(Reach.class, CudaStages::reach).inFinal();
        return stage.index() < inFinal.length && inFinal[stage.index()];
    }

    private static List<StageFacts> collect(ProjectFile file) {
        Dockerfile dockerfile = file.kind() == FileKind.DOCKERFILE ? file.model(DockerfileParser.KEY) : null;
        if (dockerfile == null) {
            return List.of();
        }
        List<StageFacts> facts = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            StageFacts parent = stage.baseStage() >= 0 && stage.baseStage() < facts.size()
                    ? facts.get(stage.baseStage()) : null;
            Optional<BaseImages.ImageFacts> image = parent != null ? Optional.empty()
                    : KnowledgeBase.bundled().images().resolve(stage.expandedBaseImage());
            TextRange imageRange = stage.from().args().isEmpty() ? stage.from().keywordRange()
                    : stage.from().args().get(0).range();
            Optional<StageFacts.Toolkit> toolkit = parent != null ? parent.toolkit()
                    : image.flatMap(BaseImages.ImageFacts::cuda)
                            .map(c -> new StageFacts.Toolkit(c, stage.expandedBaseImage(), imageRange))
                            .or(() -> envCudaVersion(stage));
            Optional<StageFacts.Torch> torch = parent != null ? parent.torch()
                    : image.flatMap(i -> i.torch().map(t -> new StageFacts.Torch(Optional.of(t), i.cuda(),
                            "torch " + t + " from " + stage.expandedBaseImage(), imageRange)));
            Optional<StageFacts.Compile> compile = Optional.empty();
            Optional<StageFacts.Compile> nativeBuild = Optional.empty();
            Optional<StageFacts.Compile> localBuild = Optional.empty();
            boolean clonesNative = parent != null && parent.clonesNative();
            boolean vllm = false;
            for (ShellSnippets.Snippet snippet : stage.instructions().stream()
                    .flatMap(instruction -> ShellSnippets.ofRun(file, instruction).stream()).toList()) {
                for (SimpleCommand raw : snippet.script().commands()) {
                    SimpleCommand command = raw.effective();
                    Function<String, String> vars = snippet.variablesAt(raw);
                    Optional<StageFacts.Torch> installed = torchInstall(command, vars);
                    if (installed.isPresent()) {
                        torch = installed;
                    }
                    if (compile.isEmpty()) {
                        compile = compiles(command, vars);
                    }
                    if (nativeBuild.isEmpty()) {
                        nativeBuild = compile.isPresent() ? compile : buildsNativeCode(command, vars);
                    }
                    clonesNative |= clonesNativeProject(command, vars);
                    Optional<StageFacts.Compile> local = buildsSourceProject(command, vars);
                    if (localBuild.isEmpty()) {
                        localBuild = local;
                    }
                    if (nativeBuild.isEmpty() && clonesNative) {
                        nativeBuild = local; // a build of a clone of vLLM, flash-attn, ...: it compiles
                    }
                    vllm |= command.words().stream().map(Word::raw)
                            .anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("vllm"));
                }
            }
            facts.add(new StageFacts(toolkit, torch, compile, nativeBuild, localBuild, clonesNative,
                    vllm || (parent != null && parent.buildsVllm())));
        }
        return List.copyOf(facts);
    }

    private static Optional<StageFacts.Toolkit> envCudaVersion(Stage stage) {
        return stage.endScope().variable("CUDA_VERSION")
                .filter(v -> v.kind() == Scope.Kind.ENV && v.value() != null && VERSION_VALUE.matcher(v.value()).matches())
                .map(v -> new StageFacts.Toolkit(v.value(), "ENV CUDA_VERSION=" + v.value(),
                        v.declaredBy() == null ? stage.from().range() : v.declaredBy().range()));
    }

    /** A {@code pip install torch...} or {@code uv pip install torch...}; empty for other commands. */
    private static Optional<StageFacts.Torch> torchInstall(SimpleCommand command, Function<String, String> vars) {
        List<Word> args = pipArgs(command, "install");
        if (args == null) {
            return Optional.empty();
        }
        Optional<String> indexCuda = Optional.empty();
        for (String option : INDEX_OPTIONS) {
            for (Word url : command.optionValues(option)) {
                String value = url.value(vars);
                if (value != null && indexCuda.isEmpty()) {
                    indexCuda = TorchReleases.cudaOfIndexUrl(value);
                }
            }
        }
        for (Word backend : command.optionValues("--torch-backend")) {
            String value = backend.value(vars);
            if (value != null && indexCuda.isEmpty()) {
                indexCuda = TorchReleases.cudaOfVariant(value);
            }
        }
        for (Word arg : args) {
            String value = arg.value(vars);
            Matcher m = value == null ? null : TORCH_REQUIREMENT.matcher(value);
            if (m == null || !m.matches()) {
                continue;
            }
            Optional<String> version = m.group(1) != null && m.group(1).startsWith("==")
                    ? Optional.of(m.group(2)) : Optional.empty();
            Optional<String> fromIndex = indexCuda;
            Optional<String> cuda = version.flatMap(TorchReleases::cudaOfVersion).or(() -> fromIndex);
            return Optional.of(new StageFacts.Torch(version, cuda, value.trim(), arg.range()));
        }
        return Optional.empty();
    }

    /** The arguments after {@code pip <sub>} or {@code uv pip <sub>}, or null for another command. */
    private static List<Word> pipArgs(SimpleCommand command, String sub) {
        String name = command.commandName();
        List<Word> args = command.args();
        if ("uv".equals(name) && !args.isEmpty() && "pip".equals(args.get(0).literalValue())) {
            args = args.subList(1, args.size());
        } else if (name == null || !PIP.matcher(name).matches()) {
            return null;
        }
        return !args.isEmpty() && sub.equals(args.get(0).literalValue()) ? args.subList(1, args.size()) : null;
    }

    /**
     * A build of CUDA extensions against the installed torch: pip/uv without build isolation,
     * {@code python -m build --no-isolation}, or {@code setup.py} build commands.
     */
    private static Optional<StageFacts.Compile> compiles(SimpleCommand command, Function<String, String> vars) {
        List<Word> install = pipArgs(command, "install");
        List<Word> wheel = pipArgs(command, "wheel");
        List<Word> pip = install != null ? install : wheel;
        if (pip != null && (command.hasFlag("--no-build-isolation")
                || BuildIsolation.offByEnvironment(command, "uv".equals(command.commandName()), vars)
                || command.hasFlag("--no-binary") && pip.stream().anyMatch(CudaStages::isTorchExtension))) {
            return Optional.of(new StageFacts.Compile(shortText(command), command.range()));
        }
        String name = command.commandName();
        List<Word> args = command.args();
        boolean uvBuild = "uv".equals(name) && !args.isEmpty() && "build".equals(args.get(0).literalValue());
        boolean pypaBuild = "build".equals(name) && (command.hasFlag("--no-isolation") || command.hasFlag("-n"));
        if (uvBuild && command.hasFlag("--no-build-isolation") || pypaBuild) {
            return Optional.of(new StageFacts.Compile(shortText(command), command.range()));
        }
        if (name != null && PYTHON.matcher(name).matches() && !args.isEmpty()
                && "setup.py".equals(args.get(0).literalValue())
                && args.stream().skip(1).map(Word::literalValue)
                        .anyMatch(a -> a != null && SETUP_BUILD.matcher(a).matches())) {
            return Optional.of(new StageFacts.Compile(shortText(command), command.range()));
        }
        return Optional.empty();
    }

    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)*)?");
    private static final java.util.Set<String> COMPILERS = java.util.Set.of("cmake", "nvcc", "make", "ninja", "gcc",
            "g++", "cc", "c++", "clang", "clang++");

    /**
     * A command that compiles native code and so reads the arch lists in its environment: a compiler
     * or build tool, setup.py, python -m build, uv build; pip and uv builds of a folder are
     * {@link #buildsSourceProject}, packages from an index count only with --no-binary ({@link #compiles}).
     */
    private static Optional<StageFacts.Compile> buildsNativeCode(SimpleCommand command, Function<String, String> vars) {
        String name = command.commandName();
        if (name == null) {
            return Optional.empty();
        }
        if (COMPILERS.contains(name)) {
            return Optional.of(new StageFacts.Compile(shortText(command), command.range()));
        }
        if (!name.startsWith("pip") && !name.equals("uv") && !name.equals("build") && !name.startsWith("python")) {
            return Optional.empty();
        }
        List<Word> args = command.args();
        boolean pythonBuild = name.equals("build") || "uv".equals(name) && !args.isEmpty()
                && "build".equals(args.get(0).literalValue())
                || PYTHON.matcher(name).matches() && !args.isEmpty() && "setup.py".equals(args.get(0).literalValue());
        return pythonBuild ? Optional.of(new StageFacts.Compile(shortText(command), command.range())) : Optional.empty();
    }

    /** A {@code git clone} of a project the knowledge base knows to compile against torch. */
    private static boolean clonesNativeProject(SimpleCommand command, Function<String, String> vars) {
        List<Word> args = command.args();
        if (!"git".equals(command.commandName()) || args.isEmpty() || !"clone".equals(args.get(0).literalValue())) {
            return false;
        }
        for (Word arg : args.subList(1, args.size())) {
            String value = arg.value(vars);
            if (value != null && value.contains("://")) {
                String name = DOT_GIT.matcher(TRAILING_SLASHES.matcher(value).replaceAll("")).replaceAll("");
                name = name.substring(name.lastIndexOf('/') + 1);
                return KnowledgeBase.bundled().projects().project(name)
                        .map(KnownProjects.KnownProject::buildsAgainstTorch).orElse(false);
            }
        }
        return false;
    }

    /** A pip or uv install or wheel of a local folder or a git+ URL, which compiles what that project has. */
    private static Optional<StageFacts.Compile> buildsSourceProject(SimpleCommand command, Function<String, String> vars) {
        String name = command.commandName();
        if (name == null || !name.startsWith("pip") && !name.equals("uv")) {
            return Optional.empty();
        }
        List<Word> install = pipArgs(command, "install");
        List<Word> pip = install != null ? install : pipArgs(command, "wheel");
        boolean source = pip != null && pip.stream().anyMatch(w -> {
            String value = w.value(vars);
            return value != null && (value.startsWith(".") || value.startsWith("/") || value.startsWith("git+"));
        });
        return source ? Optional.of(new StageFacts.Compile(shortText(command), command.range())) : Optional.empty();
    }

    /** A package the knowledge base knows to compile against torch when built from source (flash-attn). */
    private static boolean isTorchExtension(Word requirement) {
        String value = requirement.literalValue();
        if (value == null || value.startsWith("-")) {
            return false;
        }
        String name = REQUIREMENT_END.split(value, 2)[0];
        return KnowledgeBase.bundled().projects().project(name)
                .map(KnownProjects.KnownProject::buildsAgainstTorch).orElse(false);
    }

    private static String shortText(SimpleCommand command) {
        StringBuilder out = new StringBuilder();
        for (Word w : command.words()) {
            if (out.length() + w.raw().length() > 60) {
                return out.append("...").toString();
            }
            out.append(out.length() == 0 ? "" : " ").append(w.raw());
        }
        return out.toString();
    }
}
