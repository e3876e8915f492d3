package dev.vlint.rules;

import dev.vlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finding a fixture expects, written inside the fixture as a comment: {@code # expect: VL101},
 * {@code // expect: VL301 "rc0"}, {@code # expect: VL107 note "abc1234"} or a ShellCheck code
 * ({@code # expect: SC2086}). A marker that shares its
 * line with code expects a finding that starts on that line; a marker alone on its line expects one
 * on the next line that is not a marker. The optional level must equal the finding's severity, the
 * optional quoted text the text of the finding's range.
 *
 * @param line 1-based line the finding must start on
 * @param level "error", "warning" or "note"; null when the marker names none
 */
record Expectation(String file, int line, String ruleId, String level, String rangeText) {
    private static final Pattern MARKER = Pattern.compile(
            "(?:#|//)\\s*expect:\\s*((?:VL\\d{3}|SC\\d{4})(?:\\s*,\\s*(?:VL\\d{3}|SC\\d{4}))*)(?:\\s+(error|warning|note)\\b)?"
                    + "(?:\\s+\"([^\"]*)\")?");
    private static final Pattern MARKER_ONLY_LINE = Pattern.compile("^\\s*(?:#|//)\\s*expect:.*$");

    static List<Expectation> scan(SourceFile file) {
        List<Expectation> result = new ArrayList<>();
        for (int i = 0; i < file.lineCount(); i++) {
            String text = file.lineText(i);
            Matcher m = MARKER.matcher(text);
            if (!m.find()) {
                continue;
            }
            int target = i;
            if (MARKER_ONLY_LINE.matcher(text).matches()) {
                target = i + 1;
                while (target < file.lineCount() && MARKER_ONLY_LINE.matcher(file.lineText(target)).matches()) {
                    target++;
                }
            }
            for (String id : m.group(1).split("\\s*,\\s*")) {
                result.add(new Expectation(file.path(), target + 1, id, m.group(2), m.group(3)));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + ruleId + (level == null ? "" : " " + level)
                + (rangeText == null ? "" : " \"" + rangeText + "\"");
    }
}
