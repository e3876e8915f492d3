package dev.vlint.cli;

import dev.vlint.docs.RuleDocs;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vlint rules}: a table of all rules. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List all rules: id, name, default level, fix.")
final class RulesCommand implements Callable<Integer> {
    private final Session session;

    RulesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "LEVEL", "FIX", "ALIASES"});
        session.rules().stream().map(Rule::meta).sorted(Comparator.comparing(RuleMeta::id))
                .forEach(meta -> rows.add(new String[] {meta.id(), meta.name(), meta.severity().label()
                        + (meta.enabledByDefault() ? "" : " (off)"),
                        RuleDocs.fixLabel(meta.fixability()), String.join(", ", meta.aliases())}));
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            session.out().println(line.toString().stripTrailing());
        }
        session.out().flush();
        return Session.OK;
    }
}
