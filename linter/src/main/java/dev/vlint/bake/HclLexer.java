package dev.vlint.bake;

import dev.vlint.project.ParseProblem;
import dev.vlint.source.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits HCL native syntax into tokens the way hashicorp/hcl's scanner does: a stack of modes
 * (expressions, quoted templates, heredoc templates), where an interpolation ("${") or a directive ("%{") inside
 * a template opens an expression that the matching closing brace ends. Line comments end where their
 * newline is, which stays a token; block comments are blanks. Linear in the input.
 */
final class HclLexer {
    enum Kind {
        IDENT, NUMBER, PUNCT, NEWLINE, EOF, INVALID,
        /** {@code "} opening and closing a quoted template (an empty closer at the line break of an unterminated one), and the raw text between its sequences. */
        OQUOTE, CQUOTE, QUOTED_LIT,
        /** {@code <<EOT} or {@code <<-EOT} (the newline after it included), the closing marker line, body text. */
        OHEREDOC, CHEREDOC, HEREDOC_LIT,
        /** "${" or "${~"; "%{" or "%{~"; the "}" or "~}" closing either. */
        INTERP, CONTROL, SEQ_END
    }

    record Token(Kind kind, String text, TextRange range) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        boolean isKeyword(String word) {
            return kind == Kind.IDENT && text.equals(word);
        }
    }

    private static final String[] OPERATORS = {"...", "==", "!=", "<=", ">=", "&&", "||", "::", "=>"};

    /** One level of the mode stack; {@code braces} is the brace depth at which an expression frame ends. */
    private static final class Frame {
        final char mode; // 'e' expression, 's' quoted string, 'h' heredoc
        final String marker;
        final int braces;
        boolean startOfLine = true;

        Frame(char mode, String marker, int braces) {
            this.mode = mode;
            this.marker = marker;
            this.braces = braces;
        }
    }

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final List<BakeComment> comments;
    private final List<ParseProblem> problems;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int pos;
    private int braces;

    private HclLexer(String src, List<BakeComment> comments, List<ParseProblem> problems) {
        this.src = src;
        this.comments = comments;
        this.problems = problems;
    }

    static List<Token> tokenize(String src, List<BakeComment> comments, List<ParseProblem> problems) {
        HclLexer lexer = new HclLexer(src, comments, problems);
        lexer.frames.push(new Frame('e', null, -1));
        while (lexer.pos < src.length()) {
            switch (lexer.frames.peek().mode) {
                case 's' -> lexer.quoted();
                case 'h' -> lexer.heredoc();
                default -> lexer.expression();
            }
        }
        lexer.tokens.add(new Token(Kind.EOF, "", TextRange.at(src.length())));
        return lexer.tokens;
    }

    private void expression() {
        char c = src.charAt(pos);
        int start = pos;
        if (c == ' ' || c == '\t' || c == '\r' && peek(1) != '\n' || c == '\uFEFF' && pos == 0) {
            pos++;
        } else if (c == '\n' || c == '\r') {
            pos += c == '\r' ? 2 : 1;
            add(Kind.NEWLINE, start);
        } else if (c == '#' || c == '/' && peek(1) == '/') {
            int end = lineEnd(pos);
            if (end > pos && src.charAt(end - 1) == '\r') {
                end--;
            }
            comments.add(new BakeComment(new TextRange(start, end), src.substring(start + (c == '#' ? 1 : 2), end)));
            pos = end;
        } else if (c == '/' && peek(1) == '*') {
            int close = src.indexOf("*/", pos + 2);
            if (close < 0) {
                problems.add(new ParseProblem(new TextRange(start, start + 2), "unterminated block comment"));
            }
            pos = close < 0 ? src.length() : close + 2;
            comments.add(new BakeComment(new TextRange(start, pos), src.substring(start + 2, close < 0 ? pos : close)));
        } else if (c >= '0' && c <= '9') {
            number();
        } else if (Character.isUnicodeIdentifierStart(src.codePointAt(pos)) || c == '_') {
            pos += Character.charCount(src.codePointAt(pos));
            while (pos < src.length() && (isIdentifierPart(src.codePointAt(pos)))) {
                pos += Character.charCount(src.codePointAt(pos));
            }
            add(Kind.IDENT, start);
        } else if (c == '"') {
            pos++;
            add(Kind.OQUOTE, start);
            frames.push(new Frame('s', null, -1));
        } else if (c == '<' && peek(1) == '<' && heredocStart()) {
            return;
        } else if (c == '{') {
            pos++;
            braces++;
            add(Kind.PUNCT, start);
        } else if (c == '}' || c == '~' && peek(1) == '}') {
            closeBrace(c == '~');
        } else {
            punct();
        }
    }

    private static boolean isIdentifierPart(int cp) {
        return cp == '-' || cp == '_' || Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    /** NumberLit: digits, then digits, {@code .digit} and {@code e[+-]digit} runs; never ends with a dot. */
    private void number() {
        int start = pos;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' && isDigit(peek(1))) {
                pos += 2;
            } else if ((c == 'e' || c == 'E') && (isDigit(peek(1)) || (peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)))) {
                pos += isDigit(peek(1)) ? 2 : 3;
            } else {
                break;
            }
        }
        add(Kind.NUMBER, start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A "}" (or "~}") closes the template sequence opened at this brace depth, else an object or block. */
    private void closeBrace(boolean strip) {
        int start = pos;
        pos += strip ? 2 : 1;
        Frame top = frames.peek();
        boolean endsSequence = top.braces >= 0 && top.braces == braces;
        braces--;
        if (endsSequence || strip) {
            add(Kind.SEQ_END, start);
            if (endsSequence) {
                frames.pop();
            }
        } else {
            add(Kind.PUNCT, start);
        }
    }

    private void punct() {
        int start = pos;
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                add(Kind.PUNCT, start);
                return;
            }
        }
        char c = src.charAt(pos);
        pos += Character.charCount(src.codePointAt(pos));
        add("[]().,*/%+-=<>!?:~^;&|'`".indexOf(c) >= 0 ? Kind.PUNCT : Kind.INVALID, start);
    }

    /** {@code <<EOT} or {@code <<-EOT} directly followed by a line break starts a heredoc. */
    private boolean heredocStart() {
        int at = pos + 2;
        if (peek(2) == '-') {
            at++;
        }
        int markerStart = at;
        if (at >= src.length() || !(Character.isUnicodeIdentifierStart(src.codePointAt(at)) || src.charAt(at) == '_')) {
            return false;
        }
        while (at < src.length() && isIdentifierPart(src.codePointAt(at))) {
            at += Character.charCount(src.codePointAt(at));
        }
        String marker = src.substring(markerStart, at);
        int newline = src.startsWith("\r\n", at) ? 2 : src.startsWith("\n", at) ? 1 : 0;
        if (newline == 0) {
            return false;
        }
        tokens.add(new Token(Kind.OHEREDOC, src.substring(pos, at), new TextRange(pos, at)));
        pos = at + newline;
        frames.push(new Frame('h', marker, -1));
        return true;
    }

    private void quoted() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '"') {
            pos++;
            add(Kind.CQUOTE, start);
            frames.pop();
            return;
        }
        if (c == '\n' || c == '\r') {
            // A line break ends the string here: an empty closing quote, which the parser reports.
            tokens.add(new Token(Kind.CQUOTE, "", TextRange.at(pos)));
            frames.pop();
            return;
        }
        if (sequenceStart()) {
            return;
        }
        while (pos < src.length()) {
            c = src.charAt(pos);
            if (c == '"' || c == '\n' || c == '\r' || isSequenceAt(pos)) {
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) != '\n' && src.charAt(pos + 1) != '\r') {
                pos += 2;
            } else {
                pos += isEscapedSequenceAt(pos) ? 3 : 1;
            }
        }
        add(Kind.QUOTED_LIT, start);
    }

    private void heredoc() {
        Frame frame = frames.peek();
        int start = pos;
        if (sequenceStart()) {
            frame.startOfLine = false;
            return;
        }
        while (pos < src.length() && src.charAt(pos) != '\n' && !isSequenceAt(pos)) {
            pos += isEscapedSequenceAt(pos) ? 3 : 1;
        }
        boolean lineEnds = pos >= src.length() || src.charAt(pos) == '\n';
        if (lineEnds && frame.startOfLine && src.substring(start, pos).strip().equals(frame.marker)) {
            int end = pos > start && src.charAt(pos - 1) == '\r' ? pos - 1 : pos;
            tokens.add(new Token(Kind.CHEREDOC, src.substring(start, end), new TextRange(start, end)));
            pos = end;
            frames.pop();
            return;
        }
        if (pos < src.length() && src.charAt(pos) == '\n') {
            pos++;
        }
        frame.startOfLine = lineEnds;
        add(Kind.HEREDOC_LIT, start);
    }

    /** At "${" or "%{" (not escaped as "$${"), emits the opener and enters an expression. */
    private boolean sequenceStart() {
        if (!isSequenceAt(pos)) {
            return false;
        }
        int start = pos;
        boolean interpolation = src.charAt(pos) == '$';
        pos += peek(2) == '~' ? 3 : 2;
        add(interpolation ? Kind.INTERP : Kind.CONTROL, start);
        braces++;
        frames.push(new Frame('e', null, braces));
        return true;
    }

    private boolean isSequenceAt(int at) {
        char c = src.charAt(at);
        return (c == '$' || c == '%') && at + 1 < src.length() && src.charAt(at + 1) == '{';
    }

    /** "$${" and "%%{" stand for a literal "${" and "%{". */
    private boolean isEscapedSequenceAt(int at) {
        char c = src.charAt(at);
        return (c == '$' || c == '%') && src.startsWith(c + "" + c + "{", at);
    }

    private void add(Kind kind, int start) {
        tokens.add(new Token(kind, src.substring(start, pos), new TextRange(start, pos)));
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    private int lineEnd(int from) {
        int end = src.indexOf('\n', from);
        return end < 0 ? src.length() : end;
    }
}
