package dev.vlint.rules.python;

import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fix.Applicability;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.KnownProjects.KnownProject;
import dev.vlint.kb.Pep440;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.python.PyProject;
import dev.vlint.python.Requirement;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.BuildIsolation;
import dev.vlint.rules.docker.BuildSteps;
import dev.vlint.shell.Connector;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL304: a pyproject.toml with a PEP 639 license ({@code license = "Apache-2.0"} or
 * {@code license-files}) that may be built by setuptools older than 77.0, which rejects it. Two
 * places say which setuptools builds it: the project's own {@code build-system.requires}, and for a
 * {@code --no-build-isolation} build in a Dockerfile the setuptools of that stage: one installed
 * earlier in it, else the base image's (knowledge base). The project is a pyproject.toml copied into
 * the image, or a repository cloned in the stage that the knowledge base knows (vLLM).
 */
public final class Pep639LicenseNeedsSetuptools77 implements Rule {
    private static final Pattern PIP = Pattern.compile("pip3?(\\.\\d+)?");
    private static final Pattern BUILD_REQUIREMENTS = Pattern.compile(".*requirements[-_/]?build[^/]*\\.txt");
    private static final RuleMeta META = new RuleMeta("VL304", "pep639-license-needs-setuptools-77", Severity.ERROR,
            "A pyproject.toml with a PEP 639 license expression or license-files is built by setuptools older"
                    + " than 77, which rejects it.",
            Fixability.UNSAFE, EnumSet.of(FileKind.PYPROJECT, FileKind.DOCKERFILE), List.of("correctness", "python"));

    private static final Pep440.Version SETUPTOOLS_MIN = Pep440.parse("77").orElseThrow();
    private static final Pep440.Version PACKAGING_MIN = Pep440.parse("24.2").orElseThrow();
    private static final String SETUPTOOLS_FIXED = "setuptools>=77.0.3";
    private static final String PACKAGING_FIXED = "packaging>=24.2";
    private static final String WHY_EXPRESSION = "setuptools before 77.0 does not understand PEP 639 and stops"
            + " with \"configuration error: `project.license` must be valid exactly by one definition\"";
    private static final String WHY_FILES = "setuptools before 77.0 does not know PEP 639's `license-files` key"
            + " in [project] and fails its pyproject validation";
    private static final Pattern INSTALL_REQUIREMENT =
            Pattern.compile("(?i)(setuptools|packaging)(?:\\[[^\\]]*\\])?\\s*(.*)");
    /** pip options whose value is a separate word that is not something to install. */
    private static final Set<String> VALUE_OPTIONS = Set.of("-r", "--requirement", "-c", "--constraint", "-w",
            "--wheel-dir", "-t", "--target", "--prefix", "--root", "-f", "--find-links", "-i", "--index-url",
            "--extra-index-url", "--cache-dir", "--src", "--log", "-C", "--config-settings", "--python", "-o",
            "--outdir");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        if (context.file().kind() == FileKind.PYPROJECT) {
            checkBuildRequires(context, context.model(PyProject.KEY));
        } else if (context.model(DockerfileParser.KEY) != null) {
            checkDockerfile(context);
        }
    }

    // ------------------------------------------------------------------ pyproject.toml

    private static void checkBuildRequires(RuleContext context, PyProject pyproject) {
        Optional<String> license = pep639License(pyproject);
        if (license.isEmpty()) {
            return;
        }
        for (Requirement requirement : pyproject.buildRequires()) {
            if (!requirement.canonicalName().equals("setuptools") || requirement.url() != null
                    || !admitsBelow(clauses(requirement), SETUPTOOLS_MIN)) {
                continue;
            }
            String written = context.file().source().slice(requirement.range());
            // Build isolation installs the newest setuptools the requirement admits, so this fails only
            // where an older one is resolved: possible, not certain.
            String message = "build-system.requires admits setuptools older than 77 ('" + written + "'), but "
                    + license.get() + " is a PEP 639 license: " + why(license.get()) + ". Builds pass while build"
                    + " isolation installs the newest setuptools; one that resolves an older setuptools, through a"
                    + " constraint, a mirror or an offline index, fails. Require " + SETUPTOOLS_FIXED + " and "
                    + PACKAGING_FIXED;
            Optional<List<Edit>> edits = raiseEdits(context, pyproject, requirement);
            Fix[] fix = edits.map(e -> new Fix[] {new Fix("Require " + SETUPTOOLS_FIXED + " and " + PACKAGING_FIXED,
                    Applicability.UNSAFE, e)}).orElse(new Fix[0]);
            context.report(Severity.NOTE, requirement.range(), message, fix);
        }
    }

    /** Edits raising setuptools to 77.0.3 and adding or raising packaging to 24.2; empty when unsure. */
    private static Optional<List<Edit>> raiseEdits(RuleContext context, PyProject pyproject, Requirement setuptools) {
        List<Edit> edits = new ArrayList<>();
        Optional<Edit> raised = raise(setuptools, ">=77.0.3");
        if (raised.isEmpty()) {
            return Optional.empty();
        }
        edits.add(raised.get());
        Optional<Requirement> packaging = pyproject.buildRequires().stream()
                .filter(r -> r.canonicalName().equals("packaging") && r.url() == null).findFirst();
        if (packaging.isPresent()) {
            if (admitsBelow(clauses(packaging.get()), PACKAGING_MIN)) {
                Optional<Edit> packagingRaised = raise(packaging.get(), ">=24.2");
                if (packagingRaised.isEmpty()) {
                    return Optional.empty();
                }
                edits.add(packagingRaised.get());
            }
            return Optional.of(edits);
        }
        // a new array element right after the setuptools string, in the same quotes
        Optional<PyProject.StringValue> element = pyproject.strings("build-system.requires").stream()
                .filter(s -> s.range().start() <= setuptools.range().start()
                        && setuptools.range().end() <= s.range().end())
                .findFirst();
        element.ifPresent(s -> edits.add(Edit.insert(s.range().end(),
                ", " + quoted(context.file().source().slice(s.range()), PACKAGING_FIXED))));
        return element.isPresent() ? Optional.of(edits) : Optional.empty();
    }

    /** The edit that replaces the requirement's version clauses with {@code specifier}. */
    private static Optional<Edit> raise(Requirement requirement, String specifier) {
        List<Requirement.Clause> clauses = requirement.specifiers();
        if (!clauses.isEmpty()) {
            return Optional.of(new Edit(new TextRange(clauses.get(0).range().start(),
                    clauses.get(clauses.size() - 1).range().end()), specifier));
        }
        // without extras the clauses go right after the name; with extras we leave it to the author
        return requirement.extras().isEmpty()
                ? Optional.of(Edit.insert(requirement.nameRange().end(), specifier)) : Optional.empty();
    }

    private static String why(String license) {
        return license.equals("license-files") ? WHY_FILES : WHY_EXPRESSION;
    }

    /** How the project declares a PEP 639 license ("license = \"Apache-2.0\""), if it does. */
    private static Optional<String> pep639License(PyProject pyproject) {
        if (pyproject == null) {
            return Optional.empty();
        }
        String backend = pyproject.buildBackend().map(PyProject.StringValue::value).orElse("setuptools.build_meta");
        if (!backend.startsWith("setuptools.build_meta")) {
            return Optional.empty();
        }
        Optional<PyProject.License> license = pyproject.license();
        if (license.isPresent() && license.get().form() == PyProject.License.Form.EXPRESSION) {
            return Optional.of("license = \"" + license.get().value() + "\"");
        }
        return pyproject.licenseFiles().isEmpty() ? Optional.empty() : Optional.of("license-files");
    }

    // ------------------------------------------------------------------ Dockerfile

    /** One {@code pip install} argument naming setuptools or packaging, and what it admits. */
    private record Installed(Word word, Pep440.SpecifierSet set, List<String[]> clauses, boolean upgrade) {}

    /** A project with a PEP 639 license: where its pyproject.toml comes from, and the license line. */
    private record Pep639Project(String pyproject, String license) {}

    /** The setuptools and packaging requirements a stage installed last, as the walk goes. */
    private static final class Installs {
        Installed setuptools;
        Installed packaging;
        /** A build requirements file was installed since: what setuptools it brings is unknown. */
        boolean fromRequirementsFile;
    }

    private static void checkDockerfile(RuleContext context) {
        Set<TextRange> reported = new HashSet<>();
        for (Stage stage : context.model(DockerfileParser.KEY).stages()) {
            Map<String, KnownProject> cloned = new HashMap<>();
            Installs installs = new Installs();
            String workdir = "/";
            for (Instruction instruction : stage.instructions()) {
                if (instruction.is("WORKDIR") && !instruction.args().isEmpty()) {
                    workdir = resolve(workdir, instruction.args().get(0).text());
                }
                for (ShellSnippets.Snippet snippet : ShellSnippets.ofRun(context.file(), instruction)) {
                    checkSnippet(context, snippet, workdir, cloned, installs, reported);
                }
            }
        }
    }

    /** Follows {@code cd}, clones and setuptools installs through one RUN snippet and checks the builds it runs. */
    private static void checkSnippet(RuleContext context, ShellSnippets.Snippet snippet, String workdir,
            Map<String, KnownProject> cloned, Installs installs, Set<TextRange> reported) {
        String cwd = workdir;
        for (SimpleCommand raw : snippet.script().commands()) {
            SimpleCommand command = raw.effective();
            if ("cd".equals(command.commandName()) && command.args().size() == 1
                    && command.args().get(0).literalValue() != null) {
                cwd = resolve(cwd, command.args().get(0).literalValue());
                continue;
            }
            BuildSteps.Cloned clone = BuildSteps.cloneOf(new BuildSteps.Step(snippet, snippet.stage(), raw,
                    command, cwd));
            if (clone != null) {
                KnowledgeBase.bundled().projects().project(BuildSteps.humanish(clone.url()))
                        .ifPresentOrElse(p -> cloned.put(clone.dir(), p), () -> cloned.remove(clone.dir()));
                continue;
            }
            boolean install = isPip(command, "install");
            if (install) {
                recordInstalls(command, installs);
            }
            boolean build = install || isPip(command, "wheel") || "build".equals(command.commandName());
            if (!build || !isNonIsolatedBuild(command, snippet.variablesAt(raw))) {
                continue;
            }
            for (String path : pathArguments(command)) {
                String dir = resolve(cwd, path);
                pep639Project(context, snippet, dir, cloned.get(dir)).ifPresent(project ->
                        checkStageSetuptools(context, snippet, raw, dir, project, installs, reported));
            }
        }
    }

    /** Notes the setuptools (and packaging next to it) that a pip install asks for. */
    private static void recordInstalls(SimpleCommand command, Installs installs) {
        for (String option : List.of("-r", "--requirement")) {
            for (Word file : command.optionValues(option)) {
                String value = file.literalValue();
                if (value == null || BUILD_REQUIREMENTS.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
                    installs.setuptools = null;
                    installs.packaging = null;
                    installs.fromRequirementsFile = true;
                }
            }
        }
        for (Word arg : command.args()) {
            Installed installed = installed(arg, command.hasFlag("-U") || command.hasFlag("--upgrade"));
            if (installed != null && isNamed(arg, "setuptools")) {
                installs.setuptools = installed;
                installs.packaging = null;
                installs.fromRequirementsFile = false;
                for (Word other : command.args()) {
                    if (isNamed(other, "packaging")) {
                        installs.packaging = installed(other, false);
                    }
                }
            }
        }
    }

    /** The PEP 639 project at {@code dir}: a pyproject.toml copied there, else a known project cloned there. */
    private static Optional<Pep639Project> pep639Project(RuleContext context, ShellSnippets.Snippet snippet,
            String dir, KnownProject cloned) {
        ProjectFile pyprojectFile = copiedPyproject(context, snippet.stage(), snippet.instruction(), dir);
        if (pyprojectFile != null) {
            return pep639License(pyprojectFile.model(PyProject.KEY))
                    .map(license -> new Pep639Project(pyprojectFile.path(), license));
        }
        if (cloned == null || !cloned.usesSetuptools()) {
            return Optional.empty();
        }
        return cloned.pep639License().map(expression -> new Pep639Project(cloned.name() + "'s pyproject.toml",
                "license = \"" + expression + "\""));
    }

    private static void checkStageSetuptools(RuleContext context, ShellSnippets.Snippet buildSnippet,
            SimpleCommand build, String dir, Pep639Project project, Installs installs, Set<TextRange> reported) {
        Installed setuptools = installs.setuptools;
        Installed packaging = installs.packaging;
        if (setuptools == null && installs.fromRequirementsFile) {
            return; // the project's own build requirements name the setuptools it needs
        }
        if (setuptools == null || !capsBelow(setuptools.clauses(), SETUPTOOLS_MIN)) {
            // pip installs the newest version a specifier admits unless the installed one satisfies it
            Optional<String> imageSetuptools = imageSetuptools(buildSnippet.stage());
            if (imageSetuptools.isPresent() && keepsImageSetuptools(setuptools, imageSetuptools.get())) {
                reportImageSetuptools(context, build, dir, project, imageSetuptools.get(), buildSnippet.stage(),
                        reported);
            }
            return;
        }
        Word at = buildWord(build);
        if (!reported.add(at.range())) {
            return;
        }
        String license = project.license();
        int line = context.file().source().position(setuptools.word().range().start()).line();
        String message = "This builds " + dir + " without build isolation, so the setuptools this stage installs"
                + " on line " + line + " from '" + setuptools.word().literalValue() + "' builds it, and that cannot"
                + " be 77 or newer, while " + project.pyproject() + " has " + license + ", a PEP 639 license: "
                + why(license) + "; install " + SETUPTOOLS_FIXED + " and " + PACKAGING_FIXED;
        List<Edit> edits = new ArrayList<>();
        String written = setuptools.word().raw();
        edits.add(new Edit(setuptools.word().range(), quoted(written, SETUPTOOLS_FIXED)));
        if (packaging == null) {
            edits.add(Edit.insert(setuptools.word().range().end(), " " + quoted(written, PACKAGING_FIXED)));
        } else if (admitsBelow(packaging.clauses(), PACKAGING_MIN)) {
            edits.add(new Edit(packaging.word().range(), quoted(packaging.word().raw(), PACKAGING_FIXED)));
        }
        context.report(context.finding(Severity.ERROR, at.range(), message,
                List.of(new RelatedLocation(context.file().source(), setuptools.word().range(),
                        "setuptools is installed below 77 here")),
                List.of(new Fix("Install " + SETUPTOOLS_FIXED + " and " + PACKAGING_FIXED, Applicability.UNSAFE,
                        edits))));
    }

    /** The word of a build that turns isolation off, else its command name: where the build is reported. */
    private static Word buildWord(SimpleCommand build) {
        SimpleCommand command = build.effective();
        return command.args().stream().filter(w -> "--no-build-isolation".equals(w.literalValue())
                || "--no-isolation".equals(w.literalValue()) || "-n".equals(w.literalValue()))
                .findFirst().orElse(command.name());
    }

    /** The setuptools version the stage's base image ships, when the knowledge base knows it and it is older than 77. */
    private static Optional<String> imageSetuptools(Stage stage) {
        if (stage.baseStage() >= 0) {
            return Optional.empty();
        }
        return KnowledgeBase.bundled().images().resolve(stage.expandedBaseImage())
                .flatMap(facts -> facts.setuptools())
                .filter(version -> Pep440.parse(version).map(v -> v.compareTo(SETUPTOOLS_MIN) < 0).orElse(false));
    }

    /**
     * Whether the image's setuptools is still the one installed: the stage installs none, or only a
     * requirement that version already satisfies without {@code -U} (pip then leaves it in place).
     */
    private static boolean keepsImageSetuptools(Installed setuptools, String imageVersion) {
        if (setuptools == null) {
            return true;
        }
        Pep440.Version version = Pep440.parse(imageVersion).orElseThrow();
        return !setuptools.upgrade() && setuptools.set().contains(version);
    }

    private static void reportImageSetuptools(RuleContext context, SimpleCommand build, String dir,
            Pep639Project project, String imageVersion, Stage stage, Set<TextRange> reported) {
        Word at = buildWord(build);
        if (!reported.add(at.range())) {
            return;
        }
        String message = stage.expandedBaseImage() + " ships setuptools " + imageVersion + " and this stage does"
                + " not upgrade it, but " + dir + " is built without build isolation, so that setuptools builds it,"
                + " and " + project.pyproject() + " has " + project.license() + ", a PEP 639 license: "
                + why(project.license()) + "; install " + SETUPTOOLS_FIXED + " and " + PACKAGING_FIXED
                + " before building";
        Optional<String> pip = pipBefore(context, build);
        if (pip.isEmpty()) {
            context.report(at.range(), message);
            return;
        }
        context.report(at.range(), message, new Fix("Install " + SETUPTOOLS_FIXED + " and " + PACKAGING_FIXED
                + " before the build", Applicability.UNSAFE, List.of(Edit.insert(build.range().start(),
                pip.get() + " install \"" + SETUPTOOLS_FIXED + "\" \"" + PACKAGING_FIXED + "\" && "))));
    }

    /**
     * The pip to run before {@code build} ("pip", "python3 -m pip", "uv pip"), written like the build's
     * own, when an {@code &&} in front of it keeps the script's meaning: the build starts a line or
     * follows {@code ;} or {@code &&}, and has no prefix assignments.
     */
    private static Optional<String> pipBefore(RuleContext context, SimpleCommand build) {
        Connector connector = build.connector();
        boolean clean = connector == Connector.NONE || connector == Connector.NEWLINE
                || connector == Connector.SEMICOLON || connector == Connector.AND;
        if (!clean || !build.assignments().isEmpty()) {
            return Optional.empty();
        }
        SimpleCommand command = build.effective();
        String text = context.file().source().text();
        // "python -m build" becomes "python -m pip"; pip and uv pip keep the words before their subcommand
        String pip = switch (command.commandName()) {
            case "build" -> text.substring(build.range().start(), command.name().range().start()) + "pip";
            case "uv" -> text.substring(build.range().start(), command.args().get(1).range().start()).strip();
            default -> text.substring(build.range().start(), command.args().get(0).range().start()).strip();
        };
        return pip.contains("\n") || pip.contains("\\") ? Optional.empty() : Optional.of(pip);
    }

    /**
     * pip/uv pip install or wheel with {@code --no-build-isolation} or the environment variable that
     * means it ({@link BuildIsolation}), or {@code python -m build --no-isolation}.
     */
    private static boolean isNonIsolatedBuild(SimpleCommand command, Function<String, String> vars) {
        if ("build".equals(command.commandName())) {
            return command.hasFlag("--no-isolation") || command.hasFlag("-n");
        }
        return (isPip(command, "install") || isPip(command, "wheel")) && (command.hasFlag("--no-build-isolation")
                || BuildIsolation.offByEnvironment(command, "uv".equals(command.commandName()), vars));
    }

    /** {@code pip SUBCOMMAND} (pip, pip3, pip3.12) or {@code uv pip SUBCOMMAND}. */
    private static boolean isPip(SimpleCommand command, String subcommand) {
        String name = command.commandName();
        List<Word> args = command.args();
        if ("uv".equals(name)) {
            return args.size() >= 2 && "pip".equals(args.get(0).literalValue())
                    && subcommand.equals(args.get(1).literalValue());
        }
        return name != null && PIP.matcher(name).matches() && !args.isEmpty()
                && subcommand.equals(args.get(0).literalValue());
    }

    /**
     * Arguments that are local directories: ".", "./x", "../x", "/abs/path"; for {@code python -m build}
     * without one, the current directory.
     */
    private static List<String> pathArguments(SimpleCommand command) {
        List<String> paths = new ArrayList<>();
        List<Word> args = command.args();
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value == null) {
                continue;
            }
            if (VALUE_OPTIONS.contains(value)) {
                i++;
            } else if (value.equals(".") || value.startsWith("./") || value.startsWith("../")
                    || value.startsWith("/")) {
                paths.add(value);
            }
        }
        if (paths.isEmpty() && "build".equals(command.commandName())) {
            paths.add(".");
        }
        return paths;
    }

    private static boolean isNamed(Word arg, String name) {
        String value = arg.literalValue();
        Matcher m = value == null ? null : INSTALL_REQUIREMENT.matcher(value);
        return m != null && m.matches() && m.group(1).equalsIgnoreCase(name);
    }

    private static Installed installed(Word arg, boolean upgrade) {
        String value = arg.literalValue();
        Matcher m = value == null ? null : INSTALL_REQUIREMENT.matcher(value);
        if (m == null || !m.matches()) {
            return null;
        }
        Optional<Pep440.SpecifierSet> set = Pep440.SpecifierSet.parse(m.group(2));
        if (set.isEmpty()) {
            return null;
        }
        List<String[]> clauses = set.get().specifiers().stream()
                .map(s -> new String[] {s.operator(), s.version()}).toList();
        return new Installed(arg, set.get(), clauses, upgrade);
    }

    private static List<String[]> clauses(Requirement requirement) {
        return requirement.specifiers().stream().map(c -> new String[] {c.operator(), c.version()}).toList();
    }

    /** Whether some version below {@code minimum} satisfies all clauses: no clause sets a floor at or above it. */
    /** Whether every version the clauses admit is older than {@code minimum} (a pin or an upper bound below it). */
    private static boolean capsBelow(List<String[]> clauses, Pep440.Version minimum) {
        for (String[] clause : clauses) {
            String operator = clause[0];
            boolean wildcard = clause[1].endsWith(".*");
            Optional<Pep440.Version> version = Pep440.parse(wildcard ? clause[1].substring(0, clause[1].length() - 2)
                    : clause[1]);
            if (version.isEmpty()) {
                continue;
            }
            int c = version.get().compareTo(minimum);
            boolean capped = switch (operator) {
                case "<" -> c <= 0;
                case "<=", "===" -> c < 0;
                case "==" -> wildcard ? version.get().releasePart(0) < minimum.releasePart(0) : c < 0;
                case "~=" -> version.get().releasePart(0) < minimum.releasePart(0); // ~=75.0 means <76
                default -> false;
            };
            if (capped) {
                return true;
            }
        }
        return false;
    }

    private static boolean admitsBelow(List<String[]> clauses, Pep440.Version minimum) {
        for (String[] clause : clauses) {
            String operator = clause[0];
            String version = clause[1].endsWith(".*") ? clause[1].substring(0, clause[1].length() - 2) : clause[1];
            boolean floor = operator.equals(">=") || operator.equals(">") || operator.equals("==")
                    || operator.equals("~=") || operator.equals("===");
            Optional<Pep440.Version> parsed = Pep440.parse(version);
            if (floor && parsed.isPresent() && parsed.get().compareTo(minimum) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} in the quotes {@code like} uses (a shell word or a TOML string); double quotes when
     * it has none, since an unquoted {@code >=} would be a shell redirection.
     */
    private static String quoted(String like, String text) {
        char quote = !like.isEmpty() && like.charAt(0) == '\'' ? '\'' : '"';
        return quote + text + quote;
    }

    // ------------------------------------------------------------------ paths in the image

    /**
     * The pyproject.toml in the build context that a COPY/ADD of this stage placed at {@code dir},
     * with the context taken to be the Dockerfile's folder; null when none did.
     */
    private static ProjectFile copiedPyproject(RuleContext context, Stage stage, Instruction until, String dir) {
        String source = null;
        for (StageCopy copy : stageCopies(context, stage)) {
            if (copy.start() >= until.range().start()) {
                break;
            }
            if (dir.equals(copy.dest())) {
                source = copy.src();
            } else if (dir.startsWith(copy.dest().equals("/") ? "/" : copy.dest() + "/")) {
                source = copy.src() + "/" + dir.substring(copy.dest().length() + (copy.dest().equals("/") ? 0 : 1));
            }
        }
        if (source == null) {
            return null;
        }
        String dockerfile = context.file().path();
        String contextDir = dockerfile.contains("/") ? dockerfile.substring(0, dockerfile.lastIndexOf('/')) : "";
        String path = resolve("/" + contextDir, source).substring(1);
        return context.project().file(path.isEmpty() ? "pyproject.toml" : path + "/pyproject.toml");
    }

    /** A {@code COPY src dest} from the build context, with dest resolved against the WORKDIR there. */
    private record StageCopy(int start, String dest, String src) {}

    private static final Object STAGE_COPIES = new Object();

    /** The stage's copies in order, found once per stage rather than once per build. */
    private static List<StageCopy> stageCopies(RuleContext context, Stage stage) {
        Map<Integer, List<StageCopy>> byStage = context.file().derived(STAGE_COPIES, f -> new ConcurrentHashMap<>());
        return byStage.computeIfAbsent(stage.index(), i -> {
            List<StageCopy> copies = new ArrayList<>();
            String cwd = "/";
            for (Instruction instruction : stage.instructions()) {
                if (instruction.is("WORKDIR") && !instruction.args().isEmpty()) {
                    cwd = resolve(cwd, instruction.args().get(0).text());
                }
                boolean copy = (instruction.is("COPY") || instruction.is("ADD")) && instruction.flag("from").isEmpty();
                if (copy && instruction.args().size() == 2) {
                    copies.add(new StageCopy(instruction.range().start(), resolve(cwd, instruction.args().get(1).text()),
                            instruction.args().get(0).text()));
                }
            }
            return List.copyOf(copies);
        });
    }

    /** {@code path} resolved against the absolute directory {@code cwd}, normalized, no trailing slash. */
    private static String resolve(String cwd, String path) {
        List<String> parts = new ArrayList<>();
        String joined = path.startsWith("/") ? path : cwd + "/" + path;
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
