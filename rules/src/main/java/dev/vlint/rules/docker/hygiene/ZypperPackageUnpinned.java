package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;

/** VL631 (hadolint DL3037): zypper install of a package without a version. */
public final class ZypperPackageUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL631", "DL3037", "zypper-package-unpinned", Severity.NOTE,
            Fixability.NONE, "zypper install names a package without a version (name=version or a >= bound).");
    private static final Set<String> VALUE_OPTIONS = Set.of("-r", "--repo", "--from", "-t", "--type");

    public ZypperPackageUnpinned() {
        super(Set.of("zypper"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<Word> packages(SimpleCommand run) {
        int verb = Hygiene.verb(run, Set.of("install", "in"));
        return verb < 0 ? List.of() : Hygiene.operands(run, verb + 1, VALUE_OPTIONS);
    }

    @Override
    boolean pinned(String pkg) {
        return pkg.contains("=") || pkg.contains(">") || pkg.contains("<") || pkg.endsWith(".rpm") || pkg.contains("/");
    }

    @Override
    String howToPin(String pkg) {
        return pkg + "=<version>";
    }
}
