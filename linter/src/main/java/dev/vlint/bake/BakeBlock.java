package dev.vlint.bake;

import dev.vlint.source.TextRange;
import java.util.List;

/**
 * A block such as {@code target "app" { ... }}: its type, labels (usually one name), the label
 * ranges, its attributes and nested blocks in file order.
 */
public record BakeBlock(String type, List<String> labels, List<TextRange> labelRanges, TextRange range,
        List<BakeAttribute> attributes, List<BakeBlock> blocks) {
    public BakeBlock {
        labels = List.copyOf(labels);
        labelRanges = List.copyOf(labelRanges);
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    /** The first label, e.g. the target name; null if the block has none. */
    public String name() {
        return labels.isEmpty() ? null : labels.get(0);
    }

    /** The attribute with this name (the last one if repeated), or null. */
    public BakeAttribute attribute(String name) {
        BakeAttribute found = null;
        for (BakeAttribute a : attributes) {
            if (a.name().equals(name)) {
                found = a;
            }
        }
        return found;
    }
}
