package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.KnownProjects.KnownProject;
import dev.vlint.kb.KnownProjects.PinKind;
import dev.vlint.kb.KnownProjects.RuntimeTorch;
import dev.vlint.kb.KnownProjects.TorchPin;
import dev.vlint.kb.Pep440;
import dev.vlint.kb.TorchReleases;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.python.WheelMetadata;
import dev.vlint.python.WheelName;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.rules.docker.BuildSteps.Step;
import dev.vlint.rules.docker.TorchInstalls.Torch;
import dev.vlint.shell.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL108: torch installed pinned or from a CUDA index, then a later install of a package that
 * requires torch, without {@code --no-deps} or constraints: the resolver may replace that torch.
 */
public final class TorchReplacedByLaterInstall implements Rule {
    private static final RuleMeta META = new RuleMeta("VL108", "torch-replaced-by-later-install", Severity.ERROR,
            "torch is installed pinned or from a CUDA-specific index, then a later pip/uv pip install without"
                    + " --no-deps (or constraints) installs a package that requires torch.",
            Fixability.UNSAFE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("python", "torch", "correctness"));

    private static final Pattern TORCH_REQUIREMENT = Pattern.compile("\\s*torch\\s*(?:\\(([^)]*)\\)|([^;]*))(;.*)?",
            Pattern.CASE_INSENSITIVE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (Sequence sequence : BuildSteps.sequences(context.file())) {
            Torch torch = null;
            for (Step step : sequence.steps()) {
                PipCommand pip = PipCommand.of(step);
                if (pip == null || !pip.installs()) {
                    continue;
                }
                int line = context.file().source().position(step.command().range().start()).line();
                Optional<Torch> installed = TorchInstalls.installedBy(pip, line, true);
                if (installed.isPresent()) {
                    torch = installed.get();
                } else if (torch != null && sequence.owns(step) && !constrained(pip)
                        && TorchInstalls.installedBy(pip, line, false).isEmpty()) {
                    // An install that names torch itself resolves torch with the rest: not a later replacement.
                    for (Word operand : pip.operands()) {
                        check(context, sequence, pip, operand, torch);
                    }
                    for (PipCommand.Target target : pip.sourceProjects()) {
                        checkSourceBuild(context, sequence, pip, target, torch);
                    }
                }
            }
        }
    }

    /** A project built from source and installed: a clone, a copied folder or a git+URL requirement. */
    private static void checkSourceBuild(RuleContext context, Sequence sequence, PipCommand pip,
            PipCommand.Target target, Torch torch) {
        Step step = pip.step();
        Optional<KnownProject> known = BuiltProjects.of(context, sequence, step, target)
                .flatMap(BuiltProjects.Facts::known);
        if (known.isEmpty() || target.dir() != null && ProjectRefs.strippedTorchPins(sequence, step, target.dir())) {
            return;
        }
        String device = ProjectRefs.targetDevice(step, known.get().name());
        if (device != null && !device.equals("cuda")) {
            return; // the pins the knowledge base holds are those of CUDA builds
        }
        String ref = target.repository() != null
                ? (target.word() == null ? null : ProjectRefs.vcsRef(step.value(target.word())))
                : ProjectRefs.cloneRef(sequence, step, target.dir());
        Word at = target.word() != null ? target.word() : pip.verb();
        String release = ProjectRefs.releaseOfRef(ref);
        String what = release != null ? known.get().name() + " " + release
                : known.get().name() + (ref == null ? " from its default branch" : " at " + ref);
        checkKnown(context, pip, at, known.get(), release, what, torch);
    }
    /** {@code --no-deps}, a constraints or overrides file, or PIP_CONSTRAINT keep torch where it is. */
    private static boolean constrained(PipCommand pip) {
        return pip.hasFlag("--no-deps") || pip.hasFlag("-c") || pip.hasFlag("--constraint")
                || pip.hasFlag("--override") || pip.hasFlag("--overrides")
                || pip.step().variables().apply("PIP_CONSTRAINT") != null
                || pip.step().variables().apply("UV_CONSTRAINT") != null;
    }

    private static void check(RuleContext context, Sequence sequence, PipCommand pip, Word operand, Torch torch) {
        String value = pip.step().value(operand);
        if (value == null) {
            return;
        }
        Fix fix = Fix.unsafe("Add --no-deps", Edit.insert(pip.verb().range().end(), " --no-deps"));
        if (value.toLowerCase(Locale.ROOT).endsWith(".whl")) {
            for (ProjectFile wheel : wheelsFor(context, sequence, pip.step(), pip.step().resolve(value))) {
                WheelMetadata metadata = WheelMetadata.read(wheel.absolutePath()).model();
                String pin = metadata == null ? null : torchSpecifier(metadata.requiresDist());
                if (pin != null && !allows(pin, torch)) {
                    context.report(Severity.ERROR, operand.range(), wheel.path() + " declares Requires-Dist: torch"
                            + pin + ", but the image has " + torch.describe() + ". Installing it without --no-deps"
                            + " makes the resolver replace that torch with one matching " + pin + ", often built for"
                            + " another CUDA, and the compiled extensions no longer load. Install it with --no-deps (the wheel's metadata may simply be wrong), or"
                            + " pass the torch pin as a constraint (-c).", fix);
                    return;
                }
                if (metadata != null) {
                    return; // the wheel's own metadata accepts this torch
                }
            }
        }
        String name = value.toLowerCase(Locale.ROOT).endsWith(".whl")
                ? WheelName.parse(value.substring(value.lastIndexOf('/') + 1)).map(WheelName::distribution)
                        .orElse(value.substring(value.lastIndexOf('/') + 1).split("-", 2)[0])
                : PipCommand.requirementName(value);
        Optional<KnownProject> known = name == null ? Optional.empty()
                : KnowledgeBase.bundled().projects().project(name);
        if (known.isPresent() && known.get().dependsOnTorch()) {
            String release = value.toLowerCase(Locale.ROOT).endsWith(".whl")
                    ? WheelName.parse(value.substring(value.lastIndexOf('/') + 1)).map(WheelName::version).orElse(null)
                    : ProjectRefs.pinnedVersion(value);
            String what = known.get().name() + (release == null ? "" : " " + release);
            checkKnown(context, pip, operand, known.get(), release, what, torch);
        }
    }

    /**
     * A known project installed without --no-deps after torch: reports when its torch requirement,
     * for {@code release} or for the newest release when null, excludes or may exclude that torch.
     */
    private static void checkKnown(RuleContext context, PipCommand pip, Word at, KnownProject project, String release,
            String what, Torch torch) {
        RuntimeTorch runtime = project.runtimeTorch(release);
        if (!runtime.kind().canReplaceTorch()) {
            return; // unpinned or no torch dependency: the installed torch satisfies it
        }
        Fix fix = Fix.unsafe("Add --no-deps", Edit.insert(pip.verb().range().end(), " --no-deps"));
        Optional<TorchPin> pin = project.torchPin(release);
        String spec = pin.map(TorchPin::torch).orElse(runtime.kind() == PinKind.RANGE
                ? runtime.specifier().orElse(null) : null);
        String evidence = pin.map(p -> " Pin verified by " + p.verifiedBy() + ": " + p.source() + ".")
                .orElse(" Source: " + runtime.source() + ".");
        String afterIsolation = pip.buildIsolated() || pip.sourceProjects().isEmpty() ? ""
                : " This build uses --no-build-isolation, so " + project.name()
                        + "'s extensions are compiled against the torch that the install then replaces.";
        if (spec != null && release != null) {
            if (torch.version() != null) {
                if (allows(spec, torch)) {
                    return;
                }
                context.report(Severity.ERROR, at.range(), what + " requires torch" + spec + ", but the image has "
                        + torch.describe() + ": this install, which has neither --no-deps nor a constraint, makes the"
                        + " resolver replace that torch with one matching " + spec + ", and anything compiled against"
                        + " the replaced torch stops loading." + afterIsolation + " " + remedy(project, torch, spec)
                        + evidence, fix);
                return;
            }
            Optional<String> exact = pin.flatMap(TorchPin::exactVersion);
            if (exact.isPresent()) {
                Optional<String> newest = newestOnIndex(torch);
                boolean differs = newest.isPresent() && !exact.get().startsWith(newest.get() + ".");
                String replaced = differs
                        ? "; the newest torch line with wheels there is " + newest.get() + ", so this install, which"
                                + " has neither --no-deps nor a constraint, replaces it with torch " + exact.get() + "."
                        : ". Unless that is " + exact.get() + ", this install, which has neither --no-deps nor a"
                                + " constraint, replaces it with torch " + exact.get() + ".";
                context.report(differs ? Severity.ERROR : Severity.WARNING, at.range(), what + " requires torch"
                        + spec + ", and " + torch.describe() + " is not pinned: it is whatever the newest torch on"
                        + " that index is when the image builds" + replaced + afterIsolation + " Pin torch=="
                        + exact.get() + " where it is installed, or add --no-deps." + evidence, fix);
            }
            return;
        }
        if (release == null && runtime.kind() == PinKind.RANGE && spec != null) {
            if (torch.version() != null && !allows(spec, torch)) {
                context.report(Severity.WARNING, at.range(), "This installs the newest " + project.name()
                        + ", and " + project.name() + " releases " + runtime.since().map(v -> "from " + v + " ")
                        .orElse("") + "require torch" + spec + ", but the image has " + torch.describe() + ": without"
                        + " --no-deps or a constraint the resolver replaces that torch with one matching " + spec
                        + "." + afterIsolation + " " + remedy(project, torch, spec) + evidence, fix);
            }
            return;
        }
        Optional<TorchPin> newest = release == null ? project.newestPin() : Optional.empty();
        if (newest.isPresent()) {
            if (torch.version() != null && allows(newest.get().torch(), torch)) {
                return;
            }
            context.report(Severity.WARNING, at.range(), "This installs the newest " + project.name() + ", and "
                    + project.name() + " releases pin torch exactly: the newest one the knowledge base knows, "
                    + project.name() + " " + newest.get().release() + ", requires torch" + newest.get().torch()
                    + ", while the image has " + torch.describe() + ". Unless the release the resolver picks asks for"
                    + " that torch, this install, which has neither --no-deps nor a constraint, replaces it."
                    + afterIsolation + " " + remedy(project, torch, newest.get().torch()) + evidence, fix);
            return;
        }
        context.report(Severity.WARNING, at.range(), what + " pins torch exactly, and the knowledge base does not"
                + " know which version " + (release == null ? "this source tree" : "this release") + " pins, while"
                + " the image has " + torch.describe() + ". Unless the pin matches that torch, this install, which"
                + " has neither --no-deps nor a constraint, replaces it." + afterIsolation + " Check the pin in its"
                + " requirements, install the torch it asks for, or add --no-deps." + evidence, fix);
    }

    /** What to do instead: releases of the project that require the installed torch, else pin that torch. */
    private static String remedy(KnownProject project, Torch torch, String spec) {
        List<String> matching = torch.version() == null ? List.of()
                : project.releasesPinning(torch.version()).stream().map(TorchPin::release).toList();
        String version = torch.version() == null ? ""
                : Pep440.parse(torch.version()).map(v -> v.withoutLocal().toString()).orElse(torch.version());
        String releases = matching.isEmpty() ? "" : "Install one of the " + project.name() + " releases built for"
                + " torch " + version + ": " + String.join(", ", matching) + "; ";
        return releases + (releases.isEmpty() ? "Install" : "install") + " torch" + spec + " instead; or add --no-deps.";
    }

    /** The newest torch release line with wheels on the index torch came from ("2.11" for cu128), if known. */
    private static Optional<String> newestOnIndex(Torch torch) {
        if (torch.index() == null) {
            return Optional.empty();
        }
        String variant = torch.index().replaceAll(".*/whl/(?:nightly/)?", "").replaceAll("/+$", "")
                .replace("--torch-backend ", "");
        return KnowledgeBase.bundled().torch().newestWithVariant(variant).map(TorchReleases.Release::version);
    }

    /** Whether the install's torch satisfies a wheel's specifier; an unknown version never conflicts. */
    private static boolean allows(String specifier, Torch torch) {
        if (torch.version() == null) {
            return true;
        }
        Optional<Pep440.SpecifierSet> set = Pep440.SpecifierSet.parse(specifier);
        Optional<Pep440.Version> version = Pep440.parse(torch.version());
        return set.isEmpty() || version.isEmpty() || set.get().contains(version.get(), true);
    }

    /** The specifier of the unconditional torch requirement ("==2.10.0"), or null when there is none. */
    private static String torchSpecifier(List<String> requiresDist) {
        for (String requirement : requiresDist) {
            Matcher m = TORCH_REQUIREMENT.matcher(requirement);
            if (m.matches() && m.group(3) == null) {
                String spec = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
                return spec.isEmpty() ? null : spec;
            }
        }
        return null;
    }

    /**
     * The wheels of the project that {@code imagePath} (a file in the image, its name possibly a glob)
     * stands for: through a bind mount of the RUN or a COPY of the stage chain for Dockerfiles, as a
     * repository path for workflows and scripts.
     */
    private static List<ProjectFile> wheelsFor(RuleContext context, Sequence sequence, Step step, String imagePath) {
        int slash = imagePath.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : imagePath.substring(0, slash);
        Pattern name = glob(imagePath.substring(slash + 1));
        List<String> folders = new ArrayList<>();
        if (step.stage() == null) {
            if (!dir.startsWith("/")) {
                folders.add(dir);
            }
        } else {
            String path = context.file().path();
            String contextDir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            for (String[] mapping : mappings(context, step.stage(), step)) {
                String target = BuildSteps.resolve("/", mapping[0]);
                String source = BuildSteps.resolve("", (contextDir.isEmpty() ? "" : contextDir + "/") + mapping[1]);
                if (dir.equals(target) || dir.startsWith(target.equals("/") ? "/" : target + "/")) {
                    String rest = dir.substring(target.length()).replaceFirst("^/", "");
                    folders.add(BuildSteps.resolve("", source + (rest.isEmpty() ? "" : "/" + rest)));
                }
                if (dir.equals(target) && source.endsWith(".whl")) {
                    folders.add(source);
                }
            }
        }
        List<ProjectFile> wheels = new ArrayList<>();
        for (ProjectFile wheel : context.project().files(FileKind.WHEEL)) {
            String wheelPath = wheel.path();
            int cut = wheelPath.lastIndexOf('/');
            String folder = cut < 0 ? "." : wheelPath.substring(0, cut);
            if ((folders.contains(folder) || folders.contains(wheelPath))
                    && name.matcher(wheelPath.substring(cut + 1)).matches()) {
                wheels.add(wheel);
            }
        }
        return wheels;
    }

    /** Image path to build-context path pairs: bind mounts of this RUN, COPYs of the stage chain. */
    private static List<String[]> mappings(RuleContext context, Stage owner, Step step) {
        List<String[]> out = new ArrayList<>();
        Instruction run = step.snippet().instruction();
        if (run != null) {
            for (RunMount mount : run.mounts()) {
                if (mount.type().equals("bind") && mount.from().isEmpty() && mount.target().isPresent()) {
                    out.add(new String[] {mount.target().get(), mount.source().orElse(".")});
                }
            }
        }
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        for (Stage stage : dockerfile == null ? List.<Stage>of() : BuildSteps.chain(dockerfile, owner)) {
            for (Instruction copy : BuildSteps.contextCopies(context.file(), dockerfile, stage)) {
                List<dev.vlint.dockerfile.Word> args = copy.args();
                String dest = stage.scopeAt(copy).expand(args.get(args.size() - 1).text());
                for (dev.vlint.dockerfile.Word source : args.subList(0, args.size() - 1)) {
                    out.add(new String[] {dest, source.text()});
                }
            }
        }
        return out;
    }

    private static Pattern glob(String name) {
        StringBuilder re = new StringBuilder();
        for (char c : name.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }
}
