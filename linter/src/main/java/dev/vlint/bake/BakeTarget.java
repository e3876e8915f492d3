package dev.vlint.bake;

import java.util.Map;

/**
 * One target of an evaluated bake definition: a {@code target} block, or one combination of its
 * {@code matrix}, after {@code inherits}.
 *
 * @param name the target's name ({@code name} of a matrix target), or null when it cannot be evaluated
 * @param block the (first) block that defines it, for its location
 * @param attributes the attributes after inheritance; {@code inherits}, {@code matrix} and {@code name} left out
 * @param partial some parent target is not known, so an attribute not listed may still be set
 */
public record BakeTarget(String name, BakeBlock block, Map<String, HclValue> attributes, boolean partial) {
    public BakeTarget {
        attributes = Map.copyOf(attributes);
    }

    /** The attribute's value; unknown when it may come from a parent that is not known; null when unset. */
    public HclValue attribute(String attribute) {
        HclValue value = attributes.get(attribute);
        return value == null && partial ? HclValue.UNKNOWN : value;
    }
}
