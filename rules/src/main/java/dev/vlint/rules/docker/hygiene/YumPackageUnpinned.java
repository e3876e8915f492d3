package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;

/** VL627 (hadolint DL3033): yum install of a package without a version. */
public final class YumPackageUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL627", "DL3033", "yum-package-unpinned", Severity.NOTE,
            Fixability.NONE,
                    "yum install names a package without a version (name-version) or a module without a stream.");

    public YumPackageUnpinned() {
        super(Set.of("yum"));
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
