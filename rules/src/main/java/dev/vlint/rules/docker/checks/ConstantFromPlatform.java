package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL520: {@code FROM --platform=linux/amd64}, a constant platform (BuildKit's
 * FromPlatformFlagConstDisallowed). Not when the stage name names the OS or architecture
 * ({@code AS build_amd64}): such a stage is platform-specific on purpose. hadolint's DL3029 flags
 * every {@code --platform}; this rule is that check too, but only for constants, since
 * {@code --platform=$BUILDPLATFORM} is the documented way to cross-compile.
 */
public final class ConstantFromPlatform implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL520", "constant-from-platform", Severity.NOTE,
            "FROM --platform with a constant value pins the stage to one platform.", Fixability.NONE,
            "FromPlatformFlagConstDisallowed", "DL3029");
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> OSES = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
            "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows",
            "zos");
    /** containerd's normalizeArch. */
    private static final Map<String, String> ARCH_ALIASES = Map.of("i386", "386", "x86_64", "amd64", "x86-64",
            "amd64", "aarch64", "arm64", "armhf", "arm", "armel", "arm");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction from, Stage stage, RuleContext context) {
        Optional<Flag> platform = from.flag("platform");
        if (platform.isEmpty() || platform.get().value().isEmpty()) {
            return;
        }
        String raw = platform.get().value().get();
        if (raw.indexOf('$') >= 0) {
            return; // a variable, even one that expands to a constant, is not a constant flag
        }
        String value = raw;
        String[] parts = value.split("/", -1);
        if (parts.length > 3 || parts.length == 0) {
            return;
        }
        for (String part : parts) {
            if (!COMPONENT.matcher(part).matches()) {
                return;
            }
        }
        String os = Checks.lower(parts[0]);
        String arch;
        if (parts.length == 1) {
            arch = OSES.contains(os) ? "" : ARCH_ALIASES.getOrDefault(os, os);
            os = OSES.contains(os) ? os : "linux";
        } else {
            arch = ARCH_ALIASES.getOrDefault(Checks.lower(parts[1]), Checks.lower(parts[1]));
        }
        String name = stage == null || stage.name() == null ? "" : stage.name();
        if (name.contains(os) || !arch.isEmpty() && name.contains(arch)) {
            return;
        }
        context.report(platform.get().valueRange().orElse(platform.get().range()), "--platform=" + value
                + " pins this stage to one platform, so a multi-platform build of this Dockerfile still gets "
                + value + " here. Leave --platform out, use $BUILDPLATFORM for a build stage, or name the stage"
                + " after its platform (e.g. build_" + (arch.isEmpty() ? os : arch) + ") if that is intended.");
    }
}
