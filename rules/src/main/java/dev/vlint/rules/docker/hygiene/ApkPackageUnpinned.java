package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;

/** VL616 (hadolint DL3018): apk add of a package without a version. */
public final class ApkPackageUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL616", "DL3018", "apk-package-unpinned", Severity.NOTE,
            Fixability.NONE, "apk add names a package without a version (name=version or name~version).");
    private static final Set<String> VALUE_OPTIONS = Set.of("-t", "--virtual", "--repository", "-X", "-p", "--root",
            "--arch", "--keys-dir", "--repositories-file", "--cache-dir");

    public ApkPackageUnpinned() {
        super(Set.of("apk"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<Word> packages(SimpleCommand run) {
        int verb = Hygiene.verb(run, Set.of("add"));
        return verb < 0 ? List.of() : Hygiene.operands(run, verb + 1, VALUE_OPTIONS);
    }

    @Override
    boolean pinned(String pkg) {
        return pkg.contains("=") || pkg.contains("~") || pkg.contains(">") || pkg.contains("<") || pkg.endsWith(".apk")
                || pkg.contains("/");
    }

    @Override
    String howToPin(String pkg) {
        return pkg + "=<version>, or " + pkg + "~<major.minor> to follow patch releases";
    }
}
