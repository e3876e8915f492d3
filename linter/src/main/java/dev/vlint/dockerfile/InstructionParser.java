package dev.vlint.dockerfile;

import dev.vlint.project.ParseProblem;
import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one logical line (continuations already joined) into an {@link Instruction}, splitting
 * keyword, flags and arguments the way BuildKit's line parsers do.
 */
final class InstructionParser {
    private final MappedText line;
    private final String t;
    private final char escape;
    private final List<ParseProblem> problems;
    private final List<Word> args = new ArrayList<>();
    private boolean json;
    private MappedText shell;
    private Instruction trigger;

    private InstructionParser(MappedText line, char escape, List<ParseProblem> problems) {
        this.line = line;
        this.t = line.text();
        this.escape = escape;
        this.problems = problems;
    }

    static Instruction parse(MappedText line, char escape, List<ParseProblem> problems) {
        return new InstructionParser(line, escape, problems).instruction();
    }

    private Instruction instruction() {
        int a = 0;
        int b = t.length();
        while (a < b && Texts.isSpace(t.charAt(a))) {
            a++;
        }
        while (b > a && Texts.isSpace(t.charAt(b - 1))) {
            b--;
        }
        int k = a;
        while (k < b && !Texts.isSplitSpace(t.charAt(k))) {
            k++;
        }
        String keyword = t.substring(a, k).toUpperCase(Locale.ROOT);
        TextRange keywordRange = range(a, k);
        List<Flag> flags = new ArrayList<>();
        int rest = b;
        if (k < b) {
            int s = k;
            while (s < b && Texts.isSplitSpace(t.charAt(s))) {
                s++;
            }
            rest = extractFlags(s, b, flags);
            while (rest < b && Texts.isSpace(t.charAt(rest))) {
                rest++;
            }
        }
        dispatch(keyword, keywordRange, rest, b);
        checkFlags(keyword, flags);
        return new Instruction(keyword, range(a, b), keywordRange, line, flags, args, json, trigger, List.of(), shell);
    }

    private void dispatch(String keyword, TextRange keywordRange, int ra, int rb) {
        int problemsBefore = problems.size();
        switch (keyword) {
            case "RUN", "CMD", "ENTRYPOINT", "SHELL" -> maybeJson(ra, rb, true);
            case "ADD", "COPY", "VOLUME" -> {
                if (!json(ra, rb)) {
                    whitespaceDelimited(ra, rb);
                }
            }
            case "FROM", "EXPOSE" -> whitespaceDelimited(ra, rb);
            case "ARG" -> {
                for (int[] w : words(ra, rb)) {
                    args.add(word(w[0], w[1]));
                }
            }
            case "ENV", "LABEL" -> nameValues(keyword, ra, rb);
            case "MAINTAINER", "USER", "WORKDIR", "STOPSIGNAL" -> {
                if (ra < rb) {
                    args.add(word(ra, rb));
                }
            }
            case "HEALTHCHECK" -> healthcheck(ra, rb);
            case "ONBUILD" -> onbuild(ra, rb);
            default -> {
                args.add(new Word("", TextRange.at(line.fileOffset(ra))));
                problems.add(new ParseProblem(keywordRange, "unknown instruction: " + keyword));
            }
        }
        if (args.isEmpty() && trigger == null && problems.size() == problemsBefore && requiresArgument(keyword)) {
            problems.add(new ParseProblem(keywordRange, keyword + " requires at least one argument"));
        }
    }

    /**
     * The flags each instruction accepts in BuildKit ({@code instructions/parse.go}, the RUN hooks),
     * by kind: 'b' a boolean, 's' one string, 'm' a string that may repeat. ARG and STOPSIGNAL
     * ignore flags, and so does HEALTHCHECK NONE; unknown instructions are reported already.
     */
    private static final Map<String, Map<String, Character>> FLAGS = Map.ofEntries(
            Map.entry("RUN", Map.of("mount", 'm', "network", 's', "security", 's', "device", 'm')),
            Map.entry("COPY", Map.of("chown", 's', "from", 's', "chmod", 's', "link", 'b', "exclude", 'm',
                    "parents", 'b')),
            Map.entry("ADD", Map.of("chown", 's', "chmod", 's', "link", 'b', "keep-git-dir", 'b', "checksum", 's',
                    "unpack", 'b', "exclude", 'm')),
            Map.entry("FROM", Map.of("platform", 's')),
            Map.entry("HEALTHCHECK", Map.of("interval", 's', "timeout", 's', "start-period", 's',
                    "start-interval", 's', "retries", 's')),
            Map.entry("ENV", Map.of()), Map.entry("LABEL", Map.of()), Map.entry("MAINTAINER", Map.of()),
            Map.entry("CMD", Map.of()), Map.entry("ENTRYPOINT", Map.of()), Map.entry("EXPOSE", Map.of()),
            Map.entry("USER", Map.of()), Map.entry("VOLUME", Map.of()), Map.entry("WORKDIR", Map.of()),
            Map.entry("SHELL", Map.of()), Map.entry("ONBUILD", Map.of()));

    /** BuildKit's BFlags.Parse: the first bad flag fails the instruction, with these messages. */
    private void checkFlags(String keyword, List<Flag> flags) {
        Map<String, Character> allowed = FLAGS.get(keyword);
        if (allowed == null || keyword.equals("HEALTHCHECK") && !args.isEmpty()
                && args.get(0).text().equalsIgnoreCase("NONE")) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (Flag flag : flags) {
            String name = flag.name();
            Character kind = allowed.get(name);
            String value = flag.value().orElse(null);
            String message = null;
            if (kind == null) {
                message = "unknown flag: --" + name;
            } else if (!used.add(name) && kind != 'm') {
                message = "duplicate flag specified: --" + name;
            } else if (kind == 'b' && value != null && !value.equalsIgnoreCase("true")
                    && !value.equalsIgnoreCase("false")) {
                message = value.isEmpty() ? "missing a value on flag: --" + name
                        : "expecting boolean value for flag --" + name + ", not: " + value;
            } else if (kind != 'b' && value == null) {
                message = "missing a value on flag: --" + name;
            }
            if (message != null) {
                problems.add(new ParseProblem(flag.range(), message));
                return;
            }
        }
    }

    private static boolean requiresArgument(String keyword) {
        return Set.of("FROM", "ENV", "LABEL", "ARG", "COPY", "ADD", "WORKDIR", "USER", "EXPOSE", "VOLUME",
                "STOPSIGNAL", "MAINTAINER", "ONBUILD", "SHELL").contains(keyword);
    }

    /** RUN/CMD/ENTRYPOINT/SHELL: a JSON array, else the whole rest as one shell command. */
    private void maybeJson(int ra, int rb, boolean shellForm) {
        if (ra >= rb || json(ra, rb)) {
            return;
        }
        args.add(word(ra, rb));
        if (shellForm) {
            shell = Texts.sub(line, ra, rb);
        }
    }

    private boolean json(int ra, int rb) {
        if (ra >= rb || t.charAt(ra) != '[') {
            return false;
        }
        List<JsonArray.Element> elements = JsonArray.parse(t, ra, rb);
        if (elements == null) {
            return false;
        }
        for (JsonArray.Element e : elements) {
            if (e.value() == null) {
                problems.add(new ParseProblem(range(e.start(), e.end()),
                        "when using JSON array syntax, arrays must be comprised of strings only"));
                return false;
            }
        }
        for (JsonArray.Element e : elements) {
            args.add(new Word(e.value(), range(e.start(), e.end())));
        }
        json = true;
        return true;
    }

    private void whitespaceDelimited(int ra, int rb) {
        int i = ra;
        while (i < rb) {
            int start = i;
            while (i < rb && !Texts.isSplitSpace(t.charAt(i))) {
                i++;
            }
            args.add(word(start, i));
            while (i < rb && Texts.isSplitSpace(t.charAt(i))) {
                i++;
            }
        }
    }

    /** ENV and LABEL: {@code key=value ...} or the legacy {@code key value}; each pair becomes key, value, separator. */
    private void nameValues(String keyword, int ra, int rb) {
        List<int[]> words = words(ra, rb);
        if (words.isEmpty()) {
            return;
        }
        if (t.substring(words.get(0)[0], words.get(0)[1]).indexOf('=') < 0) {
            int k = ra;
            while (k < rb && !Texts.isSplitSpace(t.charAt(k))) {
                k++;
            }
            if (k == rb) {
                problems.add(new ParseProblem(range(ra, rb), keyword + " must have two arguments"));
                return;
            }
            int v = k;
            while (v < rb && Texts.isSplitSpace(t.charAt(v))) {
                v++;
            }
            args.add(word(ra, k));
            args.add(word(v, rb));
            args.add(new Word("", TextRange.at(line.fileOffset(k))));
            return;
        }
        for (int[] w : words) {
            String text = t.substring(w[0], w[1]);
            int eq = text.indexOf('=');
            if (eq < 0) {
                problems.add(new ParseProblem(range(w[0], w[1]), "Syntax error - can't find = in "
                        + GoQuote.quote(text) + ". Must be of the form: name=value"));
                return;
            }
            args.add(word(w[0], w[0] + eq));
            args.add(word(w[0] + eq + 1, w[1]));
            args.add(word(w[0] + eq, w[0] + eq + 1));
        }
    }

    private void healthcheck(int ra, int rb) {
        int sep = ra;
        while (sep < rb && !(t.charAt(sep) < 0x80 && Texts.isSpace(t.charAt(sep)))) {
            sep++;
        }
        if (sep == ra) {
            return;
        }
        int next = sep;
        while (next < rb && t.charAt(next) < 0x80 && Texts.isSpace(t.charAt(next))) {
            next++;
        }
        args.add(word(ra, sep));
        maybeJson(next, rb, t.substring(ra, sep).equalsIgnoreCase("CMD"));
    }

    private void onbuild(int ra, int rb) {
        if (ra >= rb) {
            return;
        }
        trigger = parse(Texts.sub(line, ra, rb), escape, problems);
        String inner = trigger.keyword();
        if (inner.equals("ONBUILD")) {
            problems.add(new ParseProblem(trigger.keywordRange(), "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"));
        } else if (inner.equals("FROM") || inner.equals("MAINTAINER")) {
            problems.add(new ParseProblem(trigger.keywordRange(), inner + " isn't allowed as an ONBUILD trigger"));
        }
    }

    /**
     * BuildKit's flag extraction: leading words that start with {@code --}, quotes removed and
     * backslash escapes processed. Returns where the arguments start.
     */
    private int extractFlags(int start, int end, List<Flag> flags) {
        MappedText.Builder word = null;
        int wordStart = start;
        boolean inQuote = false;
        boolean blankOk = false;
        char quote = 0;
        for (int pos = start; pos <= end; pos++) {
            char ch = pos < end ? t.charAt(pos) : 0;
            if (word == null) {
                if (pos == end) {
                    return end;
                }
                if (isByteSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == end || t.charAt(pos + 1) != '-') {
                    return pos;
                }
                word = new MappedText.Builder();
                wordStart = pos;
                blankOk = false;
            }
            if (pos == end) {
                if (!isDoubleDash(word) && (blankOk || word.length() > 0)) {
                    flags.add(flag(word, wordStart, pos));
                }
                return end;
            }
            if (!inQuote) {
                if (isByteSpace(ch)) {
                    if (isDoubleDash(word)) {
                        return pos;
                    }
                    if (blankOk || word.length() > 0) {
                        flags.add(flag(word, wordStart, pos));
                    }
                    word = null;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inQuote = true;
                    continue;
                }
            } else if (ch == quote) {
                inQuote = false;
                continue;
            }
            if (ch == '\\') {
                if (pos + 1 == end) {
                    inQuote = false;
                    continue;
                }
                pos++;
                ch = t.charAt(pos);
            }
            word.append(ch, line.fileOffset(pos));
        }
        return end;
    }

    /** A flag word always starts with the two dashes, so a two-character word is exactly {@code --}. */
    private static boolean isDoubleDash(MappedText.Builder word) {
        return word.length() == 2;
    }

    private Flag flag(MappedText.Builder word, int start, int end) {
        TextRange range = range(start, end);
        return new Flag(word.build(range.end()), range);
    }

    private static boolean isByteSpace(char c) {
        return c < 0x80 && Texts.isSpace(c);
    }

    /** BuildKit's parseWords: spans of words split on spaces outside quotes, quotes kept. */
    private List<int[]> words(int ra, int rb) {
        List<int[]> words = new ArrayList<>();
        int wordStart = -1;
        int wordEnd = -1;
        boolean inQuote = false;
        boolean blankOk = false;
        char quote = 0;
        for (int pos = ra; pos <= rb; pos++) {
            char ch = pos < rb ? t.charAt(pos) : 0;
            if (wordStart < 0) {
                if (pos == rb) {
                    break;
                }
                if (Texts.isSpace(ch)) {
                    continue;
                }
                wordStart = pos;
                wordEnd = pos;
                blankOk = false;
            }
            if (pos == rb) {
                if (blankOk || wordEnd > wordStart) {
                    words.add(new int[] {wordStart, wordEnd});
                }
                break;
            }
            if (!inQuote) {
                if (Texts.isSpace(ch)) {
                    if (blankOk || wordEnd > wordStart) {
                        words.add(new int[] {wordStart, wordEnd});
                    }
                    wordStart = -1;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inQuote = true;
                } else if (ch == escape) {
                    if (pos + 1 == rb) {
                        continue;
                    }
                    pos++;
                }
                wordEnd = pos + 1;
                continue;
            }
            if (ch == quote) {
                inQuote = false;
            } else if (ch == escape && quote != '\'') {
                if (pos + 1 == rb) {
                    inQuote = false;
                    continue;
                }
                pos++;
            }
            wordEnd = pos + 1;
        }
        return words;
    }

    private Word word(int start, int end) {
        return new Word(t.substring(start, end), range(start, end));
    }

    private TextRange range(int start, int end) {
        return line.fileRange(start, end);
    }
}
