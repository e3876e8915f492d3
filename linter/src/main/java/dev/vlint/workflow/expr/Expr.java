package dev.vlint.workflow.expr;

import dev.vlint.source.TextRange;
import java.util.List;

/**
 * A node of a GitHub Actions expression (the inside of {@code ${{ }}}), with its file range.
 * Grammar and precedence follow GitHub's "Evaluate expressions in workflows and actions":
 * literals, context names, property access ({@code a.b}, {@code a['b']}), object filters
 * ({@code a.*.b}), function calls, {@code !}, comparisons, {@code ==}/{@code !=}, {@code &&}, {@code ||}.
 */
public sealed interface Expr {
    TextRange range();

    /** {@code null}, {@code true}/{@code false}, a number (a {@link Double}) or a string. */
    record Literal(Object value, TextRange range) implements Expr {}

    /** A context name or bare identifier ({@code github}, {@code matrix}). */
    record Name(String name, TextRange range) implements Expr {}

    /** {@code receiver.name}; {@code nameRange} is the property itself, for exact reports. */
    record Property(Expr receiver, String name, TextRange nameRange, TextRange range) implements Expr {}

    /** {@code receiver[index]}. */
    record Index(Expr receiver, Expr index, TextRange range) implements Expr {}

    /** {@code receiver.*} or {@code receiver[*]}: every value of an object or array. */
    record Filter(Expr receiver, TextRange range) implements Expr {}

    record Call(String name, TextRange nameRange, List<Expr> args, TextRange range) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Not(Expr operand, TextRange range) implements Expr {}

    /** {@code op} is one of {@code == != < <= > >= && ||}. */
    record Binary(String op, Expr left, Expr right, TextRange range) implements Expr {}
}
