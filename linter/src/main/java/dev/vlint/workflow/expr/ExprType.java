package dev.vlint.workflow.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The static type of an expression value. Objects know their properties (looked up ignoring
 * case, as GitHub does) and, for maps such as {@code env} or {@code secrets}, the type of any
 * other key; a strict object without such a type makes an unknown property an error.
 */
public sealed interface ExprType {
    ExprType ANY = new Simple("any");
    ExprType NULL = new Simple("null");
    ExprType BOOL = new Simple("bool");
    ExprType NUMBER = new Simple("number");
    ExprType STRING = new Simple("string");

    record Simple(String name) implements ExprType {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * @param properties known keys, lower-cased
     * @param others the type of keys not listed, or null when only the listed keys exist
     */
    record ObjectType(Map<String, ExprType> properties, ExprType others) implements ExprType {
        public ObjectType {
            Map<String, ExprType> lower = new LinkedHashMap<>();
            properties.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            properties = Collections.unmodifiableMap(lower);
        }

        /** Only the given keys. */
        public static ObjectType strict(Map<String, ExprType> properties) {
            return new ObjectType(properties, null);
        }

        /** Any key, each of type {@code values}. */
        public static ObjectType mapOf(ExprType values) {
            return new ObjectType(Map.of(), values);
        }

        /** The type of {@code key}, or null when a strict object has no such key. */
        public ExprType property(String key) {
            ExprType known = properties.get(key.toLowerCase(Locale.ROOT));
            return known != null ? known : others;
        }

        @Override
        public String toString() {
            return others == null ? "object" + properties.keySet() : "object";
        }
    }

    record ArrayType(ExprType element) implements ExprType {
        @Override
        public String toString() {
            return "array<" + element + ">";
        }
    }
}
