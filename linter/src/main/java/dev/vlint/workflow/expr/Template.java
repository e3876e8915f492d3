package dev.vlint.workflow.expr;

import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ${{ expression }}} inside a YAML scalar.
 *
 * @param range the whole template, braces included; for an if: written without ${{ }}, the whole condition
 * @param parsed the expression or its syntax error
 */
public record Template(TextRange range, ExprParser.Result parsed) {
    /** Every template of a scalar's value, in order; an unclosed {@code ${{} is one failed template. */
    public static List<Template> find(MappedText value) {
        List<Template> found = new ArrayList<>();
        String text = value.text();
        for (int open = text.indexOf("${{"); open >= 0; open = text.indexOf("${{", open + 3)) {
            int close = ExprParser.closingBraces(text, open + 3);
            if (close < 0) {
                TextRange whole = value.fileRange(open, text.length());
                found.add(new Template(whole, new ExprParser.Result(null,
                        "'${{' is never closed by '}}'", value.fileRange(open, open + 3))));
                break;
            }
            found.add(new Template(value.fileRange(open, close + 2), ExprParser.parse(value, open + 3, close)));
            open = close - 1;
        }
        return found;
    }

    /** The expression, or null when it did not parse. */
    public Expr expr() {
        return parsed.expr();
    }
}
