package dev.vlint.bake;

import dev.vlint.bake.HclLexer.Kind;
import dev.vlint.bake.HclLexer.Token;
import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code docker-bake.hcl} into blocks and attributes. It covers the HCL that bake files
 * use (blocks with labels, attributes, strings, heredocs, lists, maps) and keeps any other
 * expression as written; it does not evaluate anything. Never throws: a construct it cannot read
 * becomes a {@link ParseProblem} and parsing resumes at the next line.
 */
public final class BakeParser {
    public static final ModelKey<BakeFile> KEY = new ModelKey<>("bake", BakeParser::parse);

    private static final int MAX_DEPTH = 100;

    private final String src;
    private final List<Token> tokens;
    private final List<ParseProblem> problems;
    private int at;
    private int depth;

    private BakeParser(String src, List<Token> tokens, List<ParseProblem> problems) {
        this.src = src;
        this.tokens = tokens;
        this.problems = problems;
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

    private void body(List<BakeAttribute> attributes, List<BakeBlock> blocks, boolean nested) {
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.kind() == Kind.EOF || (nested && t.isPunct("}"))) {
                return;
            }
            if (t.kind() != Kind.IDENT) {
                problem(t.range(), "expected an attribute or block name, found '" + t.text() + "'");
                skipLine();
                continue;
            }
            at++;
            if (peek().isPunct("=")) {
                at++;
                BakeValue value = value();
                attributes.add(new BakeAttribute(t.text(), t.range(), value, t.range().union(value.range())));
                endOfLine();
            } else {
                BakeBlock block = block(t);
                if (block != null) {
                    blocks.add(block);
                }
            }
        }
    }

    private BakeBlock block(Token type) {
        List<String> labels = new ArrayList<>();
        List<TextRange> labelRanges = new ArrayList<>();
        while (peek().kind() == Kind.STRING || peek().kind() == Kind.IDENT) {
            Token label = tokens.get(at++);
            labels.add(label.text());
            labelRanges.add(label.kind() == Kind.STRING ? label.content() : label.range());
        }
        if (!peek().isPunct("{")) {
            problem(peek().range(), "expected '=' or '{' after '" + type.text() + "'");
            skipLine();
            return null;
        }
        at++;
        List<BakeAttribute> attributes = new ArrayList<>();
        List<BakeBlock> blocks = new ArrayList<>();
        if (++depth > MAX_DEPTH) {
            problem(type.range(), "blocks nested deeper than " + MAX_DEPTH);
            at = tokens.size() - 1;
        } else {
            body(attributes, blocks, true);
        }
        depth--;
        int end = peek().range().end();
        if (peek().isPunct("}")) {
            at++;
        } else {
            problem(type.range(), "block '" + type.text() + "' is not closed with '}'");
        }
        return new BakeBlock(type.text(), labels, labelRanges, new TextRange(type.range().start(), end),
                attributes, blocks);
    }

    /**
     * A string, list or map when the value is just that; otherwise the whole expression up to the
     * end of the attribute (or list item, or map entry), kept as written.
     */
    private BakeValue value() {
        int start = at;
        int problemCount = problems.size();
        BakeValue simple = null;
        Token t = peek();
        if (depth < MAX_DEPTH) {
            depth++;
            if (t.kind() == Kind.STRING) {
                at++;
                simple = BakeValue.string(t.text(), t.content());
            } else if (t.isPunct("[")) {
                simple = list();
            } else if (t.isPunct("{")) {
                simple = map();
            }
            depth--;
        }
        if (simple != null && atValueEnd()) {
            return simple;
        }
        if (simple != null) {
            problems.subList(problemCount, problems.size()).clear(); // e.g. "a" + "b": an expression after all
        }
        at = start;
        return expression();
    }

    private BakeValue list() {
        Token open = tokens.get(at++);
        List<BakeValue> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (peek().isPunct("]") || peek().kind() == Kind.EOF) {
                break;
            }
            int before = at;
            items.add(value());
            skipNewlines();
            if (peek().isPunct(",")) {
                at++;
            } else if (!peek().isPunct("]")) {
                problem(peek().range(), "expected ',' or ']' in list");
                if (at == before) {
                    at++;
                }
                return null;
            }
        }
        return close(open, "]", BakeValue.list(new TextRange(open.range().start(), peek().range().end()), items));
    }

    private BakeValue map() {
        Token open = tokens.get(at++);
        List<BakeAttribute> entries = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (peek().isPunct("}") || peek().kind() == Kind.EOF) {
                break;
            }
            Token key = tokens.get(at);
            if ((key.kind() != Kind.IDENT && key.kind() != Kind.STRING) || !(next(1).isPunct("=") || next(1).isPunct(":"))) {
                problem(key.range(), "expected 'key = value' in map");
                return null;
            }
            at += 2;
            BakeValue value = value();
            TextRange keyRange = key.kind() == Kind.STRING ? key.content() : key.range();
            entries.add(new BakeAttribute(key.text(), keyRange, value, key.range().union(value.range())));
            if (peek().isPunct(",")) {
                at++;
            } else if (!peek().isPunct("}") && peek().kind() != Kind.NEWLINE) {
                problem(peek().range(), "expected ',' or a new line after a map entry");
                return null;
            }
        }
        return close(open, "}", BakeValue.map(new TextRange(open.range().start(), peek().range().end()), entries));
    }

    private BakeValue close(Token open, String closer, BakeValue value) {
        if (!peek().isPunct(closer)) {
            problem(open.range(), "'" + open.text() + "' is not closed with '" + closer + "'");
            return null;
        }
        at++;
        return value;
    }

    /** Consumes tokens up to a newline, ',' or an unmatched closing bracket outside brackets. */
    private BakeValue expression() {
        int start = peek().range().start();
        int end = start;
        int nesting = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.EOF) {
                if (nesting > 0) {
                    problem(TextRange.at(start), "expression has unclosed brackets");
                }
                break;
            }
            if (nesting == 0 && (t.kind() == Kind.NEWLINE || t.isPunct(",") || isCloser(t))) {
                break;
            }
            if (t.isPunct("(") || t.isPunct("[") || t.isPunct("{")) {
                nesting++;
            } else if (isCloser(t)) {
                nesting--;
            }
            if (t.kind() != Kind.NEWLINE) {
                end = t.range().end();
            }
            at++;
        }
        if (end == start) {
            problem(peek().range(), "expected a value");
        }
        return BakeValue.expression(src.substring(start, end), new TextRange(start, end));
    }

    private boolean atValueEnd() {
        Token t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || t.isPunct(",") || isCloser(t);
    }

    private static boolean isCloser(Token t) {
        return t.isPunct(")") || t.isPunct("]") || t.isPunct("}");
    }

    private void endOfLine() {
        Token t = peek();
        if (t.kind() != Kind.NEWLINE && t.kind() != Kind.EOF && !t.isPunct("}")) {
            problem(t.range(), "unexpected '" + t.text() + "' after attribute value");
            skipLine();
        }
    }

    private void skipLine() {
        while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.EOF) {
            at++;
        }
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            at++;
        }
    }

    private Token peek() {
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private Token next(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private void problem(TextRange range, String message) {
        problems.add(new ParseProblem(range, message));
    }
}
