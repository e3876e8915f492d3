package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Set;

/** VL628 (hadolint DL3034): zypper installs without -y, which stop at the confirmation prompt in a build. */
public final class ZypperWithoutNonInteractive extends InstallWithoutYes implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL628", "DL3034", "zypper-without-non-interactive",
            Severity.WARNING,
            Fixability.SAFE, "zypper install without -y: the prompt gets no answer in a build, so it stops.");

    public ZypperWithoutNonInteractive() {
        super(Set.of("zypper"), Set.of("install", "in", "remove", "rm", "source-install", "si", "patch"),
                Set.of("non-interactive", "no-confirm"), "ny", Set.of("install", "in", "remove", "rm"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }
}
