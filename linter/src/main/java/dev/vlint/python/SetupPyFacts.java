package dev.vlint.python;

import dev.vlint.project.ModelKey;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a light scan of {@code setup.py} tells about setuptools-scm: its {@code get_version(...)}
 * calls and whether they pass {@code dist_name=} (without it, setuptools-scm ignores the
 * {@code SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<NAME>} variables). Strings and comments are masked
 * before searching, so text inside them never counts.
 *
 * @param importsSetuptoolsScm whether the file imports setuptools_scm (or names from it)
 */
public record SetupPyFacts(boolean importsSetuptoolsScm, List<GetVersionCall> getVersionCalls) {
    public static final ModelKey<SetupPyFacts> KEY = new ModelKey<>("setup.py", SetupPyFacts::parse);

    // Only blanks before the keyword: \s* would rescan every following blank line from each line start.
    private static final Pattern IMPORT = Pattern.compile(
            "^[ \\t\\f]*(?:import\\s+setuptools_scm\\b|from\\s+setuptools_scm\\s+import\\s+(.*))", Pattern.MULTILINE);
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])(setuptools_scm\\s*\\.\\s*)?get_version\\s*\\(");
    private static final Pattern DIST_NAME = Pattern.compile("(?<![\\w.])dist_name\\s*=(?!=)");

    public SetupPyFacts {
        getVersionCalls = List.copyOf(getVersionCalls);
    }

    /**
     * One {@code get_version(...)} call.
     *
     * @param range the call from its name to the closing parenthesis
     * @param nameRange the {@code get_version} word
     * @param distNameRange the {@code dist_name} keyword, or null when not passed
     * @param passesKeywordDict whether {@code **kwargs} is passed, which may hold {@code dist_name}
     */
    public record GetVersionCall(TextRange range, TextRange nameRange, TextRange distNameRange,
            boolean passesKeywordDict) {
        public boolean passesDistName() {
            return distNameRange != null;
        }
    }

    public static Parsed<SetupPyFacts> parse(SourceFile file) {
        String code = maskStringsAndComments(file.text());
        boolean importsModule = false;
        boolean importsFunction = false;
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            importsModule |= imports.group(1) == null;
            importsFunction |= imports.group(1) != null && imports.group(1).matches("(?s).*\\bget_version\\b.*");
        }
        List<GetVersionCall> calls = new ArrayList<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            boolean qualified = call.group(1) != null;
            if (!(qualified ? importsModule : importsFunction)) {
                continue;
            }
            int open = call.end() - 1;
            int close = closingParen(code, open);
            int nameStart = qualified ? call.end(1) : call.start();
            TextRange name = new TextRange(nameStart, nameStart + "get_version".length());
            String args = topLevel(code.substring(open + 1, close));
            Matcher dist = DIST_NAME.matcher(args);
            TextRange distName = dist.find()
                    ? new TextRange(open + 1 + dist.start(), open + 1 + dist.start() + "dist_name".length()) : null;
            calls.add(new GetVersionCall(new TextRange(call.start(), Math.min(close + 1, code.length())), name,
                    distName, args.contains("**")));
        }
        return Parsed.ok(new SetupPyFacts(importsModule || importsFunction, calls));
    }

    /** Offset of the parenthesis closing the one at {@code open}, or the text's end. */
    private static int closingParen(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The arguments with nested brackets blanked, so only this call's own keywords remain. */
    private static String topLevel(String args) {
        StringBuilder out = new StringBuilder(args);
        int depth = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth > 0) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** The text with the insides of strings and comments replaced by spaces (line breaks kept). */
    static String maskStringsAndComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '"' || c == '\'') {
                String quote = text.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int j = i + quote.length();
                while (j < text.length() && !text.startsWith(quote, j)
                        && (quote.length() == 3 || text.charAt(j) != '\n')) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(text.length(), j + quote.length());
                for (int k = i + quote.length(); k < Math.min(j, text.length()); k++) {
                    if (text.charAt(k) != '\n' && text.charAt(k) != '\r') {
                        out.setCharAt(k, ' ');
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
