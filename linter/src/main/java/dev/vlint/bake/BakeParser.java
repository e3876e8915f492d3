package dev.vlint.bake;

import dev.vlint.bake.HclExpr.Binary;
import dev.vlint.bake.HclExpr.Call;
import dev.vlint.bake.HclExpr.Conditional;
import dev.vlint.bake.HclExpr.For;
import dev.vlint.bake.HclExpr.GetAttr;
import dev.vlint.bake.HclExpr.Index;
import dev.vlint.bake.HclExpr.Invalid;
import dev.vlint.bake.HclExpr.Literal;
import dev.vlint.bake.HclExpr.ObjectCons;
import dev.vlint.bake.HclExpr.Splat;
import dev.vlint.bake.HclExpr.SplatItem;
import dev.vlint.bake.HclExpr.Template;
import dev.vlint.bake.HclExpr.TemplateJoin;
import dev.vlint.bake.HclExpr.Tuple;
import dev.vlint.bake.HclExpr.Unary;
import dev.vlint.bake.HclExpr.Variable;
import dev.vlint.bake.HclLexer.Kind;
import dev.vlint.bake.HclLexer.Token;
import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Parses a {@code docker-bake.hcl} (any file in HCL native syntax) into blocks and attributes whose
 * values are {@link HclExpr} trees, following hashicorp/hcl's {@code hclsyntax} parser: the same
 * grammar, operator precedence, and the same places where newlines matter (they end attributes and
 * separate object items) or are ignored (inside parentheses, brackets, for expressions and
 * template sequences). Never throws: an item that cannot be read becomes one {@link ParseProblem}
 * and parsing resumes after it.
 */
public final class BakeParser {
    public static final ModelKey<BakeFile> KEY = new ModelKey<>("bake", BakeParser::parse);

    private static final int MAX_DEPTH = 100;
    /** Binary operators by precedence level, loosest first. */
    private static final List<Set<String>> LEVELS = List.of(Set.of("||"), Set.of("&&"), Set.of("==", "!="),
            Set.of("<", ">", "<=", ">="), Set.of("+", "-"), Set.of("*", "/", "%"));

    /** Thrown to abandon the current body item after its first syntax error; caught where the item started. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError() {
            super(null, null, false, false);
        }
    }

    private final String src;
    private final List<Token> tokens;
    private final List<ParseProblem> problems;
    private final Deque<Boolean> newlines = new ArrayDeque<>();
    private int at;
    private int depth;
    private int splats;
    /** After a broken item, errors of the items that follow are its consequences until one parses. */
    private boolean recovering;

    private BakeParser(String src, List<Token> tokens, List<ParseProblem> problems) {
        this.src = src;
        this.tokens = tokens;
        this.problems = problems;
        newlines.push(true);
    }

    public static Parsed<BakeFile> parse(SourceFile file) {
        List<BakeComment> comments = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<Token> tokens = HclLexer.tokenize(file.text(), comments, problems);
        BakeParser parser = new BakeParser(file.text(), tokens, problems);
        List<BakeAttribute> attributes = new ArrayList<>();
        List<BakeBlock> blocks = new ArrayList<>();
        parser.body(attributes, blocks, false);
        return new Parsed<>(new BakeFile(attributes, blocks, comments), problems);
    }

    /** Only for tests and property checks: one expression, as in an attribute value. */
    static Parsed<HclExpr> parseExpression(String text) {
        List<ParseProblem> problems = new ArrayList<>();
        List<Token> tokens = HclLexer.tokenize(text, new ArrayList<>(), problems);
        BakeParser parser = new BakeParser(text, tokens, problems);
        HclExpr expr;
        try {
            expr = parser.expression();
            if (parser.peek().kind() != Kind.EOF && parser.peek().kind() != Kind.NEWLINE) {
                throw parser.error(parser.peek().range(), "unexpected '" + parser.peek().text() + "' after the expression");
            }
        } catch (SyntaxError e) {
            expr = new Invalid(new TextRange(0, text.length()));
        }
        return new Parsed<>(expr, problems);
    }

    // ---- structure ----

    private void body(List<BakeAttribute> attributes, List<BakeBlock> blocks, boolean nested) {
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE) {
                at++;
                continue;
            }
            if (t.kind() == Kind.EOF || nested && t.is("}")) {
                return;
            }
            int itemStart = at;
            int itemDepth = depth;
            int itemNewlines = newlines.size();
            int itemProblems = problems.size();
            try {
                if (t.kind() != Kind.IDENT) {
                    throw error(t.range(), t.kind() == Kind.OQUOTE ? "argument names must not be quoted"
                            : "expected an argument or block definition, found '" + t.text() + "'");
                }
                at++;
                if (peek().is("=")) {
                    at++;
                    HclExpr value = expression();
                    attributes.add(new BakeAttribute(t.text(), t.range(), value, t.range().union(value.range())));
                    endOfItem("an argument definition");
                } else {
                    blocks.add(block(t));
                }
                recovering = false;
            } catch (SyntaxError e) {
                if (recovering) {
                    problems.subList(itemProblems, problems.size()).clear();
                }
                recovering = true;
                depth = itemDepth;
                while (newlines.size() > itemNewlines) {
                    newlines.pop();
                }
                recoverAfterItem(itemStart);
            }
        }
    }

    private BakeBlock block(Token type) {
        List<String> labels = new ArrayList<>();
        List<TextRange> labelRanges = new ArrayList<>();
        while (!peek().is("{")) {
            Token label = peek();
            if (label.kind() == Kind.IDENT) {
                at++;
                labels.add(label.text());
                labelRanges.add(label.range());
            } else if (label.kind() == Kind.OQUOTE) {
                Template template = template();
                String literal = literalString(template);
                if (literal == null) {
                    throw error(template.range(), "block labels must be plain strings, without ${ } or %{ }");
                }
                labels.add(literal);
                labelRanges.add(template.contentRange());
            } else {
                throw error(label.range(), "expected '=' or '{' after '" + type.text() + "'");
            }
        }
        Token open = tokens.get(at++);
        List<BakeAttribute> attributes = new ArrayList<>();
        List<BakeBlock> blocks = new ArrayList<>();
        enter(open.range());
        Token first = peek();
        if (first.kind() == Kind.IDENT && next(1).is("=")) {
            // a one-line block: "target "x" { context = "." }"
            at += 2;
            HclExpr value = expression();
            attributes.add(new BakeAttribute(first.text(), first.range(), value, first.range().union(value.range())));
            if (!peek().is("}")) {
                throw error(peek().range(), "a one-line block holds a single argument: expected '}'");
            }
        } else if (first.kind() != Kind.NEWLINE && first.kind() != Kind.EOF && !first.is("}")) {
            throw error(first.range(), "expected a new line after '{'");
        } else {
            body(attributes, blocks, true);
        }
        depth--;
        Token close = peek();
        if (!close.is("}")) {
            // Keep what the block holds: an unclosed last block still names its target.
            problems.add(new ParseProblem(open.range(), "block '" + type.text() + "' is not closed with '}'"));
            return new BakeBlock(type.text(), labels, labelRanges, type.range().union(close.range()), attributes, blocks);
        }
        at++;
        BakeBlock block = new BakeBlock(type.text(), labels, labelRanges, type.range().union(close.range()),
                attributes, blocks);
        endOfItem("a block definition");
        return block;
    }

    /** An argument or block ends at a newline (or the end of the file, or the brace closing its body). */
    private void endOfItem(String what) {
        Token end = peek();
        if (end.kind() == Kind.NEWLINE) {
            at++;
        } else if (end.kind() != Kind.EOF && !end.is("}")) {
            throw error(end.range(), end.is(",") ? "arguments are separated by new lines, not commas"
                    : "missing a new line after " + what + ", found '" + end.text() + "'");
        }
    }

    /**
     * Skips the rest of a broken item: up to a newline outside brackets and templates, or to the
     * unmatched "}" that closes the enclosing block (left for the block to consume).
     */
    private void recoverAfterItem(int itemStart) {
        int open = 0;
        for (int i = itemStart; i < at; i++) {
            open += nesting(tokens.get(i));
        }
        while (at < tokens.size() - 1) {
            Token t = tokens.get(at);
            if (open <= 0 && t.kind() == Kind.NEWLINE) {
                at++;
                return;
            }
            if (open <= 0 && t.is("}") && at > itemStart) {
                return;
            }
            open = Math.max(0, open + nesting(t));
            at++;
        }
    }

    private static int nesting(Token t) {
        return switch (t.kind()) {
            case OQUOTE, OHEREDOC, INTERP, CONTROL -> 1;
            case CQUOTE, CHEREDOC, SEQ_END -> -1;
            case PUNCT -> t.is("{") || t.is("[") || t.is("(") ? 1 : t.is("}") || t.is("]") || t.is(")") ? -1 : 0;
            default -> 0;
        };
    }

    // ---- expressions ----

    private HclExpr expression() {
        HclExpr condition = binary(0);
        if (!peek().is("?")) {
            return condition;
        }
        at++;
        HclExpr then = expression();
        if (!peek().is(":")) {
            throw error(peek().range(), "expected ':' and the false result of the conditional");
        }
        at++;
        HclExpr otherwise = expression();
        return new Conditional(condition, then, otherwise, condition.range().union(otherwise.range()));
    }

    private HclExpr binary(int level) {
        if (level == LEVELS.size()) {
            return traversals(term());
        }
        HclExpr left = binary(level + 1);
        while (peek().kind() == Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            String operator = tokens.get(at++).text();
            HclExpr right = binary(level + 1);
            left = new Binary(operator, left, right, left.range().union(right.range()));
        }
        return left;
    }

    private HclExpr term() {
        Token t = peek();
        if (depth >= MAX_DEPTH) {
            throw error(t.range(), "expression nested deeper than " + MAX_DEPTH);
        }
        switch (t.kind()) {
            case NUMBER -> {
                at++;
                try {
                    return new Literal(new HclValue.Num(new BigDecimal(t.text())), t.range());
                } catch (NumberFormatException e) {
                    throw error(t.range(), "invalid number '" + t.text() + "'");
                }
            }
            case IDENT -> {
                at++;
                if (peek().is("(") || peek().is("::")) {
                    return call(t);
                }
                return switch (t.text()) {
                    case "true" -> new Literal(HclValue.of(true), t.range());
                    case "false" -> new Literal(HclValue.of(false), t.range());
                    case "null" -> new Literal(HclValue.NULL, t.range());
                    default -> new Variable(t.text(), t.range());
                };
            }
            case OQUOTE, OHEREDOC -> {
                return template();
            }
            case PUNCT -> {
                if (t.is("(")) {
                    at++;
                    enter(t.range());
                    newlines.push(false);
                    HclExpr inner = expression();
                    Token close = peek();
                    if (!close.is(")")) {
                        throw error(close.range(), "expected ')' to close the '('");
                    }
                    at++;
                    newlines.pop();
                    depth--;
                    return inner;
                }
                if (t.is("-") || t.is("!")) {
                    at++;
                    enter(t.range());
                    HclExpr operand = traversals(term());
                    depth--;
                    return new Unary(t.text(), operand, t.range().union(operand.range()));
                }
                if (t.is("[")) {
                    return tuple();
                }
                if (t.is("{")) {
                    return object();
                }
            }
            default -> { }
        }
        throw error(t.range(), t.kind() == Kind.EOF ? "expected an expression before the end of the file"
                : "expected an expression, found '" + describe(t) + "'");
    }

    private HclExpr traversals(HclExpr from) {
        HclExpr result = from;
        while (true) {
            Token t = peek();
            if (t.is(".")) {
                at++;
                Token name = peek();
                if (name.kind() == Kind.IDENT) {
                    at++;
                    result = new GetAttr(result, name.text(), result.range().union(name.range()));
                } else if (name.kind() == Kind.NUMBER && name.text().chars().allMatch(Character::isDigit)) {
                    at++; // legacy index: foo.0
                    result = new Index(result, new Literal(new HclValue.Num(new BigDecimal(name.text())), name.range()),
                            result.range().union(name.range()));
                } else if (name.is("*")) {
                    at++;
                    result = attributeSplat(result, t.range().union(name.range()));
                } else {
                    throw error(name.range(), "expected an attribute name after '.'");
                }
            } else if (t.is("[")) {
                at++;
                if (peek().is("*")) {
                    at++;
                    Token close = peek();
                    if (!close.is("]")) {
                        throw error(close.range(), "expected ']' after '[*'");
                    }
                    at++;
                    SplatItem item = new SplatItem(splats++, t.range().union(close.range()));
                    HclExpr each = traversals(item);
                    result = new Splat(result, item, each, result.range().union(each.range()));
                } else {
                    newlines.push(false);
                    HclExpr key = expression();
                    Token close = peek();
                    if (!close.is("]")) {
                        throw error(close.range(), "expected ']' to close the index");
                    }
                    at++;
                    newlines.pop();
                    result = new Index(result, key, result.range().union(close.range()));
                }
            } else {
                return result;
            }
        }
    }

    /** {@code .*} followed by attribute names (and legacy indexes): these apply to every element. */
    private HclExpr attributeSplat(HclExpr source, TextRange marker) {
        SplatItem item = new SplatItem(splats++, marker);
        HclExpr each = item;
        while (peek().is(".")) {
            Token name = next(1);
            if (name.kind() == Kind.IDENT) {
                each = new GetAttr(each, name.text(), each.range().union(name.range()));
            } else if (name.kind() == Kind.NUMBER && name.text().chars().allMatch(Character::isDigit)) {
                each = new Index(each, new Literal(new HclValue.Num(new BigDecimal(name.text())), name.range()),
                        each.range().union(name.range()));
            } else {
                throw error(name.range(), name.is("*") ? "nested splat expressions are not allowed"
                        : "expected an attribute name after '.'");
            }
            at += 2;
        }
        return new Splat(source, item, each, source.range().union(each.range()));
    }

    private HclExpr call(Token name) {
        String fullName = name.text();
        TextRange nameRange = name.range();
        while (peek().is("::")) {
            at++;
            Token part = peek();
            if (part.kind() != Kind.IDENT) {
                throw error(part.range(), "expected a function name after '::'");
            }
            at++;
            fullName += "::" + part.text();
            nameRange = nameRange.union(part.range());
        }
        Token open = peek();
        if (!open.is("(")) {
            throw error(open.range(), "expected '(' after the function name");
        }
        at++;
        enter(open.range());
        newlines.push(false);
        List<HclExpr> args = new ArrayList<>();
        boolean expand = false;
        while (!peek().is(")")) {
            args.add(expression());
            Token separator = peek();
            if (separator.is("...")) {
                at++;
                expand = true;
                if (!peek().is(")")) {
                    throw error(peek().range(), "expected ')' after '...'");
                }
                break;
            }
            if (separator.is(",")) {
                at++;
            } else if (!separator.is(")")) {
                throw error(separator.range(), separator.kind() == Kind.EOF
                        ? "function call '" + fullName + "(' is not closed with ')'"
                        : "expected ',' or ')' in the arguments of " + fullName + ", found '" + describe(separator) + "'");
            }
        }
        Token close = tokens.get(at++);
        newlines.pop();
        depth--;
        return new Call(fullName, args, expand, nameRange, name.range().union(close.range()));
    }

    private HclExpr tuple() {
        Token open = tokens.get(at++);
        enter(open.range());
        newlines.push(false);
        HclExpr result;
        if (peek().isKeyword("for")) {
            result = forExpression(open, "]");
        } else {
            List<HclExpr> items = new ArrayList<>();
            while (!peek().is("]")) {
                items.add(expression());
                Token separator = peek();
                if (separator.is(",")) {
                    at++;
                } else if (!separator.is("]")) {
                    throw error(separator.kind() == Kind.EOF ? open.range() : separator.range(),
                            separator.kind() == Kind.EOF ? "'[' is not closed with ']'"
                                    : "expected ',' or ']' in the list, found '" + describe(separator) + "'");
                }
            }
            result = new Tuple(items, open.range().union(tokens.get(at++).range()));
        }
        newlines.pop();
        depth--;
        return result;
    }

    private HclExpr object() {
        Token open = tokens.get(at++);
        enter(open.range());
        newlines.push(false);
        boolean isFor = peek().isKeyword("for");
        newlines.pop();
        HclExpr result;
        if (isFor) {
            newlines.push(false);
            result = forExpression(open, "}");
            newlines.pop();
        } else {
            newlines.push(true);
            List<ObjectCons.Item> items = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.NEWLINE) {
                    at++;
                    continue;
                }
                if (t.is("}")) {
                    break;
                }
                boolean parenthesized = t.is("(");
                HclExpr key = expression();
                Token separator = peek();
                if (!separator.is("=") && !separator.is(":")) {
                    throw error(separator.kind() == Kind.EOF ? open.range() : separator.range(),
                            separator.kind() == Kind.EOF ? "'{' is not closed with '}'"
                                    : "expected '=' after the key '" + text(key.range()) + "'");
                }
                at++;
                HclExpr value = expression();
                items.add(new ObjectCons.Item(key, !parenthesized && key instanceof Variable, value));
                Token end = peek();
                if (end.is("}")) {
                    break;
                }
                if (!end.is(",") && end.kind() != Kind.NEWLINE) {
                    throw error(end.kind() == Kind.EOF ? open.range() : end.range(),
                            end.kind() == Kind.EOF ? "'{' is not closed with '}'"
                                    : "expected ',' or a new line after an object item, found '" + describe(end) + "'");
                }
                at++;
            }
            result = new ObjectCons(items, open.range().union(tokens.get(at++).range()));
            newlines.pop();
        }
        depth--;
        return result;
    }

    /** After "[" or "{": {@code for k, v in coll : value [if cond]} up to the closer. */
    private HclExpr forExpression(Token open, String closer) {
        at++; // "for"
        Token first = peek();
        if (first.kind() != Kind.IDENT) {
            throw error(first.range(), "expected a variable name after 'for'");
        }
        at++;
        String keyVar = null;
        String valueVar = first.text();
        if (peek().is(",")) {
            at++;
            Token second = peek();
            if (second.kind() != Kind.IDENT) {
                throw error(second.range(), "expected a second variable name after ','");
            }
            at++;
            keyVar = valueVar;
            valueVar = second.text();
        }
        if (!peek().isKeyword("in")) {
            throw error(peek().range(), "expected 'in' in the for expression");
        }
        at++;
        HclExpr collection = expression();
        if (!peek().is(":")) {
            throw error(peek().range(), "expected ':' after the collection of the for expression");
        }
        at++;
        HclExpr key = null;
        HclExpr value = expression();
        if (peek().is("=>")) {
            at++;
            key = value;
            value = expression();
        }
        boolean grouping = false;
        if (peek().is("...")) {
            at++;
            grouping = true;
        }
        HclExpr condition = null;
        if (peek().isKeyword("if")) {
            at++;
            condition = expression();
        }
        Token close = peek();
        if (!close.is(closer)) {
            throw error(close.kind() == Kind.EOF ? open.range() : close.range(),
                    "expected '" + closer + "' to end the for expression, found '" + describe(close) + "'");
        }
        at++;
        boolean object = closer.equals("}");
        if (object && key == null) {
            throw error(value.range(), "an object for expression needs 'key => value'");
        }
        if (!object && (key != null || grouping)) {
            throw error(value.range(), "a list for expression has a single value, without '=>' or '...'");
        }
        return new For(keyVar, valueVar, collection, key, value, condition, grouping, open.range().union(close.range()));
    }

    // ---- templates ----

    /** A quoted string or a heredoc, from its opening token. */
    private Template template() {
        Token open = tokens.get(at++);
        boolean heredoc = open.kind() == Kind.OHEREDOC;
        Kind closer = heredoc ? Kind.CHEREDOC : Kind.CQUOTE;
        enter(open.range());
        List<Part> parts = new ArrayList<>();
        int contentStart = heredoc ? lineAfter(open.range().end()) : open.range().end();
        boolean trimNext = false;
        while (true) {
            Token t = tokens.get(at);
            if (t.kind() == closer) {
                if (t.text().isEmpty() && !heredoc) {
                    problems.add(new ParseProblem(open.range(), "unterminated string"));
                }
                break;
            }
            if (t.kind() == Kind.QUOTED_LIT || t.kind() == Kind.HEREDOC_LIT) {
                at++;
                String value = heredoc ? unescapeHeredoc(t.text()) : unescapeQuoted(t);
                parts.add(new Part(trimNext ? value.stripLeading() : value, t.range(), null, null));
                trimNext = false;
            } else if (t.kind() == Kind.INTERP || t.kind() == Kind.CONTROL) {
                at++;
                if (t.text().endsWith("~") && !parts.isEmpty() && parts.get(parts.size() - 1).literal() != null) {
                    Part last = parts.remove(parts.size() - 1);
                    parts.add(new Part(last.literal().stripTrailing(), last.range(), null, null));
                }
                newlines.push(false);
                Part part = t.kind() == Kind.INTERP ? interpolation(t) : directive(t);
                Token end = peek();
                newlines.pop();
                if (end.kind() != Kind.SEQ_END) {
                    throw error(end.kind() == Kind.EOF || end.kind() == Kind.CQUOTE ? t.range() : end.range(),
                            end.kind() == Kind.EOF || end.kind() == Kind.CQUOTE
                                    ? "'" + t.text() + "' is not closed with '}'"
                                    : "unexpected '" + describe(end) + "' in a template sequence");
                }
                at++;
                trimNext = end.text().startsWith("~");
                parts.add(new Part(null, t.range().union(end.range()), part.expr(), part.directive()));
            } else {
                throw error(open.range(), heredoc ? "heredoc '" + open.text() + "' is never closed"
                        : "unterminated string");
            }
        }
        Token close = tokens.get(at++);
        depth--;
        if (heredoc && open.text().startsWith("<<-")) {
            flush(parts);
        }
        TextRange content = new TextRange(Math.min(contentStart, close.range().start()), close.range().start());
        return assemble(parts, content, open.range().union(close.range()));
    }

    /**
     * A piece of a template before the directives are matched: a literal ({@code literal} set), an
     * interpolation ({@code expr}), or a directive keyword ({@code directive}: if, else, endif,
     * for, endfor) with its expression.
     */
    private record Part(String literal, TextRange range, HclExpr expr, Directive directive) {}

    private record Directive(String keyword, String keyVar, String valueVar, HclExpr expr) {}

    private Part interpolation(Token open) {
        HclExpr expr = expression();
        return new Part(null, open.range(), expr, null);
    }

    private Part directive(Token open) {
        Token keyword = peek();
        if (keyword.kind() != Kind.IDENT) {
            throw error(keyword.range(), "expected if, for, else, endif or endfor after '%{'");
        }
        at++;
        switch (keyword.text()) {
            case "if" -> {
                return new Part(null, open.range(), null, new Directive("if", null, null, expression()));
            }
            case "for" -> {
                Token first = peek();
                if (first.kind() != Kind.IDENT) {
                    throw error(first.range(), "expected a variable name after 'for'");
                }
                at++;
                String keyVar = null;
                String valueVar = first.text();
                if (peek().is(",")) {
                    at++;
                    Token second = peek();
                    if (second.kind() != Kind.IDENT) {
                        throw error(second.range(), "expected a second variable name after ','");
                    }
                    at++;
                    keyVar = valueVar;
                    valueVar = second.text();
                }
                if (!peek().isKeyword("in")) {
                    throw error(peek().range(), "expected 'in' in the for directive");
                }
                at++;
                return new Part(null, open.range(), null, new Directive("for", keyVar, valueVar, expression()));
            }
            case "else", "endif", "endfor" -> {
                return new Part(null, open.range(), null, new Directive(keyword.text(), null, null, null));
            }
            default -> throw error(keyword.range(), "unknown template directive '" + keyword.text()
                    + "': expected if, for, else, endif or endfor");
        }
    }

    /** Matches if/else/endif and for/endfor and builds the template expression. */
    private Template assemble(List<Part> parts, TextRange content, TextRange range) {
        int[] index = {0};
        List<HclExpr> exprs = sequence(parts, index, null);
        if (index[0] < parts.size()) {
            Part stray = parts.get(index[0]);
            throw error(stray.range(), "'%{ " + stray.directive().keyword() + " }' without a matching opening directive");
        }
        boolean passthrough = parts.size() == 1 && parts.get(0).expr() != null;
        return new Template(exprs, passthrough, content, range);
    }

    /** Template parts up to a closing directive ({@code else}, {@code endif}, {@code endfor}) or the end. */
    private List<HclExpr> sequence(List<Part> parts, int[] index, Part opener) {
        List<HclExpr> out = new ArrayList<>();
        while (index[0] < parts.size()) {
            Part part = parts.get(index[0]);
            if (part.literal() != null) {
                out.add(new Literal(HclValue.of(part.literal()), part.range()));
                index[0]++;
            } else if (part.expr() != null) {
                out.add(part.expr());
                index[0]++;
            } else {
                String keyword = part.directive().keyword();
                if (keyword.equals("else") || keyword.equals("endif") || keyword.equals("endfor")) {
                    return out;
                }
                index[0]++;
                List<HclExpr> body = sequence(parts, index, part);
                Part end = index[0] < parts.size() ? parts.get(index[0]) : null;
                if (keyword.equals("if")) {
                    List<HclExpr> otherwise = List.of();
                    if (end != null && end.directive().keyword().equals("else")) {
                        index[0]++;
                        otherwise = sequence(parts, index, part);
                        end = index[0] < parts.size() ? parts.get(index[0]) : null;
                    }
                    requireEnd(part, end, "endif");
                    out.add(new HclExpr.Conditional(part.directive().expr(), joined(body, part.range()),
                            joined(otherwise, end.range()), part.range().union(end.range())));
                } else {
                    requireEnd(part, end, "endfor");
                    Directive d = part.directive();
                    For loop = new For(d.keyVar(), d.valueVar(), d.expr(), null, joined(body, part.range()), null,
                            false, part.range().union(end.range()));
                    out.add(new TemplateJoin(loop, loop.range()));
                }
                index[0]++;
            }
        }
        if (opener != null) {
            throw error(opener.range(), "'%{ " + opener.directive().keyword() + " }' is never closed with '%{ end"
                    + opener.directive().keyword() + " }'");
        }
        return out;
    }

    private void requireEnd(Part opener, Part end, String keyword) {
        if (end == null || !end.directive().keyword().equals(keyword)) {
            throw error(end == null ? opener.range() : end.range(), "expected '%{ " + keyword + " }' to close the '%{ "
                    + opener.directive().keyword() + " }'");
        }
    }

    private static Template joined(List<HclExpr> parts, TextRange at) {
        TextRange range = parts.isEmpty() ? TextRange.at(at.end()) : parts.get(0).range().union(parts.get(parts.size() - 1).range());
        return new Template(parts, false, range, range);
    }

    /** {@code <<-}: removes the smallest indentation of the body's lines from every line. */
    private static void flush(List<Part> parts) {
        int min = Integer.MAX_VALUE;
        boolean lineStart = true;
        for (Part part : parts) {
            if (lineStart && part.literal() != null) {
                String s = part.literal();
                int spaces = s.length() - s.stripLeading().length();
                if (!(s.isBlank() && s.endsWith("\n"))) {
                    min = Math.min(min, spaces);
                }
            } else if (lineStart) {
                min = 0;
            }
            lineStart = part.literal() != null && part.literal().endsWith("\n");
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return;
        }
        lineStart = true;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (lineStart && part.literal() != null && !(part.literal().isBlank() && part.literal().endsWith("\n"))) {
                String s = part.literal();
                int cut = Math.min(min, s.length() - s.stripLeading().length());
                parts.set(i, new Part(s.substring(cut), part.range(), null, null));
            }
            lineStart = part.literal() != null && part.literal().endsWith("\n");
        }
    }

    /** Decodes the escapes of a quoted string piece; a bad escape is a problem. */
    private String unescapeQuoted(Token t) {
        String raw = t.text();
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c == '$' || c == '%') && raw.startsWith(c + "" + c + "{", i)) {
                out.append(c).append('{');
                i += 2;
            } else if (c != '\\') {
                out.append(c);
            } else if (i + 1 >= raw.length()) {
                throw error(new TextRange(t.range().start() + i, t.range().start() + i + 1), "invalid escape '\\' at the end of the string");
            } else {
                char e = raw.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '"', '\\' -> out.append(e);
                    case 'u', 'U' -> {
                        int digits = e == 'u' ? 4 : 8;
                        String hex = raw.substring(i + 1, Math.min(raw.length(), i + 1 + digits));
                        if (hex.length() < digits || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)
                                || !Character.isValidCodePoint(Integer.parseUnsignedInt(hex, 16))) {
                            throw error(new TextRange(t.range().start() + i - 1, t.range().start() + i + 1),
                                    "invalid escape '\\" + e + "': expected " + digits + " hexadecimal digits");
                        }
                        out.appendCodePoint(Integer.parseUnsignedInt(hex, 16));
                        i += digits;
                    }
                    default -> throw error(new TextRange(t.range().start() + i - 1, t.range().start() + i + 1),
                            "invalid escape '\\" + e + "' in a string");
                }
            }
        }
        return out.toString();
    }

    private static String unescapeHeredoc(String raw) {
        return raw.replace("$${", "${").replace("%%{", "%{");
    }

    // ---- helpers ----

    private static String literalString(Template template) {
        if (template.passthrough()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (HclExpr part : template.parts()) {
            if (!(part instanceof Literal literal) || !(literal.value() instanceof HclValue.Str s)) {
                return null;
            }
            out.append(s.value());
        }
        return out.toString();
    }

    private void enter(TextRange at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "expression nested deeper than " + MAX_DEPTH);
        }
    }

    private int lineAfter(int offset) {
        int newline = src.indexOf('\n', offset);
        return newline < 0 ? src.length() : newline + 1;
    }

    private String text(TextRange range) {
        String s = src.substring(range.start(), range.end());
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String describe(Token t) {
        return t.kind() == Kind.NEWLINE ? "new line" : t.kind() == Kind.EOF ? "end of file" : t.text();
    }

    /** The next significant token: newlines are skipped where the current context ignores them. */
    private Token peek() {
        if (!newlines.peek()) {
            while (at < tokens.size() - 1 && tokens.get(at).kind() == Kind.NEWLINE) {
                at++;
            }
        }
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private Token next(int ahead) {
        peek();
        int i = at;
        for (int n = 0; n < ahead && i < tokens.size() - 1; n++) {
            i++;
            while (!newlines.peek() && i < tokens.size() - 1 && tokens.get(i).kind() == Kind.NEWLINE) {
                i++;
            }
        }
        return tokens.get(Math.min(i, tokens.size() - 1));
    }

    private SyntaxError error(TextRange range, String message) {
        problems.add(new ParseProblem(range, message));
        return new SyntaxError();
    }
}
