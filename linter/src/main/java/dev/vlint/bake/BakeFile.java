package dev.vlint.bake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed bake file: top-level attributes, blocks ({@code variable}, {@code group}, {@code target}, ...) and comments. */
public final class BakeFile {
    /** Map attributes that inheritance merges key by key (buildx {@code Target.Merge}). */
    private static final Set<String> MERGED_MAPS = Set.of("args", "contexts", "labels");
    /** List attributes that inheritance appends to. */
    private static final Set<String> APPENDED_LISTS = Set.of("annotations", "attest", "secret", "ssh", "cache-from");

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

    /**
     * The attributes of a target after {@code inherits}: the inherited targets in order, then
     * the target's own attributes. {@code args}, {@code contexts} and {@code labels} merge key by
     * key, {@code annotations}, {@code attest}, {@code secret}, {@code ssh} and {@code cache-from}
     * append, everything else is replaced. Unknown or cyclic parents are skipped; the
     * {@code inherits} attribute itself is left out. Empty for an unknown target.
     */
    public Map<String, BakeAttribute> resolve(String target) {
        return resolve(target, new HashSet<>(), new HashMap<>());
    }

    /** {@code done} memoizes resolved parents so that diamond-shaped inheritance stays linear. */
    private Map<String, BakeAttribute> resolve(String name, Set<String> visiting, Map<String, Map<String, BakeAttribute>> done) {
        if (done.containsKey(name)) {
            return done.get(name);
        }
        Map<String, BakeAttribute> result = new LinkedHashMap<>();
        BakeBlock block = target(name);
        if (block == null || !visiting.add(name)) {
            return result;
        }
        BakeAttribute inherits = block.attribute("inherits");
        if (inherits != null) {
            for (String parent : inherits.value().strings()) {
                resolve(parent, visiting, done).values().forEach(a -> merge(result, a));
            }
        }
        for (BakeAttribute own : block.attributes()) {
            if (!own.name().equals("inherits")) {
                merge(result, own);
            }
        }
        visiting.remove(name);
        done.put(name, result);
        return result;
    }

    private static void merge(Map<String, BakeAttribute> into, BakeAttribute attribute) {
        BakeAttribute earlier = into.get(attribute.name());
        BakeValue value = attribute.value();
        BakeValue old = earlier == null ? null : earlier.value();
        if (old != null && old.kind() == value.kind() && MERGED_MAPS.contains(attribute.name())
                && value.kind() == BakeValue.Kind.MAP) {
            Map<String, BakeAttribute> entries = new LinkedHashMap<>();
            old.entries().forEach(e -> entries.put(e.name(), e));
            value.entries().forEach(e -> entries.put(e.name(), e));
            value = BakeValue.map(value.range(), new ArrayList<>(entries.values()));
        } else if (old != null && old.kind() == value.kind() && APPENDED_LISTS.contains(attribute.name())
                && value.kind() == BakeValue.Kind.LIST) {
            List<BakeValue> items = new ArrayList<>(old.items());
            items.addAll(value.items());
            value = BakeValue.list(value.range(), items);
        }
        into.put(attribute.name(), new BakeAttribute(attribute.name(), attribute.nameRange(), value, attribute.range()));
    }
}
