package dev.vlint.startos;

import dev.vlint.project.ParseProblem;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits TypeScript into tokens and comments with exact ranges. It is no full TypeScript lexer:
 * it knows enough (strings with escapes, template literals with nested {@code ${}} code,
 * comments, numbers, a regex-or-division guess) that version literals are found reliably and
 * odd code does not derail it. Problems (unterminated strings, comments) are listed, never thrown.
 */
public final class TsTokenizer {
    /** Keywords after which a {@code /} starts a regular expression rather than a division. */
    private static final Set<String> REGEX_AFTER = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");
    private static final String[] PUNCTUATION = {">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=",
        "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "**", "<<", ">>"};

    private static final int MAX_TEMPLATE_DEPTH = 100;

    public record Result(List<TsToken> tokens, List<TsComment> comments, List<ParseProblem> problems) {}

    private final String text;
    private final List<TsToken> tokens = new ArrayList<>();
    private final List<TsComment> comments = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private int pos;
    private int templateDepth;

    private TsTokenizer(String text) {
        this.text = text;
    }

    public static Result tokenize(String text) {
        TsTokenizer t = new TsTokenizer(text);
        t.code(false);
        return new Result(List.copyOf(t.tokens), List.copyOf(t.comments), List.copyOf(t.problems));
    }

    /** Reads code; inside a template substitution it stops at the closing brace. */
    private void code(boolean inSubstitution) {
        int braces = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                int end = lineEnd(pos);
                comments.add(new TsComment(new TextRange(start, end), text.substring(start + 2, end), false));
                pos = end;
            } else if (c == '/' && peek(1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                int end = close < 0 ? text.length() : close + 2;
                if (close < 0) {
                    problems.add(new ParseProblem(new TextRange(start, start + 2), "unterminated block comment"));
                }
                comments.add(new TsComment(new TextRange(start, end),
                        text.substring(start + 2, close < 0 ? end : close), true));
                pos = end;
            } else if (c == '\'' || c == '"') {
                string(c);
            } else if (c == '`') {
                template();
            } else if (c == '/' && regexAllowed()) {
                regex();
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number();
            } else if (Character.isJavaIdentifierStart(c) || c == '#') {
                pos++;
                while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                    pos++;
                }
                add(TsToken.Kind.IDENTIFIER, start);
            } else {
                if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    if (inSubstitution && braces == 0) {
                        return;
                    }
                    braces--;
                }
                punctuation();
            }
        }
    }

    private void punctuation() {
        int start = pos;
        for (String p : PUNCTUATION) {
            if (text.startsWith(p, pos)) {
                pos += p.length();
                add(TsToken.Kind.PUNCTUATION, start);
                return;
            }
        }
        pos += Character.charCount(text.codePointAt(pos));
        add(TsToken.Kind.PUNCTUATION, start);
    }

    private void string(char quote) {
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                pos = Math.min(text.length(), pos + 2);
            } else if (c == quote) {
                pos++;
                add(TsToken.Kind.STRING, start);
                return;
            } else if (c == '\n' || c == '\r') {
                break;
            } else {
                pos++;
            }
        }
        problems.add(new ParseProblem(new TextRange(start, pos), "unterminated string literal"));
        add(TsToken.Kind.STRING, start);
    }

    private void template() {
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                pos = Math.min(text.length(), pos + 2);
            } else if (c == '`') {
                pos++;
                add(TsToken.Kind.TEMPLATE, start);
                return;
            } else if (c == '$' && peek(1) == '{') {
                if (templateDepth >= MAX_TEMPLATE_DEPTH) {
                    problems.add(new ParseProblem(new TextRange(start, pos), "template literals nested too deep"));
                    pos = text.length();
                    break;
                }
                // the substitution is read as code, so its strings and braces cannot end the
                // template; its tokens are dropped and the template token spans it
                pos += 2;
                int tokenCount = tokens.size();
                templateDepth++;
                code(true);
                templateDepth--;
                tokens.subList(tokenCount, tokens.size()).clear();
                pos = Math.min(text.length(), pos + 1);
            } else {
                pos++;
            }
        }
        problems.add(new ParseProblem(new TextRange(start, pos), "unterminated template literal"));
        add(TsToken.Kind.TEMPLATE, start);
    }

    private void regex() {
        int start = pos++;
        boolean inClass = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                break;
            }
            pos++;
            if (c == '\\') {
                pos = Math.min(text.length(), pos + 1);
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                    pos++;
                }
                add(TsToken.Kind.REGEX, start);
                return;
            }
        }
        // not a regex after all: take the slash as division and go on after it
        pos = start + 1;
        add(TsToken.Kind.PUNCTUATION, start);
    }

    private void number() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')
                    && !text.startsWith("0x", start) && !text.startsWith("0X", start);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        add(TsToken.Kind.NUMBER, start);
    }

    private boolean regexAllowed() {
        if (tokens.isEmpty()) {
            return true;
        }
        TsToken last = tokens.get(tokens.size() - 1);
        return switch (last.kind()) {
            case IDENTIFIER -> REGEX_AFTER.contains(last.text());
            case PUNCTUATION -> !(last.text().equals(")") || last.text().equals("]") || last.text().equals("}")
                    || last.text().equals("++") || last.text().equals("--"));
            default -> false;
        };
    }

    private void add(TsToken.Kind kind, int start) {
        tokens.add(new TsToken(kind, text.substring(start, pos), new TextRange(start, pos)));
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    private int lineEnd(int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }
}
