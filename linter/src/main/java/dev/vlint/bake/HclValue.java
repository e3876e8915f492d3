package dev.vlint.bake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A value of an evaluated HCL expression. {@link Unknown} stands for anything that could not be
 * determined (an unset variable, an unsupported function, a type error): it spreads through every
 * operation that uses it, so a result is either right or unknown, never a guess.
 */
public sealed interface HclValue {
    Unknown UNKNOWN = new Unknown();
    Null NULL = new Null();

    record Str(String value) implements HclValue {}

    record Num(BigDecimal value) implements HclValue {
        /** The shortest decimal form, as cty prints numbers: {@code 2}, {@code 2.5}. */
        @Override
        public String toString() {
            BigDecimal plain = value.stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
        }
    }

    record Bool(boolean value) implements HclValue {}

    record Null() implements HclValue {}

    /** A tuple or list. */
    record Tuple(List<HclValue> items) implements HclValue {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** An object or map; attributes are kept sorted by name, the order HCL iterates them in. */
    record Obj(SortedMap<String, HclValue> attributes) implements HclValue {
        public Obj {
            attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        }

        public HclValue get(String name) {
            return attributes.get(name);
        }
    }

    record Unknown() implements HclValue {}

    static HclValue of(String s) {
        return new Str(s);
    }

    static HclValue of(boolean b) {
        return new Bool(b);
    }

    static HclValue of(long n) {
        return new Num(BigDecimal.valueOf(n));
    }

    static HclValue tuple(List<HclValue> items) {
        return items.contains(UNKNOWN) ? UNKNOWN : new Tuple(items);
    }

    static HclValue object(Map<String, HclValue> attributes) {
        return attributes.containsValue(UNKNOWN) ? UNKNOWN : new Obj(new TreeMap<>(attributes));
    }

    default boolean isKnown() {
        return !(this instanceof Unknown);
    }

    /** The value as a string, converting numbers and bools as HCL does; empty for anything else. */
    default Optional<String> asString() {
        if (this instanceof Str s) {
            return Optional.of(s.value());
        }
        if (this instanceof Num || this instanceof Bool) {
            return Optional.of(this instanceof Bool b ? String.valueOf(b.value()) : toString());
        }
        return Optional.empty();
    }

    /** The strings of a tuple of strings (or of a single string); empty when any item is not one. */
    default Optional<List<String>> asStrings() {
        if (!(this instanceof Tuple tuple)) {
            return asString().map(List::of);
        }
        List<String> out = new ArrayList<>();
        for (HclValue item : tuple.items()) {
            Optional<String> s = item.asString();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            out.add(s.get());
        }
        return Optional.of(out);
    }
}
