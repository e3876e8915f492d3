package dev.vlint.workflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vlint.project.ParseProblem;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.yaml.YamlErrors;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Builds a {@link YamlNode} tree with exact ranges from Jackson's streaming YAML parser. On a
 * syntax error the tree read so far is kept (open collections are closed at the error) and the
 * error becomes a {@link ParseProblem}. Aliases are kept as references and never expanded, so
 * alias bombs cost nothing; nesting depth, file size and line length are bounded.
 */
public final class YamlReader {
    static final int MAX_DEPTH = 100;
    static final int MAX_CHARS = 4 * 1024 * 1024;
    /** The YAML scanner's work grows with the square of a line's length, so huge lines are refused. */
    static final int MAX_LINE_CHARS = 64 * 1024;

    /** The first document of a file (root may be null), its comments and the problems met. */
    public record Document(YamlNode root, List<YamlComment> comments, List<ParseProblem> problems) {}

    private final SourceFile file;
    private final CodePoints codePoints;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final Deque<Frame> open = new ArrayDeque<>();
    /** The anchors defined so far: an alias may only refer to an earlier one. */
    private final Set<String> anchors = new HashSet<>();
    private YamlNode root;

    private YamlReader(SourceFile file) {
        this.file = file;
        this.codePoints = new CodePoints(file.text());
    }

    public static Document read(SourceFile file) {
        if (file.text().length() > MAX_CHARS) {
            return new Document(null, List.of(), List.of(new ParseProblem(TextRange.at(0),
                    "YAML file larger than " + MAX_CHARS + " characters is not read")));
        }
        for (int line = 0; line < file.lineCount(); line++) {
            if (file.lineEnd(line) - file.lineStart(line) > MAX_LINE_CHARS) {
                return new Document(null, List.of(), List.of(new ParseProblem(TextRange.at(file.lineStart(line)),
                        "YAML line longer than " + MAX_LINE_CHARS + " characters is not read")));
            }
        }
        YamlReader reader = new YamlReader(file);
        reader.run();
        List<YamlComment> comments = YamlComment.scan(file, reader.root);
        return new Document(reader.root, comments, reader.problems);
    }

    private static final class Frame {
        final boolean mapping;
        final int start;
        final String anchor;
        final Style style;
        final List<YamlNode.Entry> entries = new ArrayList<>();
        final List<YamlNode> items = new ArrayList<>();
        YamlNode pendingKey;

        Frame(boolean mapping, int start, String anchor, Style style) {
            this.mapping = mapping;
            this.start = start;
            this.anchor = anchor;
            this.style = style;
        }
    }

    private record Style(YamlNode.Style style, int start) {}

    private void run() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        int lastOffset = 0;
        try (YAMLParser parser = (YAMLParser) factory.createParser(file.text())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int start = offset(parser.getTokenLocation());
                int end = Math.max(start, offset(parser.currentLocation()));
                lastOffset = end;
                if (root != null && open.isEmpty()) {
                    break; // only the first document is read
                }
                if (open.size() >= MAX_DEPTH) {
                    problems.add(new ParseProblem(TextRange.at(start), "YAML nesting deeper than " + MAX_DEPTH));
                    break;
                }
                handle(parser, token, start, end);
            }
        } catch (JsonProcessingException e) {
            YamlErrors.Error error = YamlErrors.describe(e, file.text());
            int at = codePoints.toUtf16(error.offset());
            problems.add(new ParseProblem(TextRange.at(at), error.message()));
            closeAll(Math.max(at, lastOffset));
        } catch (IOException | RuntimeException e) {
            problems.add(new ParseProblem(TextRange.at(lastOffset), "YAML could not be read: " + e.getMessage()));
            closeAll(lastOffset);
        }
    }

    private void handle(YAMLParser parser, JsonToken token, int start, int end) throws IOException {
        switch (token) {
            case START_OBJECT, START_ARRAY -> {
                Style style = collectionStyle(start, end);
                String anchor = parser.getObjectId();
                if (anchor != null) {
                    anchors.add(anchor);
                }
                open.push(new Frame(token == JsonToken.START_OBJECT, style.start(), anchor, style));
            }
            case END_OBJECT, END_ARRAY -> close(end);
            case FIELD_NAME -> {
                Style style = scalarStyle(start, end);
                YamlNode key = YamlNode.scalar(style.style(), new TextRange(style.start(), end),
                        parser.getText(), false, null);
                if (!open.isEmpty()) {
                    open.peek().pendingKey = key;
                }
            }
            default -> {
                Style style = scalarStyle(start, end);
                String value = token == JsonToken.VALUE_NULL ? file.text().substring(style.start(), end)
                        : parser.getText();
                TextRange range = new TextRange(style.start(), end);
                if (parser.isCurrentAlias() && !anchors.contains(value)) {
                    problems.add(new ParseProblem(range, "the alias *" + value + " refers to no anchor: define &"
                            + value + " on a node before it"));
                } else if (!parser.isCurrentAlias()) {
                    anchorWritten(start, style.start()); // the parser does not report a scalar's anchor
                }
                add(YamlNode.scalar(style.style(), range, value, parser.isCurrentAlias(), parser.getObjectId()));
            }
        }
    }

    private void close(int end) {
        Frame frame = open.pop();
        TextRange range = new TextRange(frame.start, Math.max(frame.start, end));
        if (frame.mapping && frame.pendingKey != null) {
            frame.entries.add(new YamlNode.Entry(frame.pendingKey, null));
        }
        if (frame.mapping) {
            reportDuplicateKeys(frame.entries);
        }
        add(frame.mapping ? YamlNode.mapping(frame.style.style(), range, frame.anchor, frame.entries)
                : YamlNode.sequence(frame.style.style(), range, frame.anchor, frame.items));
    }

    /** A key written twice in one mapping: YAML requires unique keys, and GitHub rejects the file. */
    private void reportDuplicateKeys(List<YamlNode.Entry> entries) {
        Map<String, YamlNode> first = new HashMap<>();
        for (YamlNode.Entry entry : entries) {
            YamlNode key = entry.key();
            YamlNode earlier = first.putIfAbsent(key.value(), key);
            if (earlier != null) {
                Position at = file.position(earlier.range().start());
                problems.add(new ParseProblem(key.range(), "duplicate key '" + key.value() + "': it is already set at"
                        + " line " + at.line() + ", column " + at.column() + ", and a mapping must not repeat a key"));
            }
        }
    }

    private void closeAll(int end) {
        while (!open.isEmpty()) {
            close(Math.max(end, open.peek().start));
        }
    }

    private void add(YamlNode node) {
        Frame parent = open.peek();
        if (parent == null) {
            if (root == null) {
                root = node;
            }
        } else if (parent.mapping) {
            if (parent.pendingKey != null) {
                parent.entries.add(new YamlNode.Entry(parent.pendingKey, node));
                parent.pendingKey = null;
            }
        } else {
            parent.items.add(node);
        }
    }

    private Style scalarStyle(int start, int end) {
        int at = skipProperties(start, end);
        char c = at < file.text().length() ? file.text().charAt(at) : '\0';
        YamlNode.Style style = switch (c) {
            case '\'' -> YamlNode.Style.SINGLE_QUOTED;
            case '"' -> YamlNode.Style.DOUBLE_QUOTED;
            case '|' -> YamlNode.Style.LITERAL;
            case '>' -> YamlNode.Style.FOLDED;
            default -> YamlNode.Style.PLAIN;
        };
        return new Style(style, at);
    }

    private Style collectionStyle(int start, int end) {
        int at = skipProperties(start, end);
        char c = at < file.text().length() ? file.text().charAt(at) : '\0';
        boolean flow = c == '{' || c == '[';
        return new Style(flow ? YamlNode.Style.FLOW : YamlNode.Style.BLOCK, flow ? at : start);
    }

    /** Records the {@code &anchor} among the properties written between {@code start} and {@code end}. */
    private void anchorWritten(int start, int end) {
        String text = file.text();
        for (int at = start; at < end; at++) {
            if (text.charAt(at) != '&') {
                continue;
            }
            int nameEnd = at + 1;
            while (nameEnd < end && !Character.isWhitespace(text.charAt(nameEnd))) {
                nameEnd++;
            }
            anchors.add(text.substring(at + 1, nameEnd));
        }
    }

    /** Skips {@code &anchor} and {@code !tag} properties that the parser counts as part of the node. */
    private int skipProperties(int start, int end) {
        String text = file.text();
        int at = start;
        while (at < end && (text.charAt(at) == '&' || text.charAt(at) == '!')) {
            while (at < end && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            while (at < end && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
        return at;
    }

    private int offset(JsonLocation location) {
        long raw = location.getCharOffset();
        return codePoints.toUtf16((int) Math.max(0, Math.min(raw, Integer.MAX_VALUE)));
    }

    /** The YAML parser counts code points; file offsets count UTF-16 units. */
    private static final class CodePoints {
        private final String text;
        private final int[] utf16;

        CodePoints(String text) {
            this.text = text;
            boolean surrogates = text.chars().anyMatch(c -> Character.isSurrogate((char) c));
            if (!surrogates) {
                utf16 = null;
                return;
            }
            utf16 = new int[text.codePointCount(0, text.length()) + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                utf16[cp++] = i;
            }
            utf16[cp] = text.length();
        }

        int toUtf16(int codePoint) {
            if (utf16 == null) {
                return Math.min(codePoint, text.length());
            }
            return utf16[Math.min(codePoint, utf16.length - 1)];
        }
    }
}
