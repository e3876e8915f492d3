package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * VL612 (hadolint DL3013): pip install of a package without a version. Installs from a
 * requirements or constraints file, the current project ({@code .}), local files, paths, URLs and
 * VCS URLs with a ref are not reported.
 */
public final class PipPackageUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL612", "DL3013", "pip-package-unpinned", Severity.NOTE,
            Fixability.NONE, "pip install names a package without a version (pkg==version), outside a requirements"
                    + " or constraints file.");
    private static final List<String> OPERATORS = List.of("==", ">=", "<=", ">", "<", "!=", "~=", "===", "@");

    public PipPackageUnpinned() {
        super(Set.of());
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<Word> packages(SimpleCommand run) {
        Word install = Pip.install(run, true);
        if (install == null || Hygiene.hasOption(run, Set.of("requirement", "constraint"), "rc")) {
            return List.of();
        }
        List<Word> packages = Hygiene.operands(run, 1, Pip.VALUE_OPTIONS);
        return packages.stream().anyMatch(w -> ".".equals(w.literalValue())) ? List.of() : packages;
    }

    @Override
    boolean pinned(String pkg) {
        if (pkg.chars().allMatch(Character::isDigit)) {
            return true; // the value of an option vlint does not know, never a package name
        }
        boolean vcs = pkg.matches("(git|hg|svn|bzr)(\\+[a-z]+)?(://|@).*");
        if (vcs) {
            return pkg.replaceFirst("^[a-z+]+://", "").contains("@");
        }
        return OPERATORS.stream().anyMatch(pkg::contains) || pkg.endsWith(".whl") || pkg.endsWith(".tar.gz")
                || pkg.endsWith(".zip") || pkg.contains("/") || pkg.startsWith(".");
    }

    @Override
    String howToPin(String pkg) {
        return pkg + "==<version>, or list it in a requirements file with hashes";
    }
}
