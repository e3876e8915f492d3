package dev.vlint.rules.security;

import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlScalars;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.ExprParser;
import dev.vlint.workflow.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Reading expression trees: context paths, what flows into a result, every node. */
final class Exprs {
    private Exprs() {}

    /**
     * The dotted, lower-case path of a context access ({@code github.event.issue.title}); a filter
     * or an index that is not a string literal is {@code *}. Null when {@code expr} is not an access
     * rooted at a context name (a literal, a call, {@code fromJSON(x).y}).
     */
    static String path(Expr expr) {
        if (expr instanceof Expr.Name name) {
            return name.name().toLowerCase(Locale.ROOT);
        }
        if (expr instanceof Expr.Property property) {
            String receiver = path(property.receiver());
            return receiver == null ? null : receiver + "." + property.name().toLowerCase(Locale.ROOT);
        }
        if (expr instanceof Expr.Index index) {
            String receiver = path(index.receiver());
            if (receiver == null) {
                return null;
            }
            return index.index() instanceof Expr.Literal literal && literal.value() instanceof String key
                    ? receiver + "." + key.toLowerCase(Locale.ROOT) : receiver + ".*";
        }
        if (expr instanceof Expr.Filter filter) {
            String receiver = path(filter.receiver());
            return receiver == null ? null : receiver + ".*";
        }
        return null;
    }

    /** Whether {@code path} is {@code context} or lies under it ({@code inputs.tag} under {@code inputs}). */
    static boolean under(String path, String context) {
        return path != null && (path.equals(context) || path.startsWith(context + "."));
    }

    /**
     * The context accesses whose value can become the expression's value (GitHub expands it into the
     * text around the template): the access itself, both sides of {@code ||}, the right side of
     * {@code &&}, the arguments of {@code format}, {@code join} and {@code toJSON}, and the values
     * of {@code case}. A comparison or {@code contains(...)} yields a boolean, so nothing flows.
     */
    static List<Expr> flowing(Expr expr) {
        List<Expr> out = new ArrayList<>();
        flowing(expr, out);
        return out;
    }

    private static void flowing(Expr expr, List<Expr> out) {
        if (path(expr) != null) {
            out.add(expr);
        } else if (expr instanceof Expr.Binary binary) {
            if (binary.op().equals("||")) {
                flowing(binary.left(), out);
                flowing(binary.right(), out);
            } else if (binary.op().equals("&&")) {
                flowing(binary.right(), out);
            }
        } else if (expr instanceof Expr.Call call) {
            switch (call.name().toLowerCase(Locale.ROOT)) {
                case "format", "join", "tojson" -> call.args().forEach(arg -> flowing(arg, out));
                case "case" -> {
                    for (int i = 1; i < call.args().size(); i += 2) {
                        flowing(call.args().get(i), out);
                    }
                    if (call.args().size() % 2 == 1) {
                        flowing(call.args().get(call.args().size() - 1), out);
                    }
                }
                default -> { }
            }
        }
    }

    /** Every node of the tree, parents before children. */
    static void walk(Expr expr, Consumer<Expr> visit) {
        visit.accept(expr);
        if (expr instanceof Expr.Property property) {
            walk(property.receiver(), visit);
        } else if (expr instanceof Expr.Index index) {
            walk(index.receiver(), visit);
            walk(index.index(), visit);
        } else if (expr instanceof Expr.Filter filter) {
            walk(filter.receiver(), visit);
        } else if (expr instanceof Expr.Call call) {
            call.args().forEach(arg -> walk(arg, visit));
        } else if (expr instanceof Expr.Not not) {
            walk(not.operand(), visit);
        } else if (expr instanceof Expr.Binary binary) {
            walk(binary.left(), visit);
            walk(binary.right(), visit);
        }
    }

    /** Whether {@code expr} calls {@code function} (any case). */
    static boolean isCall(Expr expr, String function) {
        return expr instanceof Expr.Call call && call.name().equalsIgnoreCase(function);
    }

    /**
     * The expressions of an {@code if:}: its {@code ${{ }}} templates, or the whole value when it has
     * none (GitHub reads a bare {@code if:} as one expression). Those that do not parse are left out.
     */
    static List<Expr> condition(SourceFile file, YamlNode node) {
        MappedText text = YamlScalars.mappedText(file, node);
        List<Expr> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        if (text.text().contains("${{")) {
            for (Template template : Template.find(text)) {
                if (template.expr() != null) {
                    out.add(template.expr());
                }
            }
        } else if (!text.text().isBlank()) {
            Expr expr = ExprParser.parse(text, 0, text.length()).expr();
            if (expr != null) {
                out.add(expr);
            }
        }
        return out;
    }
}
