package dev.vlint.workflow;

import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a GitHub Actions workflow file into a {@link Workflow}; never throws. */
public final class WorkflowParser {
    public static final ModelKey<Workflow> KEY = new ModelKey<>("workflow", WorkflowParser::parse);

    /** {@code key: value} (or a bare {@code key:}) as the whole text of a comment. */
    private static final Pattern ENTRY = Pattern.compile("^(\\s*)([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*:(?:[ \\t]+(\\S.*?))?[ \\t]*$");

    private WorkflowParser() {}

    public static Parsed<Workflow> parse(SourceFile file) {
        YamlReader.Document doc = YamlReader.read(file);
        List<CommentedOutEntry> commentedOut = commentedOut(file, doc);
        List<ParseProblem> problems = new ArrayList<>(doc.problems());
        YamlNode root = doc.root();
        if (problems.isEmpty() && (root == null || root.isNull())) {
            problems.add(new ParseProblem(TextRange.at(0), "the workflow is empty: GitHub rejects a workflow file"
                    + " without at least 'on:' and 'jobs:' and shows a failed run for it; delete the file, or disable"
                    + " the workflow in GitHub, rather than commenting it out"));
        } else if (problems.isEmpty() && !root.isMapping()) {
            problems.add(new ParseProblem(root.range(), "a workflow must be a mapping of keys such as 'on:' and"
                    + " 'jobs:', not " + (root.isSequence() ? "a list" : "a single value")));
        }
        return new Parsed<>(new Workflow(file, root, doc.comments(), commentedOut), problems);
    }

    /** A mapping entry of the tree, with its key path and the column its key starts at. */
    private record Placed(List<String> path, int column, int offset, boolean canHaveChildren) {}

    private static List<CommentedOutEntry> commentedOut(SourceFile file, YamlReader.Document doc) {
        List<Placed> placed = new ArrayList<>();
        collect(file, doc.root(), List.of(), placed);
        List<CommentedOutEntry> result = new ArrayList<>();
        for (YamlComment comment : doc.comments()) {
            if (!comment.ownLine(file)) {
                continue;
            }
            Matcher m = ENTRY.matcher(comment.text());
            if (!m.matches()) {
                continue;
            }
            int textStart = comment.range().start() + 1;
            TextRange keyRange = new TextRange(textStart + m.start(2), textStart + m.end(2));
            TextRange valueRange = m.group(3) == null ? TextRange.at(keyRange.end())
                    : new TextRange(textStart + m.start(3), textStart + m.end(3));
            int column = keyRange.start() - file.lineStart(file.lineIndex(keyRange.start()));
            result.add(new CommentedOutEntry(m.group(2), m.group(3) == null ? "" : m.group(3), keyRange, valueRange,
                    comment, enclosingPath(placed, keyRange.start(), column)));
        }
        return result;
    }

    /**
     * The nearest entry above at the same or a smaller indentation decides: same column means a
     * sibling, a smaller column over a mapping (or an empty value) means a child.
     */
    private static List<String> enclosingPath(List<Placed> placed, int offset, int column) {
        for (int i = placed.size() - 1; i >= 0; i--) {
            Placed p = placed.get(i);
            if (p.offset() > offset || p.column() > column) {
                continue;
            }
            if (p.column() < column && p.canHaveChildren()) {
                return p.path();
            }
            return p.path().subList(0, p.path().size() - 1);
        }
        return List.of();
    }

    private static void collect(SourceFile file, YamlNode node, List<String> path, List<Placed> out) {
        if (node == null) {
            return;
        }
        for (YamlNode.Entry e : node.entries()) {
            List<String> keyPath = new ArrayList<>(path);
            keyPath.add(e.key().value());
            int start = e.key().range().start();
            int column = start - file.lineStart(file.lineIndex(start));
            boolean parent = e.value() == null || e.value().isMapping() || e.value().isNull();
            out.add(new Placed(List.copyOf(keyPath), column, start, parent));
            collect(file, e.value(), keyPath, out);
        }
        for (YamlNode item : node.items()) {
            collect(file, item, path, out);
        }
    }
}
