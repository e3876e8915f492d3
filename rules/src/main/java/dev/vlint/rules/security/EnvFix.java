package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.WorkflowVisitor.Place;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.ExprParser;
import dev.vlint.workflow.expr.Template;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fix for an expression expanded into a script: the value moves into an {@code env:} entry of
 * the step ({@code GITHUB_EVENT_ISSUE_TITLE: ${{ github.event.issue.title }}}) and the script reads
 * the variable, quoted for the place it stands in. Offered only where that is certain: a bash, sh
 * or pwsh step, a block or plain {@code run:}, quoting that can be read up to the expression, and
 * no other variable of that name in the way.
 */
final class EnvFix {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    enum Quote { NONE, SINGLE, DOUBLE, UNSURE }

    private EnvFix() {}

    static Fix of(SourceFile file, Workflow workflow, Place place, Template template, Expr access, String path) {
        Step step = place.step();
        YamlNode run = step.run();
        MappedText script = step.script();
        if (run == null || script == null || path.contains("*") || !(run.style() == YamlNode.Style.LITERAL
                || run.style() == YamlNode.Style.FOLDED || run.style() == YamlNode.Style.PLAIN)) {
            return null;
        }
        String shell = Shells.of(workflow, place.job(), step);
        boolean pwsh = shell.equals("pwsh") || shell.equals("powershell");
        if (!pwsh && !shell.equals("bash") && !shell.equals("sh")) {
            return null;
        }
        String expression = file.slice(template.range());
        boolean fromEnv = path.startsWith("env.");
        String name = fromEnv ? ((Expr.Property) access).name()
                : Audits.facts().defaultVariable(path).orElse(path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        boolean defaultVariable = !fromEnv && Audits.facts().defaultVariable(path).isPresent();
        if (!NAME.matcher(name).matches() || expression.contains("\n")) {
            return null;
        }
        Edit entry = null;
        if (!fromEnv && !defaultVariable) {
            if (defines(place.job() == null ? List.of() : place.job().env(), name) || defines(workflow.env(), name)) {
                return null;
            }
            YamlNode env = step.node().get("env");
            YamlNode existing = env == null ? null : env.get(name);
            if (existing != null) {
                if (!existing.isScalar() || !existing.value().trim().equals(expression)) {
                    return null;
                }
            } else if (env == null) {
                entry = YamlEdits.addNested(file, step.node(), "env", name, YamlEdits.scalar(expression));
            } else if (env.isMapping()) {
                String value = env.style() == YamlNode.Style.FLOW ? "'" + expression.replace("'", "''") + "'"
                        : YamlEdits.scalar(expression);
                entry = YamlEdits.addEntry(file, env, name, value);
            }
            if (existing == null && entry == null) {
                return null;
            }
        }
        String replacement = replacement(script, template.range().start(), name, pwsh);
        if (replacement == null || run.style() == YamlNode.Style.PLAIN && template.range().start() == run.range().start()) {
            return null;
        }
        TextRange replaced = template.range();
        String text = file.text();
        if (replacement.startsWith("'") && replaced.start() > 0 && replaced.end() < text.length()
                && text.charAt(replaced.start() - 1) == '\'' && text.charAt(replaced.end()) == '\'') {
            // '${{ x }}' alone in single quotes: the quotes go, the variable is double-quoted instead
            replaced = new TextRange(replaced.start() - 1, replaced.end() + 1);
            replacement = replacement.substring(1, replacement.length() - 1);
        }
        Edit use = new Edit(replaced, replacement);
        String title = "Pass " + expression + " in " + (entry == null ? "" : "a new env entry ") + name
                + " and use " + replacement + " in the script";
        return entry == null ? Fix.unsafe(title, use) : Fix.unsafe(title, use, entry);
    }

    private static boolean defines(List<YamlNode.Entry> env, String name) {
        return env.stream().anyMatch(e -> e.key().value().equals(name));
    }

    /** The variable as the shell must read it where the expression stands; null when that is unsure. */
    private static String replacement(MappedText script, int fileOffset, String name, boolean pwsh) {
        int at = -1;
        for (int i = 0; i < script.length(); i++) {
            if (script.fileOffset(i) == fileOffset) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        Quote quote = quoteAt(script.text(), at);
        if (pwsh) {
            return quote == Quote.NONE || quote == Quote.DOUBLE ? "${env:" + name + "}" : null;
        }
        return switch (quote) {
            case NONE -> "\"${" + name + "}\"";
            case DOUBLE -> "${" + name + "}";
            case SINGLE -> "'\"${" + name + "}\"'";
            case UNSURE -> null;
        };
    }

    /**
     * The quoting in effect at {@code end} of a POSIX shell script: the innermost of nested
     * {@code $(...)}, quotes, escapes and comments. Heredocs, backticks, arithmetic and
     * {@code $'...'} make it unsure. Other {@code ${{ }}} templates are skipped: GitHub replaces them
     * before the shell sees the quotes inside them.
     */
    static Quote quoteAt(String text, int end) {
        Deque<Quote> outer = new ArrayDeque<>();
        Deque<Integer> parens = new ArrayDeque<>();
        Quote state = Quote.NONE;
        boolean comment = false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (text.startsWith("${{", i)) {
                int close = ExprParser.closingBraces(text, i + 3);
                if (close < 0 || close >= end) {
                    return Quote.UNSURE;
                }
                i = close + 1;
                continue;
            }
            if (comment) {
                comment = c != '\n';
                continue;
            }
            switch (state) {
                case SINGLE -> {
                    if (c == '\'') {
                        state = Quote.NONE;
                    }
                }
                case DOUBLE -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        state = Quote.NONE;
                    } else if (c == '`' || c == '$' && next == '(' && i + 2 < text.length() && text.charAt(i + 2) == '(') {
                        return Quote.UNSURE;
                    } else if (c == '$' && next == '(') {
                        outer.push(state);
                        parens.push(0);
                        state = Quote.NONE;
                        i++;
                    }
                }
                default -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == '\'') {
                        state = Quote.SINGLE;
                    } else if (c == '"') {
                        state = Quote.DOUBLE;
                    } else if (c == '`' || c == '<' && next == '<' || c == '$' && next == '\''
                            || c == '$' && next == '(' && i + 2 < text.length() && text.charAt(i + 2) == '(') {
                        return Quote.UNSURE;
                    } else if (c == '$' && next == '(') {
                        outer.push(state);
                        parens.push(0);
                        i++;
                    } else if (c == '(' && !parens.isEmpty()) {
                        parens.push(parens.pop() + 1);
                    } else if (c == ')' && !parens.isEmpty()) {
                        int open = parens.pop();
                        if (open > 0) {
                            parens.push(open - 1);
                        } else {
                            state = outer.pop();
                        }
                    } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == ';')) {
                        comment = true;
                    }
                }
            }
        }
        return comment ? Quote.NONE : state;
    }
}
