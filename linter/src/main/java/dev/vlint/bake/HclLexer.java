package dev.vlint.bake;

import dev.vlint.project.ParseProblem;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL into the tokens the bake parser needs. Strings keep {@code ${...}} and
 * {@code %{...}} template sequences as written (nested quotes and braces included); heredocs
 * ({@code <<EOT}, {@code <<-EOT}) become strings whose range is their body. Newlines are tokens
 * because they end attributes.
 */
final class HclLexer {
    enum Kind { IDENT, STRING, NUMBER, PUNCT, NEWLINE, EOF }

    /** {@code text} is decoded for strings; {@code content} is the range inside quotes (or the heredoc body). */
    record Token(Kind kind, String text, TextRange range, TextRange content) {
        boolean isPunct(String p) {
            return kind == Kind.PUNCT && text.equals(p);
        }
    }

    private static final int MAX_TEMPLATE_DEPTH = 50;
    private static final String[] OPERATORS = {"...", "==", "!=", "<=", ">=", "&&", "||", "=>"};

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final List<BakeComment> comments;
    private final List<ParseProblem> problems;
    private int pos;

    private HclLexer(String src, List<BakeComment> comments, List<ParseProblem> problems) {
        this.src = src;
        this.comments = comments;
        this.problems = problems;
    }

    static List<Token> tokenize(String src, List<BakeComment> comments, List<ParseProblem> problems) {
        HclLexer lexer = new HclLexer(src, comments, problems);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int start = pos;
            if (c == '\n') {
                pos++;
                tokens.add(new Token(Kind.NEWLINE, "\n", new TextRange(start, pos), null));
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                int end = lineEnd(pos);
                comments.add(new BakeComment(new TextRange(start, end), src.substring(start + (c == '#' ? 1 : 2), end)));
                pos = end;
            } else if (c == '/' && peek(1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) {
                    problems.add(new ParseProblem(new TextRange(start, start + 2), "unterminated block comment"));
                }
                pos = close < 0 ? src.length() : close + 2;
                comments.add(new BakeComment(new TextRange(start, pos),
                        src.substring(start + 2, close < 0 ? pos : close)));
            } else if (c == '"') {
                quoted();
            } else if (c == '<' && peek(1) == '<' && heredoc()) {
                continue;
            } else if (Character.isDigit(c)) {
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                add(Kind.NUMBER, start);
            } else if (Character.isLetter(c) || c == '_') {
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                        || src.charAt(pos) == '-')) {
                    pos++;
                }
                add(Kind.IDENT, start);
            } else {
                punct();
            }
        }
        tokens.add(new Token(Kind.EOF, "", TextRange.at(src.length()), null));
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
        pos += Character.charCount(src.codePointAt(pos));
        add(Kind.PUNCT, start);
    }

    private void quoted() {
        int start = pos++;
        StringBuilder text = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                tokens.add(new Token(Kind.STRING, text.toString(), new TextRange(start, pos),
                        new TextRange(start + 1, pos - 1)));
                return;
            }
            if (c == '\n') {
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char e = src.charAt(pos + 1);
                text.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
                pos += 2;
            } else if ((c == '$' || c == '%') && peek(1) == '{') {
                int end = templateEnd(pos + 2, 0);
                text.append(src, pos, end);
                pos = end;
            } else {
                text.append(c);
                pos++;
            }
        }
        problems.add(new ParseProblem(new TextRange(start, pos), "unterminated string"));
        tokens.add(new Token(Kind.STRING, text.toString(), new TextRange(start, pos), new TextRange(start + 1, pos)));
    }

    /** The offset just past the brace closing a template sequence whose body starts at {@code from}. */
    private int templateEnd(int from, int depth) {
        int at = from;
        int braces = 0;
        while (at < src.length() && depth < MAX_TEMPLATE_DEPTH) {
            char c = src.charAt(at);
            if (c == '\n' && braces == 0 && depth == 0) {
                return at; // leave the line break to end the string with a problem
            }
            if (c == '{') {
                braces++;
            } else if (c == '}') {
                if (braces-- == 0) {
                    return at + 1;
                }
            } else if (c == '"') {
                at++;
                while (at < src.length() && src.charAt(at) != '"' && src.charAt(at) != '\n') {
                    if (src.charAt(at) == '\\') {
                        at++;
                    } else if ((src.charAt(at) == '$' || src.charAt(at) == '%') && at + 1 < src.length()
                            && src.charAt(at + 1) == '{') {
                        at = templateEnd(at + 2, depth + 1) - 1;
                    }
                    at++;
                }
            }
            at++;
        }
        return Math.min(at, src.length());
    }

    /** Reads {@code <<EOT ... EOT}; false (nothing consumed) when {@code <<} does not start a heredoc. */
    private boolean heredoc() {
        int start = pos;
        int at = pos + 2;
        if (at < src.length() && src.charAt(at) == '-') {
            at++;
        }
        int markerStart = at;
        while (at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '_')) {
            at++;
        }
        String marker = src.substring(markerStart, at);
        int lineEnd = lineEnd(at);
        if (marker.isEmpty() || !src.substring(at, lineEnd).isBlank() || lineEnd == src.length()) {
            return false;
        }
        int bodyStart = lineEnd + 1;
        int line = bodyStart;
        while (line < src.length()) {
            int end = lineEnd(line);
            if (src.substring(line, end).strip().equals(marker)) {
                tokens.add(new Token(Kind.STRING, src.substring(bodyStart, line), new TextRange(start, end),
                        new TextRange(bodyStart, line)));
                pos = end;
                return true;
            }
            line = end + 1;
        }
        problems.add(new ParseProblem(new TextRange(start, lineEnd), "heredoc '" + marker + "' is never closed"));
        tokens.add(new Token(Kind.STRING, src.substring(bodyStart), new TextRange(start, src.length()),
                new TextRange(bodyStart, src.length())));
        pos = src.length();
        return true;
    }

    private void add(Kind kind, int start) {
        tokens.add(new Token(kind, src.substring(start, pos), new TextRange(start, pos), null));
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    private int lineEnd(int from) {
        int end = src.indexOf('\n', from);
        return end < 0 ? src.length() : end;
    }
}
