package dev.vlint.rules.core;

import dev.vlint.project.FileKind;
import dev.vlint.project.FileModels;
import dev.vlint.project.ParseProblem;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** VL001: a file of a known kind that cannot be parsed, reported where parsing failed. */
public final class ParseError implements Rule {
    private static final RuleMeta META = new RuleMeta("VL001", "parse-error", Severity.ERROR,
            "A file of a kind vlint knows cannot be parsed; other rules see only what could be read.",
            Fixability.NONE, EnumSet.complementOf(EnumSet.of(FileKind.OTHER)), List.of("correctness"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** A fill-in placeholder of a template script ({@code --port <node1_port>}), which the shell reads as redirections. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\n]*[A-Za-z][^<>\\n]*>");

    @Override
    public void check(RuleContext context) {
        for (ParseProblem problem : FileModels.problems(context.file())) {
            // Parser messages (YAML's especially) may span lines; a finding's message is one line.
            String message = problem.message().strip().replaceAll("\\s*\\R\\s*", "; ");
            Optional<String> placeholder = context.file().kind() == FileKind.SHELL
                    ? placeholderAt(context.file().source().text(), problem.range().start()) : Optional.empty();
            if (placeholder.isPresent()) {
                // An example script to edit before use: no build runs it as it is, so it is not sure to fail one.
                context.report(Severity.NOTE, problem.range(), message + ": `" + placeholder.get() + "` looks like a"
                        + " placeholder to fill in, so the script does not run until it is replaced");
            } else {
                context.report(problem.range(), message);
            }
        }
    }

    /** The placeholder ({@code <...>} on one line, at most 200 characters) around {@code offset}. */
    private static Optional<String> placeholderAt(String text, int offset) {
        int open = offset;
        while (open >= 0 && offset - open < 200 && (open == text.length() || text.charAt(open) != '<')) {
            open--;
        }
        int close = Math.max(open, offset);
        while (open >= 0 && close < text.length() && close - open < 200 && text.charAt(close) != '>') {
            close++;
        }
        if (open < 0 || close >= text.length() || text.charAt(close) != '>') {
            return Optional.empty();
        }
        String candidate = text.substring(open, close + 1);
        return PLACEHOLDER.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
