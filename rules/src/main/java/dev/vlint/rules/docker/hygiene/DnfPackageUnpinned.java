package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;

/** VL634 (hadolint DL3041): dnf install of a package without a version. */
public final class DnfPackageUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL634", "DL3041", "dnf-package-unpinned", Severity.NOTE,
            Fixability.NONE,
                    "dnf install names a package without a version (name-version) or a module without a stream.");

    public DnfPackageUnpinned() {
        super(Set.of("dnf", "microdnf"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<Word> packages(SimpleCommand run) {
        return RpmVersions.packages(run);
    }

    @Override
    boolean pinned(String pkg) {
        return pkg.contains(":") || RpmVersions.pinned(pkg);
    }

    @Override
    String howToPin(String pkg) {
        return pkg + "-<version>, or " + pkg + ":<stream> for a module";
    }
}
