package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Set;

/** VL625 (hadolint DL3030): yum installs without -y, which stop at the confirmation prompt in a build. */
public final class YumInstallWithoutYes extends InstallWithoutYes implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL625", "DL3030", "yum-install-without-yes", Severity.WARNING,
            Fixability.SAFE, "yum install without -y: the prompt gets no answer in a build, so it stops.");

    public YumInstallWithoutYes() {
        super(Set.of("yum"), Set.of("install", "groupinstall", "localinstall"), Set.of("assumeyes"), "y",
                Set.of("install", "groupinstall", "localinstall"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }
}
