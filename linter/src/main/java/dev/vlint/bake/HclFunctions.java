package dev.vlint.bake;

import dev.vlint.bake.HclValue.Bool;
import dev.vlint.bake.HclValue.Num;
import dev.vlint.bake.HclValue.Obj;
import dev.vlint.bake.HclValue.Str;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The functions of buildx's bake standard library (go-cty's stdlib, {@code bake/hclparser/stdlib.go})
 * that matter for finding what a bake file builds, with go-cty's semantics. A function not listed
 * here (regular expressions among them: Java's engine is not linear as RE2 is), or called with
 * arguments it does not accept, yields null: the caller makes it unknown.
 */
final class HclFunctions {
    private HclFunctions() {}

    static HclValue call(String name, List<HclValue> args) {
        try {
            return switch (name) {
                case "equal" -> args.size() == 2 ? HclValue.of(HclEvaluator.equal(args.get(0), args.get(1))) : null;
                case "notequal" -> args.size() == 2 ? HclValue.of(!HclEvaluator.equal(args.get(0), args.get(1))) : null;
                case "and" -> logic("&&", args);
                case "or" -> logic("||", args);
                case "not" -> args.size() == 1 && HclEvaluator.toBool(args.get(0)) instanceof Bool b ? HclValue.of(!b.value()) : null;
                case "greaterthan" -> arithmetic(">", args);
                case "greaterthanorequalto" -> arithmetic(">=", args);
                case "lessthan" -> arithmetic("<", args);
                case "lessthanorequalto" -> arithmetic("<=", args);
                case "add" -> arithmetic("+", args);
                case "subtract" -> arithmetic("-", args);
                case "multiply" -> arithmetic("*", args);
                case "divide" -> arithmetic("/", args);
                case "modulo" -> arithmetic("%", args);
                case "negate" -> args.size() == 1 ? HclEvaluator.binary("-", HclValue.of(0), args.get(0)) : null;
                case "absolute" -> number(args, 0).map(n -> (HclValue) new Num(n.abs())).orElse(null);
                case "ceil" -> number(args, 0).map(n -> (HclValue) new Num(n.setScale(0, RoundingMode.CEILING))).orElse(null);
                case "floor" -> number(args, 0).map(n -> (HclValue) new Num(n.setScale(0, RoundingMode.FLOOR))).orElse(null);
                case "max", "min" -> extreme(name.equals("max"), args);
                case "lower" -> string(args, 0).map(s -> HclValue.of(s.toLowerCase(java.util.Locale.ROOT))).orElse(null);
                case "upper" -> string(args, 0).map(s -> HclValue.of(s.toUpperCase(java.util.Locale.ROOT))).orElse(null);
                case "trimspace" -> string(args, 0).map(s -> HclValue.of(s.strip())).orElse(null);
                case "chomp" -> string(args, 0).map(s -> HclValue.of(stripTrailing(s, "\r\n"))).orElse(null);
                case "strlen" -> string(args, 0).map(s -> HclValue.of(s.codePointCount(0, s.length()))).orElse(null);
                case "trimprefix" -> args.size() == 2 ? trimAffix(args, true) : null;
                case "trimsuffix" -> args.size() == 2 ? trimAffix(args, false) : null;
                case "trim" -> args.size() == 2 ? trim(string(args, 0).orElse(null), string(args, 1).orElse(null)) : null;
                case "replace" -> args.size() == 3 && string(args, 0).isPresent() && string(args, 1).isPresent()
                        && string(args, 2).isPresent() && !string(args, 1).get().isEmpty()
                        ? HclValue.of(string(args, 0).get().replace(string(args, 1).get(), string(args, 2).get())) : null;
                case "substr" -> substr(args);
                case "sanitize" -> string(args, 0).map(s -> HclValue.of(s.replaceAll("[^a-zA-Z0-9_-]", "_"))).orElse(null);
                case "join" -> join(args);
                case "split" -> split(args);
                case "format" -> format(args);
                case "length" -> length(args);
                case "concat" -> concat(args);
                case "flatten" -> args.size() == 1 && args.get(0) instanceof HclValue.Tuple t ? flatten(t) : null;
                case "distinct" -> distinct(args);
                case "compact" -> compact(args);
                case "contains" -> args.size() == 2 && args.get(0) instanceof HclValue.Tuple t
                        ? HclValue.of(t.items().stream().anyMatch(v -> HclEvaluator.equal(v, args.get(1)))) : null;
                case "index", "indexof" -> indexOf(args);
                case "element" -> element(args);
                case "slice" -> slice(args);
                case "reverse", "reverselist" -> reverse(args);
                case "sort" -> sort(args);
                case "coalesce" -> args.stream().filter(v -> !(v instanceof HclValue.Null)).findFirst().orElse(null);
                case "lookup" -> lookup(args);
                case "keys", "values" -> keysOrValues(name.equals("keys"), args);
                case "merge" -> merge(args);
                case "zipmap" -> zipmap(args);
                case "range" -> range(args);
                case "basename" -> string(args, 0).map(s -> {
                    String trimmed = stripTrailing(s, "/");
                    return HclValue.of(trimmed.substring(trimmed.lastIndexOf('/') + 1));
                }).orElse(null);
                case "dirname" -> string(args, 0).map(HclFunctions::dirname).orElse(null);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null; // arguments the function rejects: HCL reports an error, the value is unknown
        }
    }

    private static HclValue logic(String operator, List<HclValue> args) {
        return args.size() == 2 ? known(HclEvaluator.binary(operator, args.get(0), args.get(1))) : null;
    }

    private static HclValue arithmetic(String operator, List<HclValue> args) {
        return args.size() == 2 ? known(HclEvaluator.binary(operator, args.get(0), args.get(1))) : null;
    }

    private static HclValue known(HclValue v) {
        return v.isKnown() ? v : null;
    }

    private static Optional<BigDecimal> number(List<HclValue> args, int i) {
        return args.size() > i && HclEvaluator.toNumber(args.get(i)) instanceof Num n ? Optional.of(n.value()) : Optional.empty();
    }

    /** A string argument; numbers and bools convert as in HCL. */
    private static Optional<String> string(List<HclValue> args, int i) {
        return args.size() > i ? args.get(i).asString() : Optional.empty();
    }

    private static HclValue extreme(boolean max, List<HclValue> args) {
        BigDecimal best = null;
        for (int i = 0; i < args.size(); i++) {
            BigDecimal n = number(args, i).orElse(null);
            if (n == null) {
                return null;
            }
            if (best == null || (max ? n.compareTo(best) > 0 : n.compareTo(best) < 0)) {
                best = n;
            }
        }
        return best == null ? null : new Num(best);
    }

    private static HclValue trimAffix(List<HclValue> args, boolean prefix) {
        String s = string(args, 0).orElse(null);
        String affix = string(args, 1).orElse(null);
        if (s == null || affix == null) {
            return null;
        }
        if (prefix) {
            return HclValue.of(s.startsWith(affix) ? s.substring(affix.length()) : s);
        }
        return HclValue.of(s.endsWith(affix) ? s.substring(0, s.length() - affix.length()) : s);
    }

    private static HclValue trim(String s, String cutset) {
        if (s == null || cutset == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return HclValue.of(s.substring(start, end));
    }

    /** go-cty substr: a negative offset counts from the end, a length of -1 takes the rest. */
    private static HclValue substr(List<HclValue> args) {
        String s = string(args, 0).orElse(null);
        BigDecimal offset = number(args, 1).orElse(null);
        BigDecimal length = number(args, 2).orElse(null);
        if (args.size() != 3 || s == null || offset == null || length == null) {
            return null;
        }
        int[] cps = s.codePoints().toArray();
        int from = offset.intValueExact();
        int count = length.intValueExact();
        if (from < 0) {
            from = Math.max(0, cps.length + from);
        }
        if (from > cps.length) {
            return HclValue.of("");
        }
        int to = count < 0 ? cps.length : Math.min(cps.length, from + count);
        return HclValue.of(new String(cps, from, Math.max(0, to - from)));
    }

    private static HclValue join(List<HclValue> args) {
        String separator = string(args, 0).orElse(null);
        if (separator == null || args.size() < 2) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (HclValue list : args.subList(1, args.size())) {
            if (!(list instanceof HclValue.Tuple t)) {
                return null;
            }
            for (HclValue item : t.items()) {
                Optional<String> s = item.asString();
                if (s.isEmpty()) {
                    return null;
                }
                parts.add(s.get());
            }
        }
        return HclValue.of(String.join(separator, parts));
    }

    private static HclValue split(List<HclValue> args) {
        String separator = string(args, 0).orElse(null);
        String s = string(args, 1).orElse(null);
        if (args.size() != 2 || separator == null || s == null) {
            return null;
        }
        List<HclValue> out = new ArrayList<>();
        if (separator.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(HclValue.of(new String(Character.toChars(cp)))));
        } else {
            for (String part : s.split(Pattern.quote(separator), -1)) {
                out.add(HclValue.of(part));
            }
        }
        return HclValue.tuple(out);
    }

    /** go-cty format with the verbs %s, %d, %v, %t, %q and %% (no width or precision). */
    private static HclValue format(List<HclValue> args) {
        String spec = string(args, 0).orElse(null);
        if (spec == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= spec.length()) {
                return null;
            }
            char verb = spec.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                return null;
            }
            HclValue arg = args.get(next++);
            String text = switch (verb) {
                case 's', 'v' -> arg.asString().orElse(null);
                case 'd' -> HclEvaluator.toNumber(arg) instanceof Num n && HclEvaluator.isInt(n.value()) ? n.toString() : null;
                case 't' -> HclEvaluator.toBool(arg) instanceof Bool b ? String.valueOf(b.value()) : null;
                case 'q' -> arg.asString().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").orElse(null);
                default -> null;
            };
            if (text == null) {
                return null;
            }
            out.append(text);
        }
        return HclValue.of(out.toString());
    }

    private static HclValue length(List<HclValue> args) {
        if (args.size() != 1) {
            return null;
        }
        HclValue v = args.get(0);
        if (v instanceof HclValue.Tuple t) {
            return HclValue.of(t.items().size());
        }
        if (v instanceof Obj o) {
            return HclValue.of(o.attributes().size());
        }
        return v instanceof Str s ? HclValue.of(s.value().codePointCount(0, s.value().length())) : null;
    }

    private static HclValue concat(List<HclValue> args) {
        List<HclValue> out = new ArrayList<>();
        for (HclValue list : args) {
            if (!(list instanceof HclValue.Tuple t)) {
                return null;
            }
            out.addAll(t.items());
        }
        return HclValue.tuple(out);
    }

    private static HclValue flatten(HclValue.Tuple tuple) {
        List<HclValue> out = new ArrayList<>();
        for (HclValue item : tuple.items()) {
            if (item instanceof HclValue.Tuple inner) {
                HclValue flat = flatten(inner);
                out.addAll(((HclValue.Tuple) flat).items());
            } else {
                out.add(item);
            }
        }
        return new HclValue.Tuple(out);
    }

    private static HclValue distinct(List<HclValue> args) {
        if (args.size() != 1 || !(args.get(0) instanceof HclValue.Tuple t)) {
            return null;
        }
        List<HclValue> out = new ArrayList<>();
        for (HclValue item : t.items()) {
            if (out.stream().noneMatch(v -> HclEvaluator.equal(v, item))) {
                out.add(item);
            }
        }
        return HclValue.tuple(out);
    }

    private static HclValue compact(List<HclValue> args) {
        if (args.size() != 1 || !(args.get(0) instanceof HclValue.Tuple t)) {
            return null;
        }
        List<HclValue> out = new ArrayList<>();
        for (HclValue item : t.items()) {
            if (!(item instanceof HclValue.Null) && !(item instanceof Str s && s.value().isEmpty())) {
                out.add(item);
            }
        }
        return HclValue.tuple(out);
    }

    private static HclValue indexOf(List<HclValue> args) {
        if (args.size() != 2 || !(args.get(0) instanceof HclValue.Tuple t)) {
            return null;
        }
        for (int i = 0; i < t.items().size(); i++) {
            if (HclEvaluator.equal(t.items().get(i), args.get(1))) {
                return HclValue.of(i);
            }
        }
        return null; // "item not found" is an error
    }

    private static HclValue element(List<HclValue> args) {
        if (args.size() != 2 || !(args.get(0) instanceof HclValue.Tuple t) || t.items().isEmpty()) {
            return null;
        }
        int i = number(args, 1).orElseThrow().intValueExact();
        return i < 0 ? null : t.items().get(i % t.items().size());
    }

    private static HclValue slice(List<HclValue> args) {
        if (args.size() != 3 || !(args.get(0) instanceof HclValue.Tuple t)) {
            return null;
        }
        int from = number(args, 1).orElseThrow().intValueExact();
        int to = number(args, 2).orElseThrow().intValueExact();
        if (from < 0 || to > t.items().size() || from > to) {
            return null;
        }
        return HclValue.tuple(t.items().subList(from, to));
    }

    private static HclValue reverse(List<HclValue> args) {
        if (args.size() != 1 || !(args.get(0) instanceof HclValue.Tuple t)) {
            return null;
        }
        List<HclValue> out = new ArrayList<>(t.items());
        java.util.Collections.reverse(out);
        return HclValue.tuple(out);
    }

    private static HclValue sort(List<HclValue> args) {
        if (args.size() != 1) {
            return null;
        }
        return args.get(0).asStrings().map(strings -> {
            List<HclValue> out = new ArrayList<>();
            strings.stream().sorted().forEach(s -> out.add(HclValue.of(s)));
            return HclValue.tuple(out);
        }).orElse(null);
    }

    private static HclValue lookup(List<HclValue> args) {
        if (args.size() < 2 || args.size() > 3 || !(args.get(0) instanceof Obj o)) {
            return null;
        }
        HclValue found = string(args, 1).map(o::get).orElse(null);
        return found != null ? found : args.size() == 3 ? args.get(2) : null;
    }

    private static HclValue keysOrValues(boolean keys, List<HclValue> args) {
        if (args.size() != 1 || !(args.get(0) instanceof Obj o)) {
            return null;
        }
        List<HclValue> out = new ArrayList<>();
        o.attributes().forEach((k, v) -> out.add(keys ? HclValue.of(k) : v));
        return HclValue.tuple(out);
    }

    private static HclValue merge(List<HclValue> args) {
        Map<String, HclValue> out = new TreeMap<>();
        for (HclValue arg : args) {
            if (arg instanceof Obj o) {
                out.putAll(o.attributes());
            } else if (!(arg instanceof HclValue.Null)) {
                return null;
            }
        }
        return HclValue.object(out);
    }

    private static HclValue zipmap(List<HclValue> args) {
        if (args.size() != 2 || !(args.get(1) instanceof HclValue.Tuple values)) {
            return null;
        }
        List<String> keys = args.get(0).asStrings().orElse(null);
        if (keys == null || keys.size() != values.items().size()) {
            return null;
        }
        Map<String, HclValue> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), values.items().get(i));
        }
        return HclValue.object(out);
    }

    private static HclValue range(List<HclValue> args) {
        List<BigDecimal> n = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            n.add(number(args, i).orElse(null));
        }
        if (n.isEmpty() || n.size() > 3 || n.contains(null)) {
            return null;
        }
        BigDecimal start = n.size() == 1 ? BigDecimal.ZERO : n.get(0);
        BigDecimal end = n.size() == 1 ? n.get(0) : n.get(1);
        BigDecimal step = n.size() == 3 ? n.get(2) : BigDecimal.valueOf(start.compareTo(end) > 0 ? -1 : 1);
        if (step.signum() == 0) {
            return null;
        }
        List<HclValue> out = new ArrayList<>();
        for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(end) < 0 : v.compareTo(end) > 0; v = v.add(step)) {
            if (out.size() >= HclEvaluator.MAX_SIZE) {
                return null;
            }
            out.add(new Num(v));
        }
        return HclValue.tuple(out);
    }

    /** The string without the trailing run of {@code chars} (no regular expression: stays linear). */
    private static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static HclValue dirname(String path) {
        String trimmed = stripTrailing(path, "/");
        int slash = trimmed.lastIndexOf('/');
        return HclValue.of(slash < 0 ? "." : slash == 0 ? "/" : trimmed.substring(0, slash));
    }
}
