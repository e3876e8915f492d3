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
 * VL655 (hadolint DL3062): {@code go install}, {@code go get} or {@code go run} of a remote module
 * without a version, or at {@code @latest}. Local packages (paths, files) are not reported.
 */
public final class GoPackageUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL655", "DL3062", "go-package-unpinned", Severity.NOTE,
            Fixability.NONE, "go install, go get or go run of a module without a version (pkg@v1.2.3), or at @latest.");
    private static final Set<String> VALUE_OPTIONS = Set.of("-C", "-p", "-o", "-tags", "-ldflags", "-gcflags",
            "-mod", "-modfile", "-pkgdir", "-exec", "-overlay", "-asmflags", "-toolexec", "-buildmode", "-compiler",
            "-installsuffix", "-pgo");

    public GoPackageUnpinned() {
        super(Set.of("go"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<Word> packages(SimpleCommand run) {
        List<Word> operands = Hygiene.operands(run, 0, VALUE_OPTIONS);
        if (operands.size() < 2) {
            return List.of();
        }
        String verb = operands.get(0).literalValue();
        if ("run".equals(verb)) {
            return operands.subList(1, 2);
        }
        return "install".equals(verb) || "get".equals(verb) ? operands.subList(1, operands.size()) : List.of();
    }

    @Override
    boolean pinned(String pkg) {
        String path = pkg.contains("@") ? pkg.substring(0, pkg.indexOf('@')) : pkg;
        boolean remote = path.split("/")[0].contains(".") && !path.endsWith(".go") && !path.startsWith(".");
        return !remote || pkg.contains("@") && !pkg.endsWith("@latest") && !pkg.endsWith("@none");
    }

    @Override
    String howToPin(String pkg) {
        return pkg.replaceFirst("@.*$", "") + "@v<version>";
    }
}
