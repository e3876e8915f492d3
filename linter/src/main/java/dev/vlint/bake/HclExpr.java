package dev.vlint.bake;

import dev.vlint.source.TextRange;
import java.util.List;

/** An expression of the HCL native syntax, with the file range it was read from. */
public sealed interface HclExpr {
    TextRange range();

    /** A number, {@code true}, {@code false}, {@code null}, or a literal piece of a template. */
    record Literal(HclValue value, TextRange range) implements HclExpr {}

    /**
     * A quoted or heredoc template: its parts are joined as strings; {@code passthrough} when it is a
     * single interpolation ({@code "${x}"}), whose value is returned as it is. {@code contentRange}
     * is the text between the quotes (the heredoc body).
     */
    record Template(List<HclExpr> parts, boolean passthrough, TextRange contentRange, TextRange range)
            implements HclExpr {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A {@code %{ for }} directive: the strings its body yields, concatenated. */
    record TemplateJoin(For loop, TextRange range) implements HclExpr {}

    record Variable(String name, TextRange range) implements HclExpr {}

    record GetAttr(HclExpr target, String name, TextRange range) implements HclExpr {}

    record Index(HclExpr target, HclExpr key, TextRange range) implements HclExpr {}

    /** {@code source.*.x} or {@code source[*].x}: {@code each} is evaluated with {@code item} bound to every element. */
    record Splat(HclExpr source, SplatItem item, HclExpr each, TextRange range) implements HclExpr {}

    /** The element a splat is applied to; identified by {@code id} within one file. */
    record SplatItem(int id, TextRange range) implements HclExpr {}

    record Call(String name, List<HclExpr> args, boolean expandLast, TextRange nameRange, TextRange range)
            implements HclExpr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Tuple(List<HclExpr> items, TextRange range) implements HclExpr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** An object constructor; an item's key is its literal name when {@code key} is a bare identifier. */
    record ObjectCons(List<Item> items, TextRange range) implements HclExpr {
        public ObjectCons {
            items = List.copyOf(items);
        }

        public record Item(HclExpr key, boolean keyIsName, HclExpr value) {}
    }

    /** {@code [for k, v in c : value if cond]} or {@code {for k, v in c : key => value... if cond}}. */
    record For(String keyVar, String valueVar, HclExpr collection, HclExpr key, HclExpr value, HclExpr condition,
            boolean grouping, TextRange range) implements HclExpr {
        public boolean makesObject() {
            return key != null;
        }
    }

    record Unary(String operator, HclExpr operand, TextRange range) implements HclExpr {}

    record Binary(String operator, HclExpr left, HclExpr right, TextRange range) implements HclExpr {}

    record Conditional(HclExpr condition, HclExpr then, HclExpr otherwise, TextRange range) implements HclExpr {}

    /** What is left of an expression that could not be parsed; its value is unknown. */
    record Invalid(TextRange range) implements HclExpr {}
}
