package dev.vlint.dockerfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable map of variables by name whose {@link #with} shares all but a few nodes with the
 * map it came from (a hash array mapped trie), so every instruction of a stage can keep the
 * variables it sees without copying them: a stage of n ARGs costs O(n), not O(n^2).
 */
final class VariableMap {
    static final VariableMap EMPTY = new VariableMap(new Node(0, new Object[0]), 0);

    private static final int BITS = 5;
    private static final int MASK = (1 << BITS) - 1;

    /** Children by the next 5 bits of the name's hash: a Node, or a Leaf chain of names whose hashes collide. */
    private record Node(int bitmap, Object[] slots) {}

    /** One variable, with its insertion number (for {@link #toMap}'s order) and the next leaf of equal hash. */
    private record Leaf(String name, Scope.Variable value, int order, Leaf next) {}

    private final Node root;
    private final int size;

    private VariableMap(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    Scope.Variable get(String name) {
        int hash = name.hashCode();
        Node node = root;
        for (int shift = 0; ; shift += BITS) {
            int bit = 1 << ((hash >>> shift) & MASK);
            if ((node.bitmap() & bit) == 0) {
                return null;
            }
            Object slot = node.slots()[Integer.bitCount(node.bitmap() & (bit - 1))];
            if (slot instanceof Node child) {
                node = child;
                continue;
            }
            for (Leaf leaf = (Leaf) slot; leaf != null; leaf = leaf.next()) {
                if (leaf.name().equals(name)) {
                    return leaf.value();
                }
            }
            return null;
        }
    }

    /** This map with {@code name} set to {@code value}, replacing an earlier value (which keeps its place in the order). */
    VariableMap with(String name, Scope.Variable value) {
        boolean[] added = new boolean[1];
        Node updated = put(root, name, name.hashCode(), 0, value, size, added);
        return new VariableMap(updated, added[0] ? size + 1 : size);
    }

    private static Node put(Node node, String name, int hash, int shift, Scope.Variable value, int order,
            boolean[] added) {
        int bit = 1 << ((hash >>> shift) & MASK);
        int index = Integer.bitCount(node.bitmap() & (bit - 1));
        if ((node.bitmap() & bit) == 0) {
            Object[] slots = new Object[node.slots().length + 1];
            System.arraycopy(node.slots(), 0, slots, 0, index);
            slots[index] = new Leaf(name, value, order, null);
            System.arraycopy(node.slots(), index, slots, index + 1, node.slots().length - index);
            added[0] = true;
            return new Node(node.bitmap() | bit, slots);
        }
        Object slot = node.slots()[index];
        Object replacement;
        if (slot instanceof Node child) {
            replacement = put(child, name, hash, shift + BITS, value, order, added);
        } else {
            Leaf leaf = (Leaf) slot;
            if (leaf.name().hashCode() == hash || shift + BITS >= Integer.SIZE) {
                replacement = replaceInChain(leaf, name, value, order, added);
            } else {
                // Two names share these bits but not the hash: push the leaf one level down.
                Node pushed = new Node(1 << ((leaf.name().hashCode() >>> (shift + BITS)) & MASK), new Object[] {leaf});
                replacement = put(pushed, name, hash, shift + BITS, value, order, added);
            }
        }
        Object[] slots = Arrays.copyOf(node.slots(), node.slots().length);
        slots[index] = replacement;
        return new Node(node.bitmap(), slots);
    }

    private static Leaf replaceInChain(Leaf chain, String name, Scope.Variable value, int order, boolean[] added) {
        for (Leaf leaf = chain; leaf != null; leaf = leaf.next()) {
            if (leaf.name().equals(name)) {
                return rebuild(chain, leaf, new Leaf(name, value, leaf.order(), leaf.next()));
            }
        }
        added[0] = true;
        return new Leaf(name, value, order, chain);
    }

    /** The chain with {@code old} replaced by {@code replacement} (whose next is old's). */
    private static Leaf rebuild(Leaf chain, Leaf old, Leaf replacement) {
        return chain == old ? replacement : new Leaf(chain.name(), chain.value(), chain.order(),
                rebuild(chain.next(), old, replacement));
    }

    int size() {
        return size;
    }

    /** The variables in the order their names were first set. */
    Map<String, Scope.Variable> toMap() {
        List<Leaf> leaves = new ArrayList<>(size);
        collect(root, leaves);
        leaves.sort(Comparator.comparingInt(Leaf::order));
        Map<String, Scope.Variable> map = new LinkedHashMap<>();
        leaves.forEach(leaf -> map.put(leaf.name(), leaf.value()));
        return map;
    }

    private static void collect(Node node, List<Leaf> into) {
        for (Object slot : node.slots()) {
            if (slot instanceof Node child) {
                collect(child, into);
            } else {
                for (Leaf leaf = (Leaf) slot; leaf != null; leaf = leaf.next()) {
                    into.add(leaf);
                }
            }
        }
    }
}
