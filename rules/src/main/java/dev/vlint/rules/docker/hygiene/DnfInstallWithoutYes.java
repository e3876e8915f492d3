package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Set;

/** VL632 (hadolint DL3038): dnf installs without -y, which stop at the confirmation prompt in a build. */
public final class DnfInstallWithoutYes extends InstallWithoutYes implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL632", "DL3038", "dnf-install-without-yes", Severity.WARNING,
            Fixability.SAFE, "dnf install without -y: the prompt gets no answer in a build, so it stops.");

    public DnfInstallWithoutYes() {
        super(Set.of("dnf", "microdnf"), Set.of("install", "groupinstall", "localinstall"), Set.of("assumeyes"), "y",
                Set.of("install", "groupinstall", "localinstall"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }
}
