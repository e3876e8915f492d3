package dev.vlint.startos;

import dev.vlint.project.ModelKey;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A StartOS TypeScript source as vlint needs it: its tokens and comments, and the version
 * string literals found in {@code VersionInfo.of({...})} calls and manifest objects.
 */
public final class StartOsSource {
    public static final ModelKey<StartOsSource> KEY = new ModelKey<>("startos-ts", StartOsSource::parse);

    private final List<TsToken> tokens;
    private final List<TsComment> comments;
    private final List<VersionField> versionFields;

    private StartOsSource(List<TsToken> tokens, List<TsComment> comments, List<VersionField> versionFields) {
        this.tokens = tokens;
        this.comments = comments;
        this.versionFields = List.copyOf(versionFields);
    }

    public static Parsed<StartOsSource> parse(SourceFile file) {
        TsTokenizer.Result result = TsTokenizer.tokenize(file.text());
        List<TsToken> tokens = result.tokens();
        List<VersionField> fields = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int object = objectAfterVersionInfoOf(tokens, i);
            if (object >= 0) {
                findVersion(tokens, object, VersionField.Kind.VERSION_INFO, fields);
                continue;
            }
            object = manifestObject(tokens, i);
            if (object >= 0) {
                findVersion(tokens, object, VersionField.Kind.MANIFEST, fields);
            }
        }
        return new Parsed<>(new StartOsSource(tokens, result.comments(), fields), result.problems());
    }

    public List<TsToken> tokens() {
        return tokens;
    }

    public List<TsComment> comments() {
        return comments;
    }

    public List<VersionField> versionFields() {
        return versionFields;
    }

    /** Index of the opening brace in {@code VersionInfo.of({...})}, or -1. */
    private static int objectAfterVersionInfoOf(List<TsToken> tokens, int i) {
        return matches(tokens, i, "VersionInfo", ".", "of", "(", "{") ? i + 4 : -1;
    }

    /** Index of the opening brace of {@code setupManifest({...})} or {@code manifest[: Type] = {...}}, or -1. */
    private static int manifestObject(List<TsToken> tokens, int i) {
        if (matches(tokens, i, "setupManifest", "(", "{")) {
            return i + 2;
        }
        if (!tokens.get(i).is(TsToken.Kind.IDENTIFIER, "manifest")) {
            return -1;
        }
        int at = i + 1;
        if (at < tokens.size() && tokens.get(at).isPunct(":")) {
            // a type annotation: const manifest: SDKManifest = {...}
            at++;
            while (at < tokens.size() && (tokens.get(at).kind() == TsToken.Kind.IDENTIFIER
                    || tokens.get(at).isPunct(".") || tokens.get(at).isPunct("<") || tokens.get(at).isPunct(">"))) {
                at++;
            }
        }
        return matches(tokens, at, "=", "{") ? at + 1 : -1;
    }

    private static boolean matches(List<TsToken> tokens, int i, String... texts) {
        if (i + texts.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < texts.length; k++) {
            TsToken t = tokens.get(i + k);
            boolean word = Character.isLetter(texts[k].charAt(0));
            if (!t.is(word ? TsToken.Kind.IDENTIFIER : TsToken.Kind.PUNCTUATION, texts[k])) {
                return false;
            }
        }
        return true;
    }

    /** Looks for {@code version: '...'} among the object's own properties (not nested ones). */
    private static void findVersion(List<TsToken> tokens, int open, VersionField.Kind kind, List<VersionField> out) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            TsToken t = tokens.get(i);
            if (t.isPunct("{") || t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if (t.isPunct("}") || t.isPunct(")") || t.isPunct("]")) {
                if (--depth == 0) {
                    return;
                }
            } else if (depth == 1 && isVersionKey(t) && i + 2 < tokens.size() && tokens.get(i + 1).isPunct(":")
                    && (tokens.get(i - 1).isPunct(",") || tokens.get(i - 1).isPunct("{"))) {
                TsToken value = tokens.get(i + 2);
                boolean literal = value.kind() == TsToken.Kind.STRING
                        || (value.kind() == TsToken.Kind.TEMPLATE && !value.text().contains("${"));
                if (literal) {
                    TextRange range = value.contentRange();
                    out.add(new VersionField(kind, unescape(value.text().substring(
                            range.start() - value.range().start(), range.end() - value.range().start())), range));
                }
            }
        }
    }

    private static boolean isVersionKey(TsToken t) {
        return t.is(TsToken.Kind.IDENTIFIER, "version")
                || (t.kind() == TsToken.Kind.STRING && t.text().length() == 9 && t.text().startsWith("version", 1));
    }

    /** Drops backslashes of simple escapes; version strings rarely have any. */
    private static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
