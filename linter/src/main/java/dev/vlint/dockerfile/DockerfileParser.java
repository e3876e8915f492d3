package dev.vlint.dockerfile;

import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Dockerfile the way BuildKit's parser does (directives, continuations, heredocs, line
 * parsers), keeping exact file ranges. Never throws: what BuildKit rejects becomes a
 * {@link ParseProblem} and parsing goes on.
 */
public final class DockerfileParser {
    public static final ModelKey<Dockerfile> KEY = new ModelKey<>("dockerfile", DockerfileParser::parse);

    /** The ARGs BuildKit defines for every build; usable in a stage only after {@code ARG NAME}. */
    public static final List<String> PLATFORM_ARGS = List.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH",
            "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");

    private static final Pattern DIRECTIVE =
            Pattern.compile("^#[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*\\z",
                    Pattern.DOTALL);
    private static final Set<String> DIRECTIVE_NAMES = Set.of("syntax", "escape", "check");
    /** BuildKit 0.22 (dockerfile 1.16) and later allow blanks between {@code <<} and the word. */
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)[\\t\\r ]*([^<]*)\\z");
    private static final Pattern HEREDOC_OPERATOR = Pattern.compile("\\d*<<-?");

    private final SourceFile file;
    private final String text;
    private final List<int[]> lines = new ArrayList<>(); // {start, contentEnd, nextStart}
    private final List<ParseProblem> problems = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    private char escape = '\\';
    private int cursor; // index of the next physical line to read

    private DockerfileParser(SourceFile file) {
        this.file = file;
        this.text = file.text();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int next = nl < 0 ? text.length() : nl + 1;
            int end = next;
            while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            lines.add(new int[] {start, end, next});
            start = next;
        }
    }

    public static Parsed<Dockerfile> parse(SourceFile file) {
        return new DockerfileParser(file).run();
    }

    private Parsed<Dockerfile> run() {
        List<Instruction> instructions = new ArrayList<>();
        boolean directivesDone = false;
        Set<String> seen = new HashSet<>();
        while (cursor < lines.size()) {
            int[] first = lines.get(cursor++);
            int ts = first[0];
            while (ts < first[1] && Texts.isSpace(text.charAt(ts))) {
                ts++;
            }
            if (!directivesDone) {
                directivesDone = !directive(ts, first[1], seen);
            }
            if (ts < first[1] && text.charAt(ts) == '#') {
                continue;
            }
            MappedText.Builder logical = new MappedText.Builder();
            int cont = continuation(ts, first[1]);
            logical.append(file, new TextRange(ts, cont >= 0 ? cont : first[1]));
            if (cont < 0 && logical.length() == 0) {
                continue;
            }
            int lastEnd = first[1];
            while (cont >= 0 && cursor < lines.size()) {
                int[] next = lines.get(cursor++);
                int ns = next[0];
                while (ns < next[1] && Texts.isSpace(text.charAt(ns))) {
                    ns++;
                }
                lastEnd = next[1];
                if (ns == next[1] || text.charAt(ns) == '#') {
                    continue;
                }
                cont = continuation(next[0], next[1]);
                logical.append(file, new TextRange(next[0], cont >= 0 ? cont : next[1]));
            }
            MappedText line = logical.build(logical.length() == 0 ? ts : lastEnd);
            Instruction instruction = InstructionParser.parse(line, escape, problems);
            List<Heredoc> heredocs = new ArrayList<>();
            if (canContainHeredoc(instruction)) {
                for (int[] marker : heredocMarkers(line.text())) {
                    Heredoc doc = heredocBody(line, marker);
                    heredocs.add(doc);
                    lastEnd = Math.max(lastEnd, doc.range().end());
                }
            }
            instructions.add(instruction.withHeredocs(heredocs, new TextRange(ts, lastEnd)));
        }
        if (instructions.isEmpty()) {
            problems.add(new ParseProblem(new TextRange(0, text.length()), "file with no instructions"));
        }
        Dockerfile dockerfile = new StageBuilder(file, escape, problems).build(directives, instructions);
        return new Parsed<>(dockerfile, problems);
    }

    /** Reads a directive line; returns false when this line ends the directive block. */
    private boolean directive(int start, int end, Set<String> seen) {
        Matcher m = DIRECTIVE.matcher(text.substring(start, end));
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (!DIRECTIVE_NAMES.contains(name)) {
            return false;
        }
        TextRange range = new TextRange(start, end);
        TextRange valueRange = new TextRange(start + m.start(2), start + m.end(2));
        if (!seen.add(name)) {
            problems.add(new ParseProblem(range, "only one " + name + " parser directive can be used"));
            return true;
        }
        String value = m.group(2);
        directives.add(new Directive(name, value, range, valueRange));
        if (name.equals("escape")) {
            if (value.equals("`") || value.equals("\\")) {
                escape = value.charAt(0);
            } else {
                problems.add(new ParseProblem(valueRange,
                        "invalid escape token '" + value + "' does not match ` or \\"));
            }
        }
        return true;
    }

    /** Offset of the escape character that continues this line, or -1. */
    private int continuation(int start, int end) {
        int k = end;
        while (k > start && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '\t')) {
            k--;
        }
        if (k > start && text.charAt(k - 1) == escape && (k - 1 == start || text.charAt(k - 2) != escape)) {
            return k - 1;
        }
        return -1;
    }

    private static boolean canContainHeredoc(Instruction instruction) {
        Instruction target = instruction.trigger() != null ? instruction.trigger() : instruction;
        return (target.is("RUN") || target.is("COPY") || target.is("ADD")) && !target.jsonForm();
    }

    /**
     * Heredoc markers of a logical line: whitespace-separated shell words (quotes and backslash
     * escapes kept raw) matching {@code [fd]<<[-]WORD}; a {@code <<} followed by blanks joins the
     * next word, as in BuildKit's lexer. Each result is {start, end} of the marker.
     */
    private static List<int[]> heredocMarkers(String s) {
        List<int[]> markers = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            i = skipSpaces(s, i);
            int start = i;
            i = wordEnd(s, i);
            if (i > start && HEREDOC_OPERATOR.matcher(s.substring(start, i)).matches()) {
                int next = skipSpaces(s, i);
                if (next > i) {
                    i = wordEnd(s, next);
                }
            }
            if (i > start) {
                Matcher m = HEREDOC.matcher(s.substring(start, i));
                if (m.matches() && !m.group(3).isEmpty()) {
                    markers.add(new int[] {start, i});
                }
            }
        }
        return markers;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Texts.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the shell word that starts at {@code i}, quotes and backslash escapes kept. */
    private static int wordEnd(String s, int i) {
        while (i < s.length() && !Texts.isSpace(s.charAt(i))) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' || c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i += c == '"' && s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                i++;
            }
        }
        return Math.min(i, s.length());
    }

    /** Reads the body of one heredoc from the cursor up to and including its terminator line. */
    private Heredoc heredocBody(MappedText line, int[] marker) {
        Matcher m = HEREDOC.matcher(line.text().substring(marker[0], marker[1]));
        m.matches();
        int fd = m.group(1).isEmpty() ? -1 : parseFd(m.group(1));
        boolean strip = m.group(2).equals("-");
        String raw = m.group(3);
        String name = unquote(raw);
        boolean quoted = count(raw) != count(name);
        TextRange markerRange = line.fileRange(marker[0], marker[1]);
        MappedText.Builder body = new MappedText.Builder();
        int bodyStart = cursor < lines.size() ? lines.get(cursor)[0] : text.length();
        while (cursor < lines.size()) {
            int[] l = lines.get(cursor++);
            int s = l[0];
            if (strip) {
                while (s < l[1] && text.charAt(s) == '\t') {
                    s++;
                }
            }
            if (text.substring(s, l[1]).equals(name)) {
                return new Heredoc(name, quoted, strip, fd, markerRange, body.build(l[0]),
                        new TextRange(bodyStart, l[1]), true);
            }
            body.append(file, new TextRange(s, l[2]));
        }
        problems.add(new ParseProblem(markerRange, "unterminated heredoc"));
        return new Heredoc(name, quoted, strip, fd, markerRange, body.build(text.length()),
                new TextRange(bodyStart, text.length()), false);
    }

    private static int parseFd(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The heredoc word with quotes removed and backslash escapes processed. */
    private static String unquote(String raw) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** The name an ARG word declares: the part before {@code =}. */
    static String argName(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? word : word.substring(0, eq);
    }

    /** Groups instructions into stages and computes the variables each instruction sees. */
    private static final class StageBuilder {
        private final SourceFile file;
        private final char escape;
        private final List<ParseProblem> problems;
        /** The index of the last stage with each (lower-case) name, so FROM finds its base without a scan. */
        private final Map<String, Integer> stageByName = new HashMap<>();

        StageBuilder(SourceFile file, char escape, List<ParseProblem> problems) {
            this.file = file;
            this.escape = escape;
            this.problems = problems;
        }

        Dockerfile build(List<Directive> directives, List<Instruction> instructions) {
            VariableMap global = VariableMap.EMPTY;
            for (String name : PLATFORM_ARGS) {
                global = global.with(name, new Scope.Variable(name, null, Scope.Kind.PLATFORM, null));
            }
            List<Stage> stages = new ArrayList<>();
            Scope globalScope = new Scope(global, VariableMap.EMPTY, escape, false);
            int i = 0;
            for (; i < instructions.size() && !instructions.get(i).is("FROM"); i++) {
                Instruction ins = instructions.get(i);
                if (ins.is("ARG")) {
                    for (Word w : ins.args()) {
                        global = declareArg(global, w.text(), ins, globalScope, VariableMap.EMPTY);
                        globalScope = new Scope(global, VariableMap.EMPTY, escape, false);
                    }
                } else {
                    problems.add(new ParseProblem(ins.keywordRange(),
                            ins.keyword() + " is not allowed before the first FROM (only ARG is)"));
                }
            }
            while (i < instructions.size()) {
                Instruction from = instructions.get(i++);
                List<Instruction> body = new ArrayList<>();
                while (i < instructions.size() && !instructions.get(i).is("FROM")) {
                    body.add(instructions.get(i++));
                }
                stages.add(stage(stages, from, body, globalScope, global));
            }
            return new Dockerfile(file, directives, instructions, stages, escape, globalScope);
        }

        private Stage stage(List<Stage> earlier, Instruction from, List<Instruction> body, Scope globalScope,
                VariableMap global) {
            List<Word> args = from.args();
            String image = args.isEmpty() ? "" : args.get(0).text();
            String name = null;
            if (args.size() == 3 && args.get(1).text().equalsIgnoreCase("as")) {
                name = args.get(2).text().toLowerCase(Locale.ROOT);
            } else if (args.size() > 1) {
                problems.add(new ParseProblem(from.range(), "FROM requires either one or three arguments"));
            }
            String expanded = globalScope.expand(image);
            int baseStage = stageByName.getOrDefault(expanded.toLowerCase(Locale.ROOT), -1);
            if (name != null) {
                stageByName.put(name, earlier.size());
            }
            // ARGs and ENVs of the base stage carry over, shared uncopied: "Arguments and variables are
            // inherited from parent stages" (docs.docker.com/build/building/variables/#scoping)
            Scope parent = baseStage >= 0 ? earlier.get(baseStage).endScope() : null;
            VariableMap argVars = parent != null ? parent.argMap() : VariableMap.EMPTY;
            VariableMap envVars = parent != null ? parent.envMap() : VariableMap.EMPTY;
            boolean imageEnvUnknown = baseStage >= 0 ? earlier.get(baseStage).endScope().imageEnvUnknown()
                    : !expanded.equalsIgnoreCase("scratch");
            List<Scope> scopes = new ArrayList<>();
            Scope current = new Scope(argVars, envVars, escape, imageEnvUnknown);
            for (Instruction ins : body) {
                scopes.add(current);
                if (ins.is("ARG")) {
                    for (Word w : ins.args()) {
                        argVars = declareArg(argVars, w.text(), ins, current, global);
                        current = new Scope(argVars, envVars, escape, imageEnvUnknown);
                    }
                } else if (ins.is("ENV")) {
                    for (Instruction.KeyValue kv : ins.keyValues()) {
                        String value = current.expand(kv.value().text());
                        envVars = envVars.with(kv.key().text(),
                                new Scope.Variable(kv.key().text(), value, Scope.Kind.ENV, ins));
                        current = new Scope(argVars, envVars, escape, imageEnvUnknown);
                    }
                }
            }
            return new Stage(earlier.size(), name, from, body, image, expanded, baseStage, scopes, current);
        }

        private VariableMap declareArg(VariableMap vars, String word, Instruction ins, Scope scope,
                VariableMap global) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = scope.expand(word.substring(eq + 1));
            } else {
                // without --build-arg an ARG without default is empty; a re-declared global keeps its default
                Scope.Variable outer = global.get(name);
                value = outer == null ? "" : outer.value();
            }
            return vars.with(name, new Scope.Variable(name, value, Scope.Kind.ARG, ins));
        }
    }
}
