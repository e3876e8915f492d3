package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.YamlNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text edits that add entries to YAML mappings without touching anything else: a new line under a
 * block mapping, indented like its keys, or a new member of a flow mapping. Null where the shape
 * leaves no certain place for the text (the fix is then not offered).
 */
final class YamlEdits {
    /** What can stand unquoted as a plain scalar value: no leading indicator, no {@code : } or {@code  #}. */
    private static final Pattern PLAIN = Pattern.compile("[^\\s\\-?:,\\[\\]{}#&*!|>'\"%@`][^\\r\\n]*");

    private YamlEdits() {}

    /** {@code value} as YAML scalar text: plain when that reads back the same, else single-quoted. */
    static String scalar(String value) {
        boolean plain = PLAIN.matcher(value).matches() && !value.contains(": ") && !value.contains(" #")
                && !value.endsWith(":") && !value.endsWith(" ");
        return plain ? value : "'" + value.replace("'", "''") + "'";
    }

    /** Adds {@code key: value} (value already YAML text) as the last entry of {@code mapping}. */
    static Edit addEntry(SourceFile file, YamlNode mapping, String key, String value) {
        if (mapping == null || !mapping.isMapping()) {
            return null;
        }
        if (mapping.style() == YamlNode.Style.FLOW) {
            int close = mapping.range().end() - 1;
            if (close < 0 || file.text().charAt(close) != '}') {
                return null;
            }
            String before = file.text().substring(mapping.range().start() + 1, close);
            return Edit.insert(close, (before.isBlank() ? "" : ", ") + key + ": " + value);
        }
        List<YamlNode.Entry> entries = mapping.entries();
        if (entries.isEmpty()) {
            return null;
        }
        int column = column(file, entries.get(0).key().range().start());
        return Edit.insert(lineEndAfter(file, lastEnd(entries)), file.lineBreak() + " ".repeat(column) + key + ": " + value);
    }

    /**
     * Adds {@code key:} with one nested {@code child: value} entry to {@code mapping} (a step, a job),
     * for when the mapping has no such key yet.
     */
    static Edit addNested(SourceFile file, YamlNode mapping, String key, String child, String value) {
        if (mapping == null || !mapping.isMapping() || mapping.style() == YamlNode.Style.FLOW
                || mapping.entries().isEmpty()) {
            return null;
        }
        int column = column(file, mapping.entries().get(0).key().range().start());
        String lineBreak = file.lineBreak();
        String indent = " ".repeat(column);
        return Edit.insert(lineEndAfter(file, lastEnd(mapping.entries())),
                lineBreak + indent + key + ":" + lineBreak + indent + "  " + child + ": " + value);
    }

    /** The column (0-based) of {@code offset} in its line. */
    static int column(SourceFile file, int offset) {
        return offset - file.lineStart(file.lineIndex(offset));
    }

    private static int lastEnd(List<YamlNode.Entry> entries) {
        YamlNode.Entry last = entries.get(entries.size() - 1);
        return last.value() == null ? last.key().range().end() : last.value().range().end();
    }

    /** The end of the line holding the last non-blank character before {@code end}. */
    private static int lineEndAfter(SourceFile file, int end) {
        String text = file.text();
        int at = Math.min(end, text.length());
        while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return file.lineEnd(file.lineIndex(Math.max(0, at - 1)));
    }
}
