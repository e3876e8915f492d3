package dev.vlint.bake;

import dev.vlint.bake.HclExpr.Binary;
import dev.vlint.bake.HclExpr.Call;
import dev.vlint.bake.HclExpr.Conditional;
import dev.vlint.bake.HclExpr.For;
import dev.vlint.bake.HclExpr.GetAttr;
import dev.vlint.bake.HclExpr.Index;
import dev.vlint.bake.HclExpr.Literal;
import dev.vlint.bake.HclExpr.ObjectCons;
import dev.vlint.bake.HclExpr.Splat;
import dev.vlint.bake.HclExpr.SplatItem;
import dev.vlint.bake.HclExpr.Template;
import dev.vlint.bake.HclExpr.TemplateJoin;
import dev.vlint.bake.HclExpr.Tuple;
import dev.vlint.bake.HclExpr.Unary;
import dev.vlint.bake.HclExpr.Variable;
import dev.vlint.bake.HclValue.Bool;
import dev.vlint.bake.HclValue.Num;
import dev.vlint.bake.HclValue.Obj;
import dev.vlint.bake.HclValue.Str;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates {@link HclExpr} trees as HCL does. What cannot be known statically (a variable the
 * caller does not define, a function not implemented here, a type error, a value past the
 * budget) evaluates to {@link HclValue#UNKNOWN}.
 */
final class HclEvaluator {
    /** Evaluation steps allowed per definition; past it every result is unknown, so evaluation stays bounded. */
    static final int MAX_STEPS = 2_000_000;
    /** Longer strings and collections are unknown rather than built. */
    static final int MAX_SIZE = 1_000_000;

    /** Where names that no local scope defines come from. */
    interface Globals {
        HclValue variable(String name);

        /** A function the file defines, or null when it defines none of that name. */
        HclValue callUserFunction(String name, List<HclValue> args);

        /** {@code target.NAME.ATTRIBUTE}: another block's own attribute, or unknown. */
        HclValue blockAttribute(String type, String name, String attribute);
    }

    /** Local variables: for-expression, splat and matrix bindings, function parameters. */
    record Scope(String name, HclValue value, Scope parent) {
        static final Scope EMPTY = new Scope(null, null, null);

        Scope with(String n, HclValue v) {
            return new Scope(n, v, this);
        }

        HclValue lookup(String n) {
            for (Scope s = this; s != null && s.name != null; s = s.parent) {
                if (s.name.equals(n)) {
                    return s.value;
                }
            }
            return null;
        }
    }

    private final Globals globals;
    private int steps;

    HclEvaluator(Globals globals) {
        this.globals = globals;
    }

    HclValue eval(HclExpr expr, Scope scope) {
        if (++steps > MAX_STEPS) {
            return HclValue.UNKNOWN;
        }
        if (expr instanceof Literal l) {
            return l.value();
        } else if (expr instanceof Template t) {
            return template(t, scope);
        } else if (expr instanceof TemplateJoin j) {
            return join(j, scope);
        } else if (expr instanceof Variable v) {
            HclValue local = scope.lookup(v.name());
            return local != null ? local : globals.variable(v.name());
        } else if (expr instanceof GetAttr g) {
            return getAttr(g, scope);
        } else if (expr instanceof Index i) {
            return index(eval(i.target(), scope), eval(i.key(), scope));
        } else if (expr instanceof Splat s) {
            return splat(s, scope);
        } else if (expr instanceof SplatItem item) {
            HclValue bound = scope.lookup(splatName(item));
            return bound == null ? HclValue.UNKNOWN : bound;
        } else if (expr instanceof Call c) {
            return call(c, scope);
        } else if (expr instanceof Tuple t) {
            List<HclValue> items = new ArrayList<>();
            t.items().forEach(item -> items.add(eval(item, scope)));
            return HclValue.tuple(items);
        } else if (expr instanceof ObjectCons o) {
            return object(o, scope);
        } else if (expr instanceof For f) {
            return forExpression(f, scope);
        } else if (expr instanceof Unary u) {
            return unary(u.operator(), eval(u.operand(), scope));
        } else if (expr instanceof Binary b) {
            return binary(b.operator(), eval(b.left(), scope), eval(b.right(), scope));
        } else if (expr instanceof Conditional c) {
            HclValue condition = toBool(eval(c.condition(), scope));
            return condition instanceof Bool b ? eval(b.value() ? c.then() : c.otherwise(), scope) : HclValue.UNKNOWN;
        }
        return HclValue.UNKNOWN; // Invalid
    }

    private HclValue template(Template t, Scope scope) {
        if (t.passthrough()) {
            return eval(t.parts().get(0), scope);
        }
        StringBuilder out = new StringBuilder();
        for (HclExpr part : t.parts()) {
            Optional<String> s = eval(part, scope).asString();
            if (s.isEmpty() || out.length() + s.get().length() > MAX_SIZE) {
                return HclValue.UNKNOWN;
            }
            out.append(s.get());
        }
        return HclValue.of(out.toString());
    }

    private HclValue join(TemplateJoin j, Scope scope) {
        if (!(forExpression(j.loop(), scope) instanceof HclValue.Tuple items)) {
            return HclValue.UNKNOWN;
        }
        StringBuilder out = new StringBuilder();
        for (HclValue item : items.items()) {
            Optional<String> s = item.asString();
            if (s.isEmpty() || out.length() + s.get().length() > MAX_SIZE) {
                return HclValue.UNKNOWN;
            }
            out.append(s.get());
        }
        return HclValue.of(out.toString());
    }

    private HclValue getAttr(GetAttr g, Scope scope) {
        if (g.target() instanceof GetAttr inner && inner.target() instanceof Variable root
                && (root.name().equals("target") || root.name().equals("group")) && scope.lookup(root.name()) == null) {
            return globals.blockAttribute(root.name(), inner.name(), g.name());
        }
        HclValue target = eval(g.target(), scope);
        if (target instanceof Obj o && o.get(g.name()) != null) {
            return o.get(g.name());
        }
        return HclValue.UNKNOWN;
    }

    static HclValue index(HclValue collection, HclValue key) {
        if (collection instanceof HclValue.Tuple t) {
            HclValue n = toNumber(key);
            if (n instanceof Num num && isInt(num.value())) {
                int i = num.value().intValue();
                return i >= 0 && i < t.items().size() ? t.items().get(i) : HclValue.UNKNOWN;
            }
        } else if (collection instanceof Obj o) {
            Optional<String> name = key.asString();
            if (name.isPresent() && o.get(name.get()) != null) {
                return o.get(name.get());
            }
        }
        return HclValue.UNKNOWN;
    }

    private HclValue splat(Splat s, Scope scope) {
        HclValue source = eval(s.source(), scope);
        if (!source.isKnown()) {
            return source;
        }
        if (source instanceof HclValue.Null) {
            return HclValue.tuple(List.of());
        }
        List<HclValue> elements = source instanceof HclValue.Tuple t ? t.items() : List.of(source);
        List<HclValue> out = new ArrayList<>();
        for (HclValue element : elements) {
            out.add(eval(s.each(), scope.with(splatName(s.item()), element)));
        }
        return HclValue.tuple(out);
    }

    private static String splatName(SplatItem item) {
        return "\0splat" + item.id();
    }

    private HclValue call(Call c, Scope scope) {
        List<HclValue> args = new ArrayList<>();
        for (HclExpr arg : c.args()) {
            args.add(eval(arg, scope));
        }
        if (c.expandLast() && !args.isEmpty()) {
            HclValue last = args.remove(args.size() - 1);
            if (!(last instanceof HclValue.Tuple spread)) {
                return HclValue.UNKNOWN;
            }
            args.addAll(spread.items());
        }
        HclValue user = globals.callUserFunction(c.name(), args);
        if (user != null) {
            return user;
        }
        if (args.contains(HclValue.UNKNOWN)) {
            return HclValue.UNKNOWN;
        }
        HclValue result = HclFunctions.call(c.name(), args);
        return result == null ? HclValue.UNKNOWN : result;
    }

    private HclValue object(ObjectCons o, Scope scope) {
        Map<String, HclValue> attributes = new LinkedHashMap<>();
        for (ObjectCons.Item item : o.items()) {
            Optional<String> key = item.keyIsName() ? Optional.of(((Variable) item.key()).name())
                    : eval(item.key(), scope).asString();
            if (key.isEmpty()) {
                return HclValue.UNKNOWN;
            }
            attributes.put(key.get(), eval(item.value(), scope));
        }
        return HclValue.object(attributes);
    }

    private HclValue forExpression(For f, Scope scope) {
        HclValue collection = eval(f.collection(), scope);
        List<HclValue> keys = new ArrayList<>();
        List<HclValue> values = new ArrayList<>();
        if (collection instanceof HclValue.Tuple t) {
            for (int i = 0; i < t.items().size(); i++) {
                keys.add(HclValue.of(i));
                values.add(t.items().get(i));
            }
        } else if (collection instanceof Obj o) {
            o.attributes().forEach((k, v) -> {
                keys.add(HclValue.of(k));
                values.add(v);
            });
        } else {
            return HclValue.UNKNOWN;
        }
        List<HclValue> tuple = new ArrayList<>();
        Map<String, HclValue> object = new LinkedHashMap<>();
        Map<String, List<HclValue>> groups = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Scope inner = scope;
            if (f.keyVar() != null) {
                inner = inner.with(f.keyVar(), keys.get(i));
            }
            inner = inner.with(f.valueVar(), values.get(i));
            if (f.condition() != null) {
                HclValue keep = toBool(eval(f.condition(), inner));
                if (!(keep instanceof Bool b)) {
                    return HclValue.UNKNOWN;
                }
                if (!b.value()) {
                    continue;
                }
            }
            HclValue value = eval(f.value(), inner);
            if (!value.isKnown() || tuple.size() + object.size() + groups.size() >= MAX_SIZE) {
                return HclValue.UNKNOWN;
            }
            if (!f.makesObject()) {
                tuple.add(value);
                continue;
            }
            Optional<String> key = eval(f.key(), inner).asString();
            if (key.isEmpty() || !f.grouping() && object.containsKey(key.get())) {
                return HclValue.UNKNOWN; // a duplicate key is an error in HCL
            }
            if (f.grouping()) {
                groups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(value);
            } else {
                object.put(key.get(), value);
            }
        }
        if (!f.makesObject()) {
            return HclValue.tuple(tuple);
        }
        if (f.grouping()) {
            groups.forEach((k, v) -> object.put(k, HclValue.tuple(v)));
        }
        return HclValue.object(object);
    }

    private static HclValue unary(String operator, HclValue operand) {
        if (operator.equals("!")) {
            return toBool(operand) instanceof Bool b ? HclValue.of(!b.value()) : HclValue.UNKNOWN;
        }
        return toNumber(operand) instanceof Num n ? new Num(n.value().negate()) : HclValue.UNKNOWN;
    }

    static HclValue binary(String operator, HclValue left, HclValue right) {
        if (!left.isKnown() || !right.isKnown()) {
            return HclValue.UNKNOWN;
        }
        switch (operator) {
            case "==" -> {
                return HclValue.of(equal(left, right));
            }
            case "!=" -> {
                return HclValue.of(!equal(left, right));
            }
            case "&&", "||" -> {
                if (toBool(left) instanceof Bool a && toBool(right) instanceof Bool b) {
                    return HclValue.of(operator.equals("&&") ? a.value() && b.value() : a.value() || b.value());
                }
                return HclValue.UNKNOWN;
            }
            default -> { }
        }
        if (!(toNumber(left) instanceof Num a) || !(toNumber(right) instanceof Num b)) {
            return HclValue.UNKNOWN;
        }
        BigDecimal x = a.value();
        BigDecimal y = b.value();
        return switch (operator) {
            case "<" -> HclValue.of(x.compareTo(y) < 0);
            case ">" -> HclValue.of(x.compareTo(y) > 0);
            case "<=" -> HclValue.of(x.compareTo(y) <= 0);
            case ">=" -> HclValue.of(x.compareTo(y) >= 0);
            case "+" -> new Num(x.add(y));
            case "-" -> new Num(x.subtract(y));
            case "*" -> new Num(x.multiply(y));
            case "/" -> y.signum() == 0 ? HclValue.UNKNOWN : new Num(x.divide(y, MathContext.DECIMAL128));
            case "%" -> y.signum() == 0 ? HclValue.UNKNOWN : new Num(x.remainder(y));
            default -> HclValue.UNKNOWN;
        };
    }

    /** Values are equal when they have the same type and equal contents (numbers by value). */
    static boolean equal(HclValue a, HclValue b) {
        if (a instanceof Num x && b instanceof Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof HclValue.Tuple x && b instanceof HclValue.Tuple y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!equal(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Obj x && b instanceof Obj y) {
            if (!x.attributes().keySet().equals(y.attributes().keySet())) {
                return false;
            }
            return x.attributes().entrySet().stream().allMatch(e -> equal(e.getValue(), y.get(e.getKey())));
        }
        return a.equals(b);
    }

    /** Numbers, and strings that spell one, as HCL converts them for arithmetic. */
    static HclValue toNumber(HclValue v) {
        if (v instanceof Num) {
            return v;
        }
        if (v instanceof Str s) {
            try {
                return new Num(new BigDecimal(s.value()));
            } catch (NumberFormatException e) {
                return HclValue.UNKNOWN;
            }
        }
        return HclValue.UNKNOWN;
    }

    static HclValue toBool(HclValue v) {
        if (v instanceof Bool) {
            return v;
        }
        if (v instanceof Str s && (s.value().equals("true") || s.value().equals("false"))) {
            return HclValue.of(s.value().equals("true"));
        }
        return HclValue.UNKNOWN;
    }

    static boolean isInt(BigDecimal n) {
        return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(MAX_SIZE)) <= 0;
    }
}
