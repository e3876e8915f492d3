package dev.vlint.cli;

import dev.vlint.docs.RuleDocs;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.RuleMeta;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vlint explain ID}: a rule's documentation page, laid out for a terminal. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show the documentation of a rule.")
final class ExplainCommand implements Callable<Integer> {
    private static final String BOLD = "\u001b[1m";
    private static final String UNDERLINE = "\u001b[4m";
    private static final String RESET = "\u001b[0m";
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    /** Strong before emphasis; underscores only at word edges, so snake_case names stay whole. */
    private static final List<Pattern> EMPHASIS = List.of(
            Pattern.compile("\\*\\*(\\S(?:.*?\\S)?)\\*\\*"),
            Pattern.compile("(?<!\\w)__(\\S(?:.*?\\S)?)__(?!\\w)"),
            Pattern.compile("(?<![\\w*])\\*(\\S(?:.*?\\S)?)\\*(?![\\w*])"),
            Pattern.compile("(?<!\\w)_(\\S(?:.*?\\S)?)_(?!\\w)"));

    private final Session session;

    @Parameters(paramLabel = "ID", description = "Rule id, e.g. VL101.")
    private String id;

    ExplainCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RuleIndex index = new RuleIndex(session.rules());
        RuleMeta meta = index.find(id).orElseThrow(() -> new UsageException("unknown rule '" + id + "'"
                + index.closest(id).map(c -> "; did you mean " + c + "?").orElse(" (vlint rules lists them)")));
        String page = RuleDocs.page(meta, RuleDocs.prose(meta.id()).orElse(""));
        session.out().print(render(page, session.colorAllowed()));
        session.out().flush();
        return Session.OK;
    }

    /**
     * Markdown for a terminal: the title bold and underlined and section headings bold in capitals
     * (plain when {@code color} is off), code blocks indented with their fences dropped, the
     * metadata table as {@code name: value} lines, and emphasis, backticks and link syntax removed.
     */
    static String render(String markdown, boolean color) {
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode) {
                out.append("    ").append(line).append('\n');
            } else if (line.startsWith("# ")) {
                String title = plain(line.substring(2).strip());
                out.append(color ? BOLD + UNDERLINE + title + RESET : title).append('\n');
            } else if (line.startsWith("#")) {
                String heading = plain(line.replaceFirst("^#+\\s*", "")).toUpperCase(Locale.ROOT);
                out.append(color ? BOLD + heading + RESET : heading).append('\n');
            } else if (line.equals("|---|---|") || line.equals("| | |")) {
                continue;
            } else if (line.startsWith("| ")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ", 2);
                out.append("  ").append(cells[0]).append(": ").append(cells.length > 1 ? plain(cells[1]) : "")
                        .append('\n');
            } else {
                out.append(plain(line)).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** The text without markdown markup; code spans are kept verbatim, only their backticks go. */
    static String plain(String line) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(line);
        int last = 0;
        while (code.find()) {
            out.append(withoutEmphasis(line.substring(last, code.start()))).append(code.group(1));
            last = code.end();
        }
        return out.append(withoutEmphasis(line.substring(last))).toString();
    }

    private static String withoutEmphasis(String text) {
        String result = LINK.matcher(text).replaceAll("$1 ($2)");
        for (Pattern emphasis : EMPHASIS) {
            result = emphasis.matcher(result).replaceAll("$1");
        }
        return result;
    }
}
