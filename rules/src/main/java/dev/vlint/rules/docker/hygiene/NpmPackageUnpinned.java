package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;

/** VL615 (hadolint DL3016): npm install of a package without a version. */
public final class NpmPackageUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL615", "DL3016", "npm-package-unpinned", Severity.NOTE,
            Fixability.NONE, "npm install names a package without a version (pkg@version), outside package.json.");
    private static final Set<String> VALUE_OPTIONS = Set.of("--loglevel", "--registry", "--prefix", "--cache",
            "--userconfig", "--tag", "-w", "--workspace");

    public NpmPackageUnpinned() {
        super(Set.of("npm"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<Word> packages(SimpleCommand run) {
        List<Word> operands = Hygiene.operands(run, 0, VALUE_OPTIONS);
        if (operands.isEmpty() || !"install".equals(operands.get(0).literalValue())) {
            return List.of();
        }
        return operands.subList(1, operands.size());
    }

    @Override
    boolean pinned(String pkg) {
        if (pkg.matches("git(\\+[a-z]+)?://.*")) {
            return pkg.contains("#");
        }
        String name = pkg.startsWith("@") ? pkg.substring(Math.max(0, pkg.indexOf('/'))) : pkg;
        return pkg.endsWith(".tar") || pkg.endsWith(".tar.gz") || pkg.endsWith(".tgz") || pkg.startsWith("/")
                || pkg.startsWith("./") || pkg.startsWith("../") || pkg.startsWith("~/") || name.contains("@")
                || pkg.contains("://");
    }

    @Override
    String howToPin(String pkg) {
        return pkg + "@<version>, or add it to package.json and run npm ci";
    }
}
