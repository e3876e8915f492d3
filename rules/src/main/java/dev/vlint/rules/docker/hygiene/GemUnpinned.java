package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** VL624 (hadolint DL3028): gem install of a gem without a version. */
public final class GemUnpinned extends PackageUnpinned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL624", "DL3028", "gem-unpinned", Severity.NOTE,
            Fixability.NONE, "gem install names a gem without a version (gem:version or -v).");
    private static final Set<String> VALUE_OPTIONS = Set.of("-i", "--install-dir", "-n", "--bindir", "-s", "--source",
            "-g", "--file", "-p", "--http-proxy", "--platform", "--build-root", "--document");

    public GemUnpinned() {
        super(Set.of("gem"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<Word> packages(SimpleCommand run) {
        int verb = Hygiene.verb(run, Set.of("install", "i"));
        if (verb < 0 || Hygiene.hasOption(run, Set.of("version"), "v")) {
            return List.of();
        }
        List<Word> args = run.args();
        List<Word> gems = new ArrayList<>();
        for (int i = verb + 1; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if ("--".equals(value)) {
                break;
            }
            if (value != null && value.startsWith("-")) {
                i += VALUE_OPTIONS.contains(value) ? 1 : 0;
            } else {
                gems.add(args.get(i));
            }
        }
        return gems;
    }

    @Override
    boolean pinned(String pkg) {
        return pkg.contains(":") || pkg.endsWith(".gem") || pkg.contains("/");
    }

    @Override
    String howToPin(String pkg) {
        return pkg + ":<version>";
    }
}
