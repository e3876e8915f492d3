package dev.vlint.rules.docker;

import dev.vlint.rules.docker.BuildSteps.Cloned;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.rules.docker.BuildSteps.Step;
import dev.vlint.shell.Word;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which release of a project a build or install gets, and for which device: the version of a
 * {@code name==X} requirement, the {@code @ref} of a {@code git+URL}, the {@code --branch} of a clone
 * or a later {@code git checkout} in it, and the {@code <PROJECT>_TARGET_DEVICE} of the build.
 */
final class ProjectRefs {
    private static final Pattern RELEASE_REF =
            Pattern.compile("(?:refs/tags/|tags/|releases/)?v?(\\d+(?:\\.\\d+)+(?:(?:\\.?post|rc)\\d+)?)");
    private static final Pattern VCS_REF = Pattern.compile("git\\+[a-z+]*://(?:[^/@]+@)?[^/@]+/[^@]*@([^#]+)(?:#.*)?");
    private static final Pattern EXACT_REQUIREMENT = Pattern.compile("[A-Za-z0-9._-]+(?:\\[[^]]*])?\\s*===?\\s*([^,;\\s]+)\\s*(?:;.*)?");
    private static final Set<String> CHECKOUT = Set.of("checkout", "switch", "reset");

    private ProjectRefs() {}

    /** The release a ref names ("v0.15.1", "tags/v0.15.1", "releases/v0.15.1" give "0.15.1"), else null. */
    static String releaseOfRef(String ref) {
        if (ref == null) {
            return null;
        }
        Matcher m = RELEASE_REF.matcher(ref.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** The version of an exactly pinned requirement ({@code vllm==0.15.1}), else null. */
    static String pinnedVersion(String requirement) {
        Matcher m = requirement == null ? null : EXACT_REQUIREMENT.matcher(requirement.trim());
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** The ref of a {@code git+URL@ref} requirement, or null when it names none. */
    static String vcsRef(String requirement) {
        if (requirement == null) {
            return null;
        }
        String url = requirement.contains(" @ ") ? requirement.substring(requirement.indexOf(" @ ") + 3).trim()
                : requirement.trim();
        Matcher m = VCS_REF.matcher(url);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The ref the clone in {@code dir} is at when {@code at} runs: the last {@code git checkout},
     * {@code switch} or {@code reset} in it ({@code FETCH_HEAD} stands for the ref fetched before),
     * else the clone's {@code --branch}. Null when the clone took the default branch or the ref is unknown.
     */
    static String cloneRef(Sequence sequence, Step at, String dir) {
        List<RefAt> changes = sequence.index(RefAt.class, ProjectRefs::refChanges).getOrDefault(dir, List.of());
        int position = sequence.position(at);
        String ref = null;
        for (int low = 0, high = changes.size() - 1; low <= high; ) { // the last change before at
            int middle = (low + high) >>> 1;
            if (changes.get(middle).index() < position) {
                ref = changes.get(middle).ref();
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return ref;
    }

    /** The ref of a clone's folder from step {@code index} on. */
    private record RefAt(int index, String ref) {}

    /** Every change of a clone's ref, per folder and in step order, from one pass over the steps. */
    private static Map<String, List<RefAt>> refChanges(Sequence sequence) {
        Map<String, List<RefAt>> changes = new HashMap<>();
        Map<String, String> fetched = new HashMap<>();
        List<Step> steps = sequence.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Cloned clone = BuildSteps.cloneOf(step);
            if (clone != null) {
                Word branch = step.effective().optionValue("--branch");
                branch = branch != null ? branch : step.effective().optionValue("-b");
                changes.computeIfAbsent(clone.dir(), d -> new ArrayList<>())
                        .add(new RefAt(i, branch == null ? null : step.value(branch)));
                fetched.remove(clone.dir());
                continue;
            }
            BuildSteps.Git git = BuildSteps.git(step);
            if (git == null) {
                continue;
            }
            List<Word> args = step.effective().args();
            String sub = args.get(git.subcommand()).literalValue();
            List<Word> operands = BuildSteps.operands(step.effective(), git.subcommand() + 1,
                    Set.of("--depth", "-b", "-B", "-c", "--conflict"));
            if ("fetch".equals(sub) && operands.size() >= 2) {
                fetched.put(git.dir(), step.value(operands.get(operands.size() - 1)));
            } else if (sub != null && CHECKOUT.contains(sub) && !operands.isEmpty()) {
                String target = step.value(operands.get(0));
                changes.computeIfAbsent(git.dir(), d -> new ArrayList<>())
                        .add(new RefAt(i, "FETCH_HEAD".equals(target) ? fetched.get(git.dir()) : target));
            }
        }
        return changes;
    }

    /**
     * The device a build of {@code projectName} targets, lower case ("cuda", "rocm", "cpu"), from
     * {@code <PROJECT>_TARGET_DEVICE} in the step's environment or assignments; "cpu" for a workflow
     * job on a macOS runner (vLLM's setup.py builds for the CPU there); null when unset.
     */
    static String targetDevice(Step step, String projectName) {
        String variable = projectName.toUpperCase(Locale.ROOT).replace('-', '_') + "_TARGET_DEVICE";
        String device = step.variables().apply(variable);
        for (var assignment : step.effective().assignments()) {
            if (assignment.name().equals(variable)) {
                device = step.value(assignment.value());
            }
        }
        if (device == null && step.snippet().job() != null) {
            for (YamlNode label : step.snippet().job().runsOn()) {
                if (label.isScalar() && label.value().toLowerCase(Locale.ROOT).startsWith("macos")) {
                    return "cpu";
                }
            }
        }
        return device == null ? null : device.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The device a build targets when {@code <PROJECT>_TARGET_DEVICE} is unset: "cpu" when the torch
     * installed before it is a CPU build (vLLM's setup.py then detects no CUDA), else "cuda".
     */
    static String defaultDevice(Sequence sequence, Step at) {
        return sequence.index(DeviceAfter.class, ProjectRefs::devices)[sequence.position(at)];
    }

    /** Key of the index behind {@link #defaultDevice}: the device each step sees. */
    private interface DeviceAfter {}

    private static String[] devices(Sequence sequence) {
        List<Step> steps = sequence.steps();
        String[] before = new String[steps.size() + 1];
        String device = "cuda";
        for (int i = 0; i < steps.size(); i++) {
            before[i] = device;
            Step step = steps.get(i);
            PipCommand pip = PipCommand.of(step);
            if (pip == null || !pip.installs() || TorchInstalls.installedBy(pip, 0, false).isEmpty()) {
                continue;
            }
            boolean cpu = false;
            for (String option : List.of("--index-url", "-i", "--extra-index-url", "--index")) {
                for (Word url : step.effective().optionValues(option)) {
                    String value = step.value(url);
                    cpu |= value != null && value.replaceAll("/+$", "").endsWith("/whl/cpu");
                }
            }
            for (Word operand : pip.operands()) {
                String value = step.value(operand);
                cpu |= value != null && value.toLowerCase(Locale.ROOT).matches("torch\\b.*\\+cpu.*");
            }
            device = cpu ? "cpu" : "cuda";
        }
        before[steps.size()] = device;
        return before;
    }

    /** Whether an earlier step ran vLLM's {@code use_existing_torch.py} in {@code dir}, which strips its torch pins. */
    static boolean strippedTorchPins(Sequence sequence, Step at, String dir) {
        Integer first = sequence.index(StrippedPins.class, ProjectRefs::strippedPins)
                .get(BuildSteps.resolve(dir, "use_existing_torch.py"));
        return first != null && first < sequence.position(at);
    }

    /** Key of the index behind {@link #strippedTorchPins}: each script run, by path, at its first step. */
    private interface StrippedPins {}

    private static Map<String, Integer> strippedPins(Sequence sequence) {
        Map<String, Integer> first = new HashMap<>();
        List<Step> steps = sequence.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<Word> args = step.effective().args();
            String script = args.isEmpty() ? null : step.value(args.get(0));
            if (step.name().startsWith("python") && script != null && script.endsWith("use_existing_torch.py")) {
                first.putIfAbsent(BuildSteps.resolve(step.cwd(), script), i);
            }
        }
        return first;
    }
}
