package dev.vlint.suppress;

import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.RuleMeta;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlComment;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * zizmor's {@code # zizmor: ignore[audit,...] reason} comments in workflows. As in zizmor the
 * comment must be a real YAML comment (not text inside a {@code run: |} block) lying within the
 * finding's span: the step that holds the finding, or outside steps the YAML entry the comment
 * sits in (the key on its line with its nested lines). Audit names map to rules through their
 * {@code zizmor:<audit>} aliases; names no rule carries are left to zizmor.
 */
final class ZizmorIgnore {
    /** zizmor's grammar: exactly {@code # zizmor: ignore[}, a comma list, {@code ]}, then a blank or the end. */
    private static final Pattern IGNORE = Pattern.compile("# zizmor: ignore\\[(.+)\\](?:\\s.*)?$");

    private ZizmorIgnore() {}

    static List<Suppression> scan(SourceFile file, RuleIndex rules) {
        List<Suppression> found = new ArrayList<>();
        if (!file.text().contains("zizmor: ignore[")) {
            return found;
        }
        Workflow workflow = WorkflowParser.parse(file).model();
        for (YamlComment comment : workflow.comments()) {
            Matcher m = IGNORE.matcher(file.text()).region(comment.range().start(), comment.range().end());
            if (!m.find()) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            List<TextRange> ranges = new ArrayList<>();
            int at = m.start(1);
            for (String name : m.group(1).split(",", -1)) {
                String audit = name.strip();
                int start = at + name.indexOf(audit);
                for (RuleMeta meta : rules.all()) {
                    if (!audit.isEmpty() && meta.aliases().contains("zizmor:" + audit) && !ids.contains(meta.id())) {
                        ids.add(meta.id());
                        ranges.add(new TextRange(start, start + audit.length()));
                    }
                }
                at += name.length() + 1;
            }
            if (!ids.isEmpty()) {
                String reason = file.text().substring(m.end(1) + 1, comment.range().end()).trim();
                TextRange span = span(workflow, file, comment.range().start());
                found.add(new Suppression(ids, ranges, reason, span, comment.range(), comment.range(), true));
            }
        }
        return found;
    }

    /** The whole lines of the step holding {@code offset}, else of the innermost entry holding its line. */
    private static TextRange span(Workflow workflow, SourceFile file, int offset) {
        int line = file.lineIndex(offset);
        for (Job job : workflow.jobs()) {
            for (Step step : job.steps()) {
                if (holds(file, step.node().range(), line)) {
                    return lines(file, step.node().range());
                }
            }
        }
        TextRange entry = innermostEntry(file, workflow.root(), line);
        return entry == null ? TextRange.at(offset) : lines(file, entry);
    }

    private static TextRange innermostEntry(SourceFile file, YamlNode node, int line) {
        if (node == null) {
            return null;
        }
        for (YamlNode.Entry e : node.entries()) {
            TextRange range = e.value() == null ? e.key().range() : e.key().range().union(e.value().range());
            if (holds(file, range, line)) {
                TextRange inner = innermostEntry(file, e.value(), line);
                return inner == null ? range : inner;
            }
        }
        for (YamlNode item : node.items()) {
            if (holds(file, item.range(), line)) {
                return innermostEntry(file, item, line);
            }
        }
        return null;
    }

    private static boolean holds(SourceFile file, TextRange range, int line) {
        return file.lineIndex(range.start()) <= line && line <= lastLine(file, range);
    }

    private static TextRange lines(SourceFile file, TextRange range) {
        return new TextRange(file.lineStart(file.lineIndex(range.start())), file.lineEnd(lastLine(file, range)));
    }

    /** The line of the last character of {@code range} that is not white: a block scalar's range runs on to the next key. */
    private static int lastLine(SourceFile file, TextRange range) {
        int end = range.end();
        while (end > range.start() + 1 && Character.isWhitespace(file.text().charAt(end - 1))) {
            end--;
        }
        return file.lineIndex(Math.max(range.start(), end - 1));
    }
}
