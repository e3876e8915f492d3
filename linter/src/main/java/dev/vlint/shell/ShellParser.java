package dev.vlint.shell;

import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.shell.Command.BraceGroup;
import dev.vlint.shell.Command.CaseCommand;
import dev.vlint.shell.Command.CaseItem;
import dev.vlint.shell.Command.ForCommand;
import dev.vlint.shell.Command.FunctionDef;
import dev.vlint.shell.Command.IfBranch;
import dev.vlint.shell.Command.IfCommand;
import dev.vlint.shell.Command.Subshell;
import dev.vlint.shell.Command.WhileCommand;
import dev.vlint.shell.WordPart.Arithmetic;
import dev.vlint.shell.WordPart.CommandSubstitution;
import dev.vlint.shell.WordPart.DoubleQuoted;
import dev.vlint.shell.WordPart.Escaped;
import dev.vlint.shell.WordPart.Literal;
import dev.vlint.shell.WordPart.Parameter;
import dev.vlint.shell.WordPart.SingleQuoted;
import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recovering parser for POSIX/bash shell as found in RUN instructions, workflow {@code run:}
 * blocks and scripts. It works on {@link MappedText} so every range points into the original
 * file. It never throws: unterminated quotes, substitutions, here-documents and compound
 * commands become {@link ParseProblem}s and parsing goes on.
 */
public final class ShellParser {
    /** A whole {@code .sh} file. */
    public static final ModelKey<ShellScript> KEY = new ModelKey<>("shell",
            file -> parse(MappedText.slice(file, new TextRange(0, file.text().length()))));

    private static final int MAX_DEPTH = 100;
    /** Reserved words that end a list inside a compound command. */
    private static final Set<String> CLOSERS = Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}");
    private static final String[] REDIRECT_OPERATORS = {
        "<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">&", ">|", ">", "&>>", "&>"};

    private final MappedText src;
    private final String s;
    private final int n;
    private int pos;
    private int depth;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    /** The newline after which pending here-document bodies start, or -1. */
    private int heredocNewline = -1;
    /** Where parsing resumes once that newline is reached (after the last pending body). */
    private int heredocResume = -1;

    private ShellParser(MappedText src, int depth) {
        this.src = src;
        this.s = src.text();
        this.n = s.length();
        this.depth = depth;
    }

    public static Parsed<ShellScript> parse(MappedText text) {
        ShellParser parser = new ShellParser(text, 0);
        List<Command> body;
        try {
            body = parser.parseList(false);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not take the whole lint run down; report it where parsing stopped.
            parser.problem(Math.min(parser.pos, parser.n), parser.n, "internal shell parser error: " + e);
            body = List.of();
        }
        ShellScript script = new ShellScript(body, parser.comments, text.fileRange(0, text.length()));
        return new Parsed<>(script, parser.problems);
    }

    // ---- lists and commands ----

    /**
     * Parses commands up to the end of input. A nested list (inside a compound command or a
     * substitution) also stops at {@code )}, {@code ;;} and closing reserved words, which the
     * caller expects; at top level these are reported and skipped.
     */
    private List<Command> parseList(boolean nested) {
        List<Command> out = new ArrayList<>();
        Connector next = Connector.NONE;
        while (true) {
            skipSeparators(false);
            if (pos >= n) {
                break;
            }
            char c = s.charAt(pos);
            if (c == ')' || startsWith(";;") || startsWith(";&")) {
                if (nested) {
                    break;
                }
                int len = c == ')' ? 1 : startsWith(";;&") ? 3 : 2;
                problem(pos, pos + len, "unexpected '" + s.substring(pos, pos + len) + "'");
                pos += len;
                continue;
            }
            if (c == ';') {
                problem(pos, pos + 1, "unexpected ';'");
                pos++;
                continue;
            }
            String keyword = peekReserved();
            if (isCloser(keyword)) {
                if (nested) {
                    break;
                }
                problem(pos, pos + keyword.length(), "unexpected '" + keyword + "'");
                pos += keyword.length();
                continue;
            }
            int before = pos;
            Command command = parseCommand(next);
            if (command != null) {
                out.add(command);
            }
            if (pos == before) {
                problem(pos, pos + 1, "unexpected '" + s.charAt(pos) + "'");
                pos++;
            }
            skipBlanks();
            int opStart = pos;
            next = parseOperator();
            if (next == null) {
                break;
            }
            if (next == Connector.AND || next == Connector.OR || next == Connector.PIPE) {
                skipSeparators(true);
                if (pos >= n || s.charAt(pos) == ')' || (nested && isCloser(peekReserved()))) {
                    problem(opStart, pos, "missing command after operator");
                }
            }
        }
        return out;
    }

    /** Reads the operator after a command; null when the list ends here. */
    private Connector parseOperator() {
        skipBlanks();
        if (pos >= n) {
            return null;
        }
        char c = s.charAt(pos);
        if (c == '#') {
            skipComment();
            return pos < n ? parseOperator() : null;
        }
        if (startsWith("&&")) {
            pos += 2;
            return Connector.AND;
        }
        if (startsWith("||")) {
            pos += 2;
            return Connector.OR;
        }
        if (startsWith("|&")) {
            pos += 2;
            return Connector.PIPE;
        }
        if (c == '|') {
            pos++;
            return Connector.PIPE;
        }
        if (startsWith(";;") || startsWith(";&")) {
            return Connector.SEMICOLON; // the list loop decides whether this ends a case item
        }
        if (c == ';') {
            pos++;
            return Connector.SEMICOLON;
        }
        if (c == '&') {
            pos++;
            return Connector.BACKGROUND;
        }
        if (c == '\n') {
            consumeNewline();
            return Connector.NEWLINE;
        }
        return Connector.SEMICOLON; // ')' or a stray token: the list loop reports or stops
    }

    private Command parseCommand(Connector connector) {
        if (depth >= MAX_DEPTH) {
            problem(pos, n, "commands nested too deeply");
            pos = n;
            return null;
        }
        depth++;
        try {
            if (startsWith("((") && closesAsArithmetic(pos + 2)) {
                return parseArithmeticCommand(connector);
            }
            if (s.charAt(pos) == '(') {
                return parseSubshell(connector);
            }
            String keyword = peekReserved();
            if (keyword != null) {
                switch (keyword) {
                    case "{":
                        return parseBraceGroup(connector);
                    case "if":
                        return parseIf(connector);
                    case "for":
                        return parseFor(connector);
                    case "while":
                    case "until":
                        return parseWhile(connector, keyword.equals("until"));
                    case "case":
                        return parseCase(connector);
                    case "function":
                        return parseFunctionKeyword(connector);
                    case "!":
                        pos++;
                        skipBlanks();
                        return pos < n && (!isMeta(s.charAt(pos)) || s.charAt(pos) == '(')
                                ? parseCommand(connector) : null;
                    default:
                        break;
                }
            }
            return parseSimpleCommand(connector);
        } finally {
            depth--;
        }
    }

    private Command parseSubshell(Connector connector) {
        int start = pos;
        pos++;
        List<Command> body = parseList(true);
        expectChar(')', start, "unterminated subshell: missing ')'");
        int end = pos;
        List<Redirection> redirections = new ArrayList<>();
        end = trailingRedirections(redirections, end);
        return new Subshell(body, redirections, connector, range(start, end));
    }

    /** {@code (( expr ))}: a command made of one arithmetic word. */
    private Command parseArithmeticCommand(Connector connector) {
        int start = pos;
        int exprEnd = skipArithmetic(start, start + 2);
        Arithmetic arithmetic = new Arithmetic(s.substring(start + 2, exprEnd), range(start, pos));
        Word word = new Word(src, start, pos, List.of(arithmetic));
        List<Redirection> redirections = new ArrayList<>();
        int end = trailingRedirections(redirections, pos);
        return new SimpleCommand(List.of(), List.of(word), redirections, connector, range(start, end));
    }

    private Command parseBraceGroup(Connector connector) {
        int start = pos;
        pos++;
        List<Command> body = parseList(true);
        expectKeyword("}", start, "{");
        List<Redirection> redirections = new ArrayList<>();
        int end = trailingRedirections(redirections, pos);
        return new BraceGroup(body, redirections, connector, range(start, end));
    }

    private Command parseIf(Connector connector) {
        int start = pos;
        pos += 2;
        List<IfBranch> branches = new ArrayList<>();
        List<Command> elseBody = List.of();
        List<Command> condition = parseList(true);
        if (expectKeyword("then", start, "if")) {
            branches.add(new IfBranch(condition, parseList(true)));
            while ("elif".equals(peekReserved())) {
                int elif = pos;
                pos += 4;
                condition = parseList(true);
                if (!expectKeyword("then", elif, "elif")) {
                    break;
                }
                branches.add(new IfBranch(condition, parseList(true)));
            }
            if ("else".equals(peekReserved())) {
                pos += 4;
                elseBody = parseList(true);
            }
            expectKeyword("fi", start, "if");
        } else {
            branches.add(new IfBranch(condition, List.of()));
        }
        List<Redirection> redirections = new ArrayList<>();
        int end = trailingRedirections(redirections, pos);
        return new IfCommand(branches, elseBody, redirections, connector, range(start, end));
    }

    private Command parseFor(Connector connector) {
        int start = pos;
        pos += 3;
        skipBlanks();
        String variable = null;
        List<Word> items = null;
        if (startsWith("((")) {
            skipArithmetic(pos, pos + 2);
        } else {
            Word name = readWord();
            variable = name == null ? null : name.raw();
            skipSeparators(true);
            if ("in".equals(peekReserved())) {
                pos += 2;
                items = new ArrayList<>();
                while (true) {
                    skipBlanks();
                    Word item = pos < n && !isMeta(s.charAt(pos)) && s.charAt(pos) != '#' ? readWord() : null;
                    if (item == null) {
                        break;
                    }
                    items.add(item);
                }
            }
        }
        List<Command> body = List.of();
        skipSeparators(true);
        if (expectKeyword("do", start, "for")) {
            body = parseList(true);
            expectKeyword("done", start, "for");
        }
        List<Redirection> redirections = new ArrayList<>();
        int end = trailingRedirections(redirections, pos);
        return new ForCommand(variable, items, body, redirections, connector, range(start, end));
    }

    private Command parseWhile(Connector connector, boolean until) {
        int start = pos;
        String keyword = until ? "until" : "while";
        pos += keyword.length();
        List<Command> condition = parseList(true);
        List<Command> body = List.of();
        if (expectKeyword("do", start, keyword)) {
            body = parseList(true);
            expectKeyword("done", start, keyword);
        }
        List<Redirection> redirections = new ArrayList<>();
        int end = trailingRedirections(redirections, pos);
        return new WhileCommand(until, condition, body, redirections, connector, range(start, end));
    }

    private Command parseCase(Connector connector) {
        int start = pos;
        pos += 4;
        skipBlanks();
        Word subject = pos < n && !isMeta(s.charAt(pos)) ? readWord() : null;
        skipSeparators(true);
        List<CaseItem> items = new ArrayList<>();
        if (expectKeyword("in", start, "case")) {
            while (true) {
                skipSeparators(true);
                if (pos >= n || "esac".equals(peekReserved())) {
                    break;
                }
                int itemStart = pos;
                if (s.charAt(pos) == '(') {
                    pos++;
                }
                List<Word> patterns = new ArrayList<>();
                while (true) {
                    skipBlanks();
                    Word pattern = pos < n && !isMeta(s.charAt(pos)) ? readWord() : null;
                    if (pattern != null) {
                        patterns.add(pattern);
                    }
                    skipBlanks();
                    if (pos < n && s.charAt(pos) == '|') {
                        pos++;
                        continue;
                    }
                    break;
                }
                if (pos < n && s.charAt(pos) == ')') {
                    pos++;
                } else {
                    problem(itemStart, Math.max(pos, itemStart + 1), "case pattern without ')'");
                    if (pos == itemStart) {
                        pos++;
                        continue;
                    }
                }
                List<Command> body = parseList(true);
                int itemEnd = pos;
                if (startsWith(";;&")) {
                    pos += 3;
                } else if (startsWith(";;") || startsWith(";&")) {
                    pos += 2;
                } else if (!"esac".equals(peekReserved()) && pos < n) {
                    break; // a ')' or other closer that belongs to an enclosing command
                }
                items.add(new CaseItem(patterns, body, range(itemStart, Math.max(itemEnd, itemStart))));
            }
            expectKeyword("esac", start, "case");
        }
        List<Redirection> redirections = new ArrayList<>();
        int end = trailingRedirections(redirections, pos);
        return new CaseCommand(subject, items, redirections, connector, range(start, end));
    }

    private Command parseFunctionKeyword(Connector connector) {
        int start = pos;
        pos += "function".length();
        skipBlanks();
        Word name = pos < n && !isMeta(s.charAt(pos)) ? readWord() : null;
        skipBlanks();
        int save = pos;
        if (pos < n && s.charAt(pos) == '(') {
            pos++;
            skipBlanks();
            if (pos < n && s.charAt(pos) == ')') {
                pos++;
            } else {
                pos = save;
            }
        }
        return functionBody(name == null ? "" : name.raw(), start, connector);
    }

    private Command functionBody(String name, int start, Connector connector) {
        skipSeparators(true);
        Command body = null;
        if (pos < n && !isMeta(s.charAt(pos)) || pos < n && s.charAt(pos) == '(') {
            body = parseCommand(Connector.NONE);
        }
        if (body == null) {
            problem(start, Math.max(pos, start + 1), "function '" + name + "' without a body");
        }
        return new FunctionDef(name, body, connector, range(start, pos));
    }

    private Command parseSimpleCommand(Connector connector) {
        int start = pos;
        int end = pos;
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirection> redirections = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= n || s.charAt(pos) == '#') {
                break;
            }
            if (isRedirectionStart()) {
                redirections.add(parseRedirection());
                end = pos;
                continue;
            }
            if (isMeta(s.charAt(pos)) && !isProcessSubstitution()) {
                break;
            }
            Word word = readWord();
            if (word == null) {
                break;
            }
            end = pos;
            if (words.isEmpty()) {
                Assignment assignment = Assignment.parse(word);
                if (assignment != null) {
                    if (word.raw().endsWith("=") && pos < n && s.charAt(pos) == '(') {
                        word = readArrayValue(word);
                        assignment = Assignment.parse(word);
                        end = pos;
                    }
                    assignments.add(assignment);
                    continue;
                }
            }
            words.add(word);
            if (words.size() == 1 && word.raw().equals("[[")) {
                readTestExpression(words, pos - 2);
                end = pos;
            }
            if (words.size() == 1 && assignments.isEmpty() && redirections.isEmpty() && atFunctionParens()) {
                return functionBody(word.raw(), start, connector);
            }
        }
        pos = end;
        if (start == end) {
            return null;
        }
        return new SimpleCommand(assignments, words, redirections, connector, range(start, end));
    }

    /**
     * Inside {@code [[ ]]}, operators such as {@code &&}, {@code <} and parentheses are words of the
     * test. A line break may stand after {@code &&}, {@code ||}, {@code (} or {@code !} (bash accepts
     * a test spread over lines); elsewhere the test is taken as unclosed, so parsing goes on at the next line.
     */
    private void readTestExpression(List<Word> words, int open) {
        while (true) {
            skipBlanks();
            String last = words.get(words.size() - 1).raw();
            while (pos < n && s.charAt(pos) == '\n' && Set.of("&&", "||", "(", "!").contains(last)) {
                pos++;
                skipBlanks();
            }
            if (pos >= n || s.charAt(pos) == '\n' || s.charAt(pos) == ';') {
                problem(open, open + 2, "'[[' without ']]'");
                return;
            }
            char c = s.charAt(pos);
            Word word;
            if ("&|<>()".indexOf(c) >= 0) {
                int start = pos;
                pos += (c == '&' || c == '|') && pos + 1 < n && s.charAt(pos + 1) == c ? 2 : 1;
                word = new Word(src, start, pos, List.of(new Literal(s.substring(start, pos), range(start, pos))));
            } else {
                word = readWord();
            }
            words.add(word);
            if (word.raw().equals("]]")) {
                return;
            }
        }
    }

    /** After a function name: {@code ( )} follows; consumes it if so. */
    private boolean atFunctionParens() {
        int save = pos;
        skipBlanks();
        if (pos < n && s.charAt(pos) == '(') {
            pos++;
            skipBlanks();
            if (pos < n && s.charAt(pos) == ')') {
                pos++;
                return true;
            }
        }
        pos = save;
        return false;
    }

    /**
     * {@code name=(a b c)}: the elements are read as words (quotes, substitutions, comments and
     * newlines as bash reads them) and the array text is kept as one literal part.
     */
    private Word readArrayValue(Word prefix) {
        int wordStart = pos - prefix.raw().length();
        int open = pos;
        pos++;
        while (true) {
            skipSeparators(false);
            if (pos >= n) {
                problem(open, open + 1, "unterminated array: missing ')'");
                break;
            }
            if (s.charAt(pos) == ')') {
                pos++;
                break;
            }
            if (readWord() == null) {
                problem(pos, pos + 1, "unexpected '" + s.charAt(pos) + "' in array");
                pos++;
            }
        }
        List<WordPart> parts = new ArrayList<>(prefix.parts());
        parts.add(new Literal(s.substring(open, pos), range(open, pos)));
        return new Word(src, wordStart, pos, parts);
    }

    private int trailingRedirections(List<Redirection> out, int end) {
        while (true) {
            int save = pos;
            skipBlanks();
            if (pos < n && isRedirectionStart()) {
                out.add(parseRedirection());
                end = pos;
            } else {
                pos = save;
                return end;
            }
        }
    }

    // ---- redirections and here-documents ----

    private boolean isRedirectionStart() {
        int j = pos;
        while (j < n && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j >= n) {
            return false;
        }
        char c = s.charAt(j);
        if (c == '<' || c == '>') {
            return j + 1 >= n || s.charAt(j + 1) != '(';
        }
        return j == pos && c == '&' && j + 1 < n && s.charAt(j + 1) == '>';
    }

    private boolean isProcessSubstitution() {
        char c = s.charAt(pos);
        return (c == '<' || c == '>') && pos + 1 < n && s.charAt(pos + 1) == '(';
    }

    private Redirection parseRedirection() {
        int start = pos;
        while (Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        String fd = pos > start ? s.substring(start, pos) : null;
        String operator = ">";
        for (String candidate : REDIRECT_OPERATORS) {
            if (startsWith(candidate)) {
                operator = candidate;
                break;
            }
        }
        pos += operator.length();
        skipBlanks();
        Word target = pos < n && (!isMeta(s.charAt(pos)) || isProcessSubstitution()) ? readWord() : null;
        if (target == null) {
            problem(start, pos, "redirection '" + operator + "' without a target");
            return new Redirection(fd, operator, null, null, range(start, pos));
        }
        HereDoc hereDoc = null;
        if (operator.equals("<<") || operator.equals("<<-")) {
            hereDoc = readHereDoc(target, operator.equals("<<-"));
        }
        return new Redirection(fd, operator, target, hereDoc, range(start, pos));
    }

    /**
     * Finds the body of a here-document that starts after the current line (or after the
     * previous here-document of the same line) and arranges for the parser to skip it.
     */
    private HereDoc readHereDoc(Word delimiterWord, boolean stripTabs) {
        boolean quoted = delimiterWord.parts().stream().anyMatch(p -> !(p instanceof Literal));
        String literal = delimiterWord.literalValue();
        String delimiter = literal != null ? literal : delimiterWord.raw();
        int bodyStart;
        if (heredocNewline >= pos) {
            bodyStart = heredocResume;
        } else {
            int newline = findLineEnd(pos);
            if (newline >= n) {
                return new HereDoc(delimiter, quoted, stripTabs, sub(n, n)); // bash warns and reads an empty body
            }
            heredocNewline = newline;
            bodyStart = newline + 1;
        }
        int lineStart = bodyStart;
        int bodyEnd = n;
        int resume = n;
        while (lineStart < n) {
            int lineEnd = s.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = s.substring(lineStart, lineEnd);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (stripTabs) {
                line = line.replaceFirst("^\t+", "");
            }
            if (line.equals(delimiter)) {
                bodyEnd = lineStart;
                resume = Math.min(lineEnd + 1, n);
                break;
            }
            lineStart = lineEnd + 1;
        }
        // Without its delimiter line the body runs to the end of the input: bash warns and runs it.
        heredocResume = resume;
        return new HereDoc(delimiter, quoted, stripTabs, sub(Math.min(bodyStart, n), bodyEnd));
    }

    /** The end of the logical line that starts at {@code from}, skipping quoted newlines. */
    private int findLineEnd(int from) {
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                return i;
            } else if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                i = close < 0 ? n : close + 1;
            } else if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '#' && (i == from || isBlank(s.charAt(i - 1)))) {
                int newline = s.indexOf('\n', i);
                return newline < 0 ? n : newline;
            } else {
                i++;
            }
        }
        return n;
    }

    // ---- words ----

    /** Reads one word at {@code pos}; null if none starts here. */
    private Word readWord() {
        int start = pos;
        List<WordPart> parts = new ArrayList<>();
        int literalStart = -1;
        while (pos < n) {
            char c = s.charAt(pos);
            if (pos == start && isProcessSubstitution()) {
                int subStart = pos;
                pos += 2;
                parts.add(substitutionBody(subStart));
                continue;
            }
            if (isMeta(c)) {
                break;
            }
            if (c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`') {
                flushLiteral(parts, literalStart);
                literalStart = -1;
                if (c == '\'') {
                    parts.add(singleQuoted());
                } else if (c == '"') {
                    parts.add(doubleQuoted(pos));
                } else if (c == '\\') {
                    escape(parts);
                } else if (c == '$') {
                    parts.add(dollar());
                } else {
                    parts.add(backticks());
                }
            } else {
                if (literalStart < 0) {
                    literalStart = pos;
                }
                pos++;
            }
        }
        flushLiteral(parts, literalStart);
        return pos == start ? null : new Word(src, start, pos, parts);
    }

    private void flushLiteral(List<WordPart> parts, int literalStart) {
        if (literalStart >= 0 && literalStart < pos) {
            parts.add(new Literal(s.substring(literalStart, pos), range(literalStart, pos)));
        }
    }

    private void escape(List<WordPart> parts) {
        if (pos + 1 >= n) {
            parts.add(new Literal("\\", range(pos, pos + 1)));
            pos++;
        } else if (s.charAt(pos + 1) == '\n') {
            pos += 2; // line continuation inside a word
        } else {
            parts.add(new Escaped(s.charAt(pos + 1), range(pos, pos + 2)));
            pos += 2;
        }
    }

    private WordPart singleQuoted() {
        int start = pos;
        int close = s.indexOf('\'', pos + 1);
        if (close < 0) {
            problem(start, start + 1, "unterminated single quote");
            pos = n;
            return new SingleQuoted(s.substring(start + 1), range(start, n));
        }
        pos = close + 1;
        return new SingleQuoted(s.substring(start + 1, close), range(start, pos));
    }

    /** {@code "..."} with the opening quote at {@code pos}; {@code start} is where the part begins. */
    private WordPart doubleQuoted(int start) {
        int quote = pos;
        pos++;
        List<WordPart> parts = new ArrayList<>();
        int literalStart = -1;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '"') {
                flushLiteral(parts, literalStart);
                pos++;
                return new DoubleQuoted(parts, range(start, pos));
            }
            if (c == '\\' && pos + 1 < n && "$`\"\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
                flushLiteral(parts, literalStart);
                literalStart = -1;
                escape(parts);
            } else if (c == '`' || c == '$' && (pos + 1 >= n || "\"'".indexOf(s.charAt(pos + 1)) < 0)) {
                flushLiteral(parts, literalStart);
                literalStart = -1;
                parts.add(c == '$' ? dollar() : backticks());
            } else {
                if (literalStart < 0) {
                    literalStart = pos;
                }
                pos++;
            }
        }
        flushLiteral(parts, literalStart);
        problem(quote, quote + 1, "unterminated double quote");
        return new DoubleQuoted(parts, range(start, pos));
    }

    private WordPart dollar() {
        int start = pos;
        char next = pos + 1 < n ? s.charAt(pos + 1) : '\0';
        if (next == '(' && pos + 2 < n && s.charAt(pos + 2) == '(' && closesAsArithmetic(pos + 3)) {
            return arithmetic(start);
        }
        if (next == '(') {
            pos += 2;
            return substitutionBody(start);
        }
        if (next == '{') {
            return braceParameter(start);
        }
        if (next == '_' || Character.isLetter(next)) {
            pos++;
            int nameStart = pos;
            while (pos < n && (s.charAt(pos) == '_' || Character.isLetterOrDigit(s.charAt(pos)))) {
                pos++;
            }
            return new Parameter(s.substring(nameStart, pos), "", false, range(start, pos));
        }
        if (Character.isDigit(next) || "@*#?$!-".indexOf(next) >= 0 && next != '\0') {
            pos += 2;
            return new Parameter(String.valueOf(next), "", false, range(start, pos));
        }
        if (next == '\'') {
            pos++;
            return ansiCQuoted(start);
        }
        if (next == '"') {
            pos++;
            return doubleQuoted(start);
        }
        pos++;
        return new Literal("$", range(start, pos));
    }

    /** The body of {@code $(...)} or {@code <(...)}; {@code pos} is just after the opening paren. */
    private WordPart substitutionBody(int start) {
        List<Command> body = parseList(true);
        expectChar(')', start, "unterminated command substitution: missing ')'");
        return new CommandSubstitution(body, range(start, pos));
    }

    private WordPart arithmetic(int start) {
        int exprStart = start + 3;
        int end = skipArithmetic(start, exprStart);
        return new Arithmetic(s.substring(exprStart, end), range(start, pos));
    }

    /**
     * Whether the {@code ((} just before {@code from} is arithmetic: its first unbalanced
     * {@code )} is doubled. Otherwise, as in bash, it opens nested subshells.
     */
    private boolean closesAsArithmetic(int from) {
        int level = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                if (level == 0) {
                    return i + 1 < n && s.charAt(i + 1) == ')';
                }
                level--;
            }
        }
        return false;
    }

    /** Skips to after the {@code ))} that closes the {@code ((} before {@code from}; returns where the expression ends. */
    private int skipArithmetic(int start, int from) {
        int level = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                if (level == 0) {
                    if (i + 1 < n && s.charAt(i + 1) == ')') {
                        pos = i + 2;
                        return i;
                    }
                } else {
                    level--;
                }
            }
        }
        problem(start, Math.min(start + 3, n), "unterminated arithmetic: missing '))'");
        pos = n;
        return n;
    }

    private WordPart braceParameter(int start) {
        pos += 2;
        boolean length = false;
        if (pos + 1 < n && s.charAt(pos) == '#' && s.charAt(pos + 1) != '}') {
            length = true;
            pos++;
        }
        int nameStart = pos;
        while (pos < n && (s.charAt(pos) == '_' || Character.isLetterOrDigit(s.charAt(pos)))) {
            pos++;
        }
        if (pos == nameStart && pos < n && "@*#?$!-".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        String name = s.substring(nameStart, pos);
        int opStart = pos;
        int level = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '{') {
                level++;
            } else if (c == '}') {
                if (level == 0) {
                    String operation = s.substring(opStart, pos);
                    pos++;
                    return new Parameter(name, operation, length, range(start, pos));
                }
                level--;
            }
            pos++;
        }
        pos = n;
        problem(start, start + 2, "unterminated parameter expansion: missing '}'");
        return new Parameter(name, s.substring(Math.min(opStart, n)), length, range(start, n));
    }

    /** {@code $'...'} with {@code pos} at the quote; common escapes are decoded. */
    private WordPart ansiCQuoted(int start) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < n && s.charAt(pos) != '\'') {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < n) {
                char e = s.charAt(pos + 1);
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
        if (pos >= n) {
            problem(start, start + 2, "unterminated $'...' quote");
        } else {
            pos++;
        }
        return new SingleQuoted(value.toString(), range(start, pos));
    }

    /** {@code `...`}: the inside (with its backslash escapes undone) is parsed as a script of its own. */
    private WordPart backticks() {
        int start = pos;
        pos++;
        MappedText.Builder inner = new MappedText.Builder();
        while (pos < n && s.charAt(pos) != '`') {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < n && "`\\$".indexOf(s.charAt(pos + 1)) >= 0) {
                inner.append(s.charAt(pos + 1), src.fileOffset(pos + 1));
                pos += 2;
            } else {
                inner.append(c, src.fileOffset(pos));
                pos++;
            }
        }
        MappedText text = inner.build(src.fileOffset(Math.min(pos, n)));
        if (pos >= n) {
            problem(start, start + 1, "unterminated backquote");
        } else {
            pos++;
        }
        if (depth >= MAX_DEPTH) {
            problem(start, pos, "commands nested too deeply");
            return new CommandSubstitution(List.of(), range(start, pos));
        }
        ShellParser nestedParser = new ShellParser(text, depth + 1);
        List<Command> body = nestedParser.parseList(false);
        problems.addAll(nestedParser.problems);
        comments.addAll(nestedParser.comments);
        return new CommandSubstitution(body, range(start, pos));
    }

    // ---- low-level scanning ----

    private void skipBlanks() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (isBlank(c)) {
                pos++;
            } else if (c == '\\' && pos + 1 < n && s.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                return;
            }
        }
    }

    /** Skips blanks, comments and newlines; with {@code semicolons} also single {@code ;}. */
    private void skipSeparators(boolean semicolons) {
        while (true) {
            skipBlanks();
            if (pos >= n) {
                return;
            }
            char c = s.charAt(pos);
            if (c == '#') {
                skipComment();
            } else if (c == '\n') {
                consumeNewline();
            } else if (semicolons && c == ';' && !startsWith(";;") && !startsWith(";&")) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        int start = pos;
        while (pos < n && s.charAt(pos) != '\n') {
            pos++;
        }
        int end = pos > start && s.charAt(pos - 1) == '\r' ? pos - 1 : pos;
        comments.add(new Comment(s.substring(start, end), range(start, end)));
    }

    /** Consumes the newline at {@code pos}, jumping over here-document bodies that follow it. */
    private void consumeNewline() {
        if (pos == heredocNewline) {
            pos = Math.max(heredocResume, pos + 1);
            heredocNewline = -1;
        } else {
            pos++;
        }
    }

    /** A reserved word at {@code pos} followed by a delimiter, or null. */
    private String peekReserved() {
        int j = pos;
        while (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '{' || s.charAt(j) == '}'
                || s.charAt(j) == '!')) {
            j++;
        }
        if (j == pos || (j < n && !isMeta(s.charAt(j)))) {
            return null;
        }
        String word = s.substring(pos, j);
        return switch (word) {
            case "{", "}", "!", "if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until",
                    "case", "esac", "function" -> word;
            default -> null;
        };
    }

    private static boolean isCloser(String keyword) {
        return keyword != null && CLOSERS.contains(keyword);
    }

    private boolean expectKeyword(String keyword, int openStart, String opener) {
        skipSeparators(true);
        if (keyword.equals(peekReserved())) {
            pos += keyword.length();
            return true;
        }
        problem(openStart, Math.min(openStart + opener.length(), n), "'" + opener + "' without '" + keyword + "'");
        return false;
    }

    private void expectChar(char c, int openStart, String message) {
        if (pos < n && s.charAt(pos) == c) {
            pos++;
        } else {
            problem(openStart, Math.min(openStart + 1, n), message);
        }
    }

    private boolean startsWith(String token) {
        return s.startsWith(token, pos);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static boolean isMeta(char c) {
        return isBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<'
                || c == '>';
    }

    private TextRange range(int start, int end) {
        return src.fileRange(start, end);
    }

    private MappedText sub(int start, int end) {
        MappedText.Builder builder = new MappedText.Builder();
        for (int i = start; i < end; i++) {
            builder.append(s.charAt(i), src.fileOffset(i));
        }
        return builder.build(src.fileOffset(end));
    }

    private void problem(int start, int end, String message) {
        problems.add(new ParseProblem(range(start, Math.max(start, end)), message));
    }
}
