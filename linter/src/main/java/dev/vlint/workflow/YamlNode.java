package dev.vlint.workflow;

import dev.vlint.source.TextRange;
import java.util.List;

/**
 * One node of a YAML document with its exact place in the file. A scalar keeps its value (as
 * the YAML parser decoded it) and its style; a mapping keeps its entries in file order with the
 * key's own range; aliases ({@code *name}) are kept as scalars with {@link #alias()} set and are
 * never expanded.
 */
public final class YamlNode {
    public enum Kind { MAPPING, SEQUENCE, SCALAR }

    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED, BLOCK, FLOW }

    /** A mapping entry: the key is a scalar node, the value may be null only in a truncated document. */
    public record Entry(YamlNode key, YamlNode value) {}

    private final Kind kind;
    private final Style style;
    private final TextRange range;
    private final String value;
    private final boolean alias;
    private final String anchor;
    private final List<Entry> entries;
    private final List<YamlNode> items;

    private YamlNode(Kind kind, Style style, TextRange range, String value, boolean alias, String anchor,
            List<Entry> entries, List<YamlNode> items) {
        this.kind = kind;
        this.style = style;
        this.range = range;
        this.value = value;
        this.alias = alias;
        this.anchor = anchor;
        this.entries = entries;
        this.items = items;
    }

    static YamlNode scalar(Style style, TextRange range, String value, boolean alias, String anchor) {
        return new YamlNode(Kind.SCALAR, style, range, value, alias, anchor, List.of(), List.of());
    }

    static YamlNode mapping(Style style, TextRange range, String anchor, List<Entry> entries) {
        return new YamlNode(Kind.MAPPING, style, range, null, false, anchor, List.copyOf(entries), List.of());
    }

    static YamlNode sequence(Style style, TextRange range, String anchor, List<YamlNode> items) {
        return new YamlNode(Kind.SEQUENCE, style, range, null, false, anchor, List.of(), List.copyOf(items));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    /** Scalar styles, or BLOCK/FLOW for collections. */
    public Style style() {
        return style;
    }

    /**
     * The node in the file: for a quoted scalar including its quotes, for a block scalar from the
     * {@code |}/{@code >} indicator to the end of its content, for a collection its whole extent.
     */
    public TextRange range() {
        return range;
    }

    /** The decoded scalar value ({@code ""} for an empty value, the anchor name for an alias); null for collections. */
    public String value() {
        return value;
    }

    public boolean alias() {
        return alias;
    }

    /** The {@code &anchor} name on this node, or null. */
    public String anchor() {
        return anchor;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<YamlNode> items() {
        return items;
    }

    /** The value under {@code key} in a mapping, or null (also for non-mappings). */
    public YamlNode get(String key) {
        Entry entry = entry(key);
        return entry == null ? null : entry.value();
    }

    /** The entry for {@code key}, or null; with duplicate keys the last one wins, as in GitHub's loader. */
    public Entry entry(String key) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.key().value().equals(key)) {
                found = e;
            }
        }
        return found;
    }

    /** A plain scalar with no value ({@code key:} or {@code ~} or {@code null}). */
    public boolean isNull() {
        return kind == Kind.SCALAR && style == Style.PLAIN && !alias
                && (value.isEmpty() || value.equals("~") || value.equals("null"));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SCALAR -> (alias ? "*" : "") + value;
            case MAPPING -> entries.toString();
            case SEQUENCE -> items.toString();
        };
    }
}
