package dev.vlint.cli;

import dev.vlint.docs.RuleDocs;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vlint explain ID}: a rule's documentation page, laid out for a terminal. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show the documentation of a rule.")
final class ExplainCommand implements Callable<Integer> {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final Session session;

    @Parameters(paramLabel = "ID", description = "Rule id, e.g. VL101.")
    private String id;

    ExplainCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RuleMeta meta = session.rules().stream().map(Rule::meta)
                .filter(m -> m.id().equalsIgnoreCase(id) || m.name().equals(id)).findFirst()
                .orElseThrow(() -> new UsageException("unknown rule '" + id + "' (vlint rules lists them)"));
        String page = RuleDocs.page(meta, RuleDocs.prose(meta.id()).orElse(""));
        session.out().print(render(page, session.colorAllowed()));
        session.out().flush();
        return Session.OK;
    }

    /** Markdown for a terminal: headings in capitals (bold on colour), code blocks indented, fences dropped. */
    static String render(String markdown, boolean color) {
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode) {
                out.append("    ").append(line).append('\n');
            } else if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "");
                String heading = line.startsWith("## ") ? title.toUpperCase(Locale.ROOT) : title;
                out.append(color ? BOLD + heading + RESET : heading).append('\n');
            } else if (line.equals("|---|---|") || line.equals("| | |")) {
                continue;
            } else if (line.startsWith("| ")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ", 2);
                out.append("  ").append(cells[0]).append(": ").append(cells.length > 1 ? cells[1] : "").append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }
}
