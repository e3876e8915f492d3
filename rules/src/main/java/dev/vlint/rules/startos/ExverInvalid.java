package dev.vlint.rules.startos;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import dev.vlint.startos.StartOsSource;
import dev.vlint.startos.TsToken;
import dev.vlint.startos.VersionField;
import dev.vlint.versions.ExVer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * VL301: a StartOS version string that the start-sdk ExVer grammar rejects. start-cli evaluates
 * the manifest when it packs the s9pk, so such a version fails every build of the package.
 */
public final class ExverInvalid implements Rule {
    private static final RuleMeta META = new RuleMeta("VL301", "exver-invalid", Severity.ERROR,
            "A StartOS version string is not valid ExVer ([#flavor:]upstream:downstream, pre-release segments"
                    + " all digits or all letters), so start-cli cannot pack the package.",
            Fixability.SOMETIMES, EnumSet.of(FileKind.STARTOS_TS), List.of("correctness", "startos"));

    private static final String GRAMMAR = "ExVer is [#flavor:]upstream:downstream, each side N(.N)* with an"
            + " optional -pre.release whose dot-separated segments are all digits or all letters";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        StartOsSource source = context.model(StartOsSource.KEY);
        if (source == null) {
            return;
        }
        for (VersionField field : source.versionFields()) {
            checkVersion(context, field.value(), field.range());
        }
        for (TsToken key : versionMapKeys(source.tokens())) {
            TextRange content = key.contentRange();
            checkVersion(context, context.file().source().slice(content), content);
        }
    }

    private static void checkVersion(RuleContext context, String version, TextRange content) {
        ExVer.Result result = ExVer.parse(version);
        if (result.isValid()) {
            return;
        }
        // offsets into the value map onto the file only when the literal has no escapes
        boolean exact = version.length() == content.length();
        TextRange range = exact ? offending(version, result.error().offset(), content) : content;
        String safeRepair = ExVer.suggestRepair(version);
        String otherRepair = safeRepair == null ? downstreamAdded(version) : null;
        String repair = safeRepair != null ? safeRepair : otherRepair;
        String error = result.error().message();
        boolean repairShown = repair == null || error.contains("'" + repair + "'");
        String message = "'" + version + "' is not valid ExVer: " + error
                + (repairShown ? "" : " (the whole version: '" + repair + "')") + ". " + GRAMMAR
                + "; start-cli rejects the package when it packs it";
        if (safeRepair != null) {
            context.report(range, message, Fix.safe("Write '" + safeRepair + "'", new Edit(content, safeRepair)));
        } else if (otherRepair != null) {
            context.report(range, message, Fix.unsafe("Write '" + otherRepair + "'", new Edit(content, otherRepair)));
        } else {
            context.report(range, message);
        }
    }

    /**
     * The invalid part: the whole letter/digit run when the error falls inside one (a segment
     * such as {@code rc0} that mixes letters and digits), else the single character at the error,
     * or the whole string when the error is at its end.
     */
    private static TextRange offending(String version, int offset, TextRange content) {
        if (offset >= version.length()) {
            return content;
        }
        int start = offset;
        int end = offset + 1;
        if (offset > 0 && Character.isLetterOrDigit(version.charAt(offset))
                && Character.isLetterOrDigit(version.charAt(offset - 1))) {
            while (start > 0 && Character.isLetterOrDigit(version.charAt(start - 1))) {
                start--;
            }
            while (end < version.length() && Character.isLetterOrDigit(version.charAt(end))) {
                end++;
            }
        }
        return new TextRange(content.start() + start, content.start() + end);
    }

    /**
     * A version without a downstream revision, completed with {@code :0} (and dotted pre-release
     * segments if needed); null when that does not make it valid. Unsafe: the revision is a guess.
     */
    private static String downstreamAdded(String version) {
        String completed = version + ":0";
        if (ExVer.parse(completed).isValid()) {
            return completed;
        }
        return ExVer.suggestRepair(completed);
    }

    /**
     * String keys that look like versions ({@code '0.20.0:0': ...}) inside a {@code VersionInfo.of({...})}
     * object, e.g. maps of migrations from other versions.
     */
    private static List<TsToken> versionMapKeys(List<TsToken> tokens) {
        List<TsToken> keys = new ArrayList<>();
        for (int i = 0; i + 4 < tokens.size(); i++) {
            if (!(tokens.get(i).is(TsToken.Kind.IDENTIFIER, "VersionInfo") && tokens.get(i + 1).isPunct(".")
                    && tokens.get(i + 2).is(TsToken.Kind.IDENTIFIER, "of") && tokens.get(i + 3).isPunct("(")
                    && tokens.get(i + 4).isPunct("{"))) {
                continue;
            }
            int depth = 0;
            for (int k = i + 4; k < tokens.size(); k++) {
                TsToken t = tokens.get(k);
                if (t.isPunct("{") || t.isPunct("(") || t.isPunct("[")) {
                    depth++;
                } else if (t.isPunct("}") || t.isPunct(")") || t.isPunct("]")) {
                    if (--depth == 0) {
                        break;
                    }
                } else if (depth > 1 && t.kind() == TsToken.Kind.STRING && looksLikeVersion(t)
                        && k + 1 < tokens.size() && tokens.get(k + 1).isPunct(":")
                        && (tokens.get(k - 1).isPunct("{") || tokens.get(k - 1).isPunct(","))) {
                    keys.add(t);
                }
            }
        }
        return keys;
    }

    private static boolean looksLikeVersion(TsToken key) {
        String text = key.text();
        return text.length() > 2 && (Character.isDigit(text.charAt(1)) || text.charAt(1) == '#');
    }
}
