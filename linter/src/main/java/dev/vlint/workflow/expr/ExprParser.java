package dev.vlint.workflow.expr;

import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the expression of one {@code ${{ }}} template. Positions are indexes into the mapped
 * text of the YAML scalar, turned into file ranges; the parser never throws and stops at the
 * first syntax error, which it reports at the offending token.
 */
public final class ExprParser {
    /** What parsing gave: the expression, or the syntax error (message and place). */
    public record Result(Expr expr, String error, TextRange errorRange) {
        public boolean ok() {
            return expr != null;
        }
    }

    private enum Kind { IDENT, NUMBER, STRING, PUNCT, END, BAD }

    private record Token(Kind kind, String text, Object value, int start, int end) {}

    private final MappedText source;
    private final List<Token> tokens;
    private int next;
    private Token failedAt;
    private String failure;

    private ExprParser(MappedText source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** Parses {@code source} from {@code start} to {@code end} (the text between {@code ${{} and {@code }}}). */
    public static Result parse(MappedText source, int start, int end) {
        List<Token> tokens = new ArrayList<>();
        String lexError = lex(source.text(), start, end, tokens);
        ExprParser parser = new ExprParser(source, tokens);
        if (lexError != null) {
            Token bad = tokens.get(tokens.size() - 1);
            return new Result(null, lexError, source.fileRange(bad.start, Math.max(bad.end, bad.start + 1)));
        }
        Expr expr = parser.expression();
        if (expr != null && parser.peek().kind != Kind.END) {
            parser.fail("unexpected " + describe(parser.peek()) + " after the expression");
            expr = null;
        }
        if (expr == null) {
            Token at = parser.failedAt;
            int tokenEnd = at.kind == Kind.END ? at.start : at.end;
            return new Result(null, parser.failure, source.fileRange(Math.min(at.start, end),
                    Math.min(Math.max(tokenEnd, at.start), end)));
        }
        return new Result(expr, null, null);
    }

    /** The end index of the template whose {@code ${{} ends at {@code start}: the index of its {@code }}}, or -1. */
    public static int closingBraces(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = skipString(text, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the closing quote of the string starting at {@code quote}, or -1 when unclosed. */
    private static int skipString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String lex(String text, int start, int end, List<Token> out) {
        int i = start;
        while (true) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= end) {
                out.add(new Token(Kind.END, "", null, end, end));
                return null;
            }
            char c = text.charAt(i);
            int from = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '-')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, text.substring(from, i), null, from, i));
            } else if (Character.isDigit(c) || c == '-' && i + 1 < end
                    && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.')) {
                i = number(text, i, end);
                String literal = text.substring(from, i);
                Double value = numberValue(literal);
                if (value == null) {
                    out.add(new Token(Kind.BAD, literal, null, from, i));
                    return "invalid number '" + literal + "'";
                }
                out.add(new Token(Kind.NUMBER, literal, value, from, i));
            } else if (c == '\'') {
                int close = skipString(text, i);
                if (close < 0 || close >= end) {
                    out.add(new Token(Kind.BAD, text.substring(from, end), null, from, end));
                    return "unclosed string literal";
                }
                String value = text.substring(i + 1, close).replace("''", "'");
                i = close + 1;
                out.add(new Token(Kind.STRING, text.substring(from, i), value, from, i));
            } else {
                String two = i + 1 < end ? text.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                    i += 2;
                    out.add(new Token(Kind.PUNCT, two, null, from, i));
                } else if ("()[].!<>*,".indexOf(c) >= 0) {
                    i++;
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), null, from, i));
                } else {
                    out.add(new Token(Kind.BAD, String.valueOf(c), null, from, i + 1));
                    return c == '"' ? "strings are written in single quotes: 'text', not \"text\""
                            : "unexpected character '" + c + "'";
                }
            }
        }
    }

    /** The end of a number literal: decimal with fraction and exponent, or hexadecimal/octal. */
    private static int number(String text, int i, int end) {
        if (text.charAt(i) == '-') {
            i++;
        }
        while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                || (text.charAt(i) == '+' || text.charAt(i) == '-') && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E'))) {
            i++;
        }
        return i;
    }

    private static Double numberValue(String literal) {
        String body = literal.startsWith("-") ? literal.substring(1) : literal;
        double sign = literal.startsWith("-") ? -1 : 1;
        try {
            if (body.startsWith("0x") || body.startsWith("0X")) {
                return sign * Long.parseLong(body.substring(2), 16);
            }
            if (body.startsWith("0o")) {
                return sign * Long.parseLong(body.substring(2), 8);
            }
            if (!body.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return null;
            }
            return sign * Double.parseDouble(body);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean at(String punct) {
        Token t = peek();
        return t.kind == Kind.PUNCT && t.text.equals(punct);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private Expr fail(String message) {
        if (failure == null) {
            failure = message;
            failedAt = peek();
        }
        return null;
    }

    private static String describe(Token t) {
        return t.kind == Kind.END ? "end of expression" : "'" + t.text + "'";
    }

    private TextRange range(int start, int end) {
        return source.fileRange(start, end);
    }

    private Expr expression() {
        return binary(0);
    }

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("==", "!="), List.of("<", "<=", ">", ">="));

    private Expr binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (left != null && peek().kind == Kind.PUNCT && LEVELS.get(level).contains(peek().text)) {
            String op = take().text;
            Expr right = binary(level + 1);
            if (right == null) {
                return null;
            }
            left = new Expr.Binary(op, left, right, left.range().union(right.range()));
        }
        return left;
    }

    private Expr unary() {
        if (at("!")) {
            Token bang = take();
            Expr operand = unary();
            return operand == null ? null
                    : new Expr.Not(operand, range(bang.start, bang.end).union(operand.range()));
        }
        return postfix(primary());
    }

    private Expr postfix(Expr expr) {
        while (expr != null) {
            if (at(".")) {
                take();
                Token name = peek();
                if (name.kind == Kind.IDENT) {
                    take();
                    expr = new Expr.Property(expr, name.text, range(name.start, name.end),
                            expr.range().union(range(name.start, name.end)));
                } else if (at("*")) {
                    take();
                    expr = new Expr.Filter(expr, expr.range().union(range(name.start, name.end)));
                } else {
                    return fail("expected a property name or '*' after '.', got " + describe(name));
                }
            } else if (at("[")) {
                take();
                if (at("*")) {
                    take();
                    if (!at("]")) {
                        return fail("expected ']' after '[*', got " + describe(peek()));
                    }
                    Token close = take();
                    expr = new Expr.Filter(expr, expr.range().union(range(close.start, close.end)));
                    continue;
                }
                Expr index = expression();
                if (index == null) {
                    return null;
                }
                if (!at("]")) {
                    return fail("expected ']' to close the index, got " + describe(peek()));
                }
                Token close = take();
                expr = new Expr.Index(expr, index, expr.range().union(range(close.start, close.end)));
            } else {
                return expr;
            }
        }
        return null;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind) {
            case NUMBER, STRING -> {
                take();
                return new Expr.Literal(t.value, range(t.start, t.end));
            }
            case IDENT -> {
                take();
                switch (t.text) {
                    case "true", "false" -> {
                        return new Expr.Literal(Boolean.valueOf(t.text), range(t.start, t.end));
                    }
                    case "null" -> {
                        return new Expr.Literal(null, range(t.start, t.end));
                    }
                    default -> { }
                }
                if (at("(")) {
                    return call(t);
                }
                return new Expr.Name(t.text, range(t.start, t.end));
            }
            case PUNCT -> {
                if (t.text.equals("(")) {
                    take();
                    Expr inner = expression();
                    if (inner == null) {
                        return null;
                    }
                    if (!at(")")) {
                        return fail("expected ')' to close '(', got " + describe(peek()));
                    }
                    take();
                    return inner;
                }
                return fail("unexpected " + describe(t));
            }
            default -> {
                return fail(t.kind == Kind.END ? "the expression is empty or ends too early" : "unexpected " + describe(t));
            }
        }
    }

    private Expr call(Token name) {
        take(); // (
        List<Expr> args = new ArrayList<>();
        if (!at(")")) {
            while (true) {
                Expr arg = expression();
                if (arg == null) {
                    return null;
                }
                args.add(arg);
                if (at(",")) {
                    take();
                } else if (at(")")) {
                    break;
                } else {
                    return fail("expected ',' or ')' in the arguments of " + name.text + "(), got " + describe(peek()));
                }
            }
        }
        Token close = take();
        return new Expr.Call(name.text, range(name.start, name.end), args, range(name.start, close.end));
    }
}
