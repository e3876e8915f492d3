package dev.vlint.workflow;

import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML comment: {@code range} runs from the {@code #} to the end of the line, {@code text}
 * is what follows the {@code #}. Jackson does not report comments, so they are found in the
 * text: a {@code #} at a line start or after a blank that lies in no scalar.
 */
public record YamlComment(TextRange range, String text) {

    /** True when the comment is the only thing on its line. */
    public boolean ownLine(SourceFile file) {
        int line = file.lineIndex(range.start());
        return file.text().substring(file.lineStart(line), range.start()).isBlank();
    }

    static List<YamlComment> scan(SourceFile file, YamlNode root) {
        String text = file.text();
        boolean[] inScalar = new boolean[text.length()];
        if (root != null) {
            markScalars(text, root, inScalar);
        }
        List<YamlComment> comments = new ArrayList<>();
        for (int line = 0; line < file.lineCount(); line++) {
            int start = file.lineStart(line);
            int end = file.lineEnd(line);
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == '#' && !inScalar[i] && (i == start || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                    comments.add(new YamlComment(new TextRange(i, end), text.substring(i + 1, end)));
                    break;
                }
            }
        }
        return comments;
    }

    private static void markScalars(String text, YamlNode node, boolean[] inScalar) {
        if (node == null) {
            return;
        }
        if (node.isScalar()) {
            int start = node.range().start();
            if (node.style() == YamlNode.Style.LITERAL || node.style() == YamlNode.Style.FOLDED) {
                int lineBreak = text.indexOf('\n', start);
                start = lineBreak < 0 ? node.range().end() : lineBreak; // a comment may follow the | or > header
            }
            for (int i = start; i < node.range().end() && i < inScalar.length; i++) {
                inScalar[i] = true;
            }
            return;
        }
        for (YamlNode.Entry e : node.entries()) {
            markScalars(text, e.key(), inScalar);
            markScalars(text, e.value(), inScalar);
        }
        for (YamlNode item : node.items()) {
            markScalars(text, item, inScalar);
        }
    }
}
