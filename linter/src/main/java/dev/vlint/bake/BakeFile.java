package dev.vlint.bake;

import java.util.List;

/**
 * A parsed bake file: top-level attributes, blocks ({@code variable}, {@code function}, {@code group},
 * {@code target}) and comments. {@link BakeDefinition} evaluates it.
 */
public final class BakeFile {
    private final List<BakeAttribute> attributes;
    private final List<BakeBlock> blocks;
    private final List<BakeComment> comments;

    BakeFile(List<BakeAttribute> attributes, List<BakeBlock> blocks, List<BakeComment> comments) {
        this.attributes = List.copyOf(attributes);
        this.blocks = List.copyOf(blocks);
        this.comments = List.copyOf(comments);
    }

    public List<BakeAttribute> attributes() {
        return attributes;
    }

    public List<BakeBlock> blocks() {
        return blocks;
    }

    public List<BakeComment> comments() {
        return comments;
    }

    public List<BakeBlock> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    public List<BakeBlock> targets() {
        return blocks("target");
    }

    public List<BakeBlock> groups() {
        return blocks("group");
    }

    public List<BakeBlock> variables() {
        return blocks("variable");
    }

    /** The target block with this name (the last one if repeated), or null. */
    public BakeBlock target(String name) {
        return named("target", name);
    }

    public BakeBlock variable(String name) {
        return named("variable", name);
    }

    private BakeBlock named(String type, String name) {
        BakeBlock found = null;
        for (BakeBlock b : blocks(type)) {
            if (name.equals(b.name())) {
                found = b;
            }
        }
        return found;
    }
}
