package dev.vlint.workflow.expr;

import dev.vlint.source.TextRange;
import dev.vlint.workflow.expr.Contexts.Availability;
import dev.vlint.workflow.expr.Contexts.Signature;
import dev.vlint.workflow.expr.ExprType.ArrayType;
import dev.vlint.workflow.expr.ExprType.ObjectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an expression against what the place it stands in allows: the names of contexts and
 * whether that key may use them, the properties of typed contexts (a typo in {@code matrix.pyhton}
 * is reported at the property), and the built-in functions' names, places and arguments.
 */
public final class ExprChecker {
    public record Problem(String message, TextRange range) {}

    /** The expression's type and what is wrong with it. */
    public record Result(ExprType type, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Where an expression stands.
     *
     * @param contexts the types of the contexts (built-in ones and those the workflow defines:
     *     matrix, steps, needs, inputs, jobs); a context missing here has an unknown shape
     * @param availability what the workflow key allows, or null where anything is allowed
     */
    public record Scope(Map<String, ExprType> contexts, Availability availability) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|\\}\\}|\\{(\\d+)\\}");

    private final Scope scope;
    private final List<Problem> problems = new ArrayList<>();

    private ExprChecker(Scope scope) {
        this.scope = scope;
    }

    public static Result check(Expr expr, Scope scope) {
        ExprChecker checker = new ExprChecker(scope);
        ExprType type = checker.type(expr);
        return new Result(type, checker.problems);
    }

    private void report(String message, TextRange range) {
        problems.add(new Problem(message, range));
    }

    private ExprType type(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            return literalType(literal.value());
        }
        if (expr instanceof Expr.Name name) {
            return name(name);
        }
        if (expr instanceof Expr.Property property) {
            return property(type(property.receiver()), property.name(), property.nameRange(), property.receiver());
        }
        if (expr instanceof Expr.Index index) {
            return index(index);
        }
        if (expr instanceof Expr.Filter filter) {
            return filter(type(filter.receiver()));
        }
        if (expr instanceof Expr.Call call) {
            return call(call);
        }
        if (expr instanceof Expr.Not not) {
            type(not.operand());
            return ExprType.BOOL;
        }
        return binary((Expr.Binary) expr);
    }

    private static ExprType literalType(Object value) {
        if (value == null) {
            return ExprType.NULL;
        }
        if (value instanceof Boolean) {
            return ExprType.BOOL;
        }
        return value instanceof Double ? ExprType.NUMBER : ExprType.STRING;
    }

    private ExprType name(Expr.Name name) {
        String context = name.name().toLowerCase(Locale.ROOT);
        if (!Contexts.NAMES.contains(context)) {
            report("'" + name.name() + "' is not a context" + suggestion(context, Contexts.NAMES)
                    + "; contexts are " + String.join(", ", new TreeSet<>(Contexts.NAMES)), name.range());
            return ExprType.ANY;
        }
        Availability availability = scope.availability();
        if (availability != null && !availability.contexts().contains(context)) {
            report("the " + context + " context is not available in " + availability.key() + " (available there: "
                    + String.join(", ", new TreeSet<>(availability.contexts())) + ")", name.range());
        }
        return scope.contexts().getOrDefault(context, ExprType.ANY);
    }

    private ExprType property(ExprType receiver, String key, TextRange keyRange, Expr receiverExpr) {
        if (receiver instanceof ObjectType object) {
            ExprType found = object.property(key);
            if (found == null) {
                String path = path(receiverExpr);
                report("'" + key + "' is not defined in " + (path == null ? "this object" : path)
                        + suggestion(key.toLowerCase(Locale.ROOT), object.properties().keySet())
                        + (object.properties().isEmpty() ? " (it defines nothing)"
                                : "; it defines " + listed(object.properties().keySet())), keyRange);
                return ExprType.ANY;
            }
            return found;
        }
        if (receiver instanceof ArrayType array) {
            // a property of a filtered array is that property of each element: a.*.b
            return new ArrayType(property(array.element(), key, keyRange, receiverExpr));
        }
        if (receiver == ExprType.ANY) {
            return ExprType.ANY;
        }
        report("'" + key + "' cannot be read from a " + receiver + " value", keyRange);
        return ExprType.ANY;
    }

    private ExprType index(Expr.Index index) {
        ExprType receiver = type(index.receiver());
        ExprType key = type(index.index());
        if (index.index() instanceof Expr.Literal literal && literal.value() instanceof String name
                && receiver instanceof ObjectType) {
            return property(receiver, name, literal.range(), index.receiver());
        }
        if (receiver instanceof ArrayType array) {
            return array.element();
        }
        if (receiver instanceof ObjectType object) {
            return object.others() != null ? object.others() : ExprType.ANY;
        }
        if (receiver != ExprType.ANY && receiver != ExprType.NULL) {
            report("a " + receiver + " value cannot be indexed", index.range());
        } else if (key instanceof ObjectType || key instanceof ArrayType) {
            report("an index must be a string or a number, not " + key, index.index().range());
        }
        return ExprType.ANY;
    }

    private static ExprType filter(ExprType receiver) {
        if (receiver instanceof ArrayType array) {
            return array;
        }
        if (receiver instanceof ObjectType object) {
            Set<ExprType> values = new HashSet<>(object.properties().values());
            if (object.others() != null) {
                values.add(object.others());
            }
            return new ArrayType(values.size() == 1 ? values.iterator().next() : ExprType.ANY);
        }
        return new ArrayType(ExprType.ANY);
    }

    private ExprType call(Expr.Call call) {
        String lower = call.name().toLowerCase(Locale.ROOT);
        List<ExprType> args = call.args().stream().map(this::type).toList();
        List<Signature> overloads = Contexts.FUNCTIONS.get(lower);
        if (overloads == null) {
            report("'" + call.name() + "' is not a function" + suggestion(lower, Contexts.FUNCTIONS.keySet()),
                    call.nameRange());
            return ExprType.ANY;
        }
        Availability availability = scope.availability();
        if (Contexts.SPECIAL_FUNCTIONS.contains(lower) && availability != null
                && !availability.functions().contains(lower)) {
            report(overloads.get(0).name() + "() cannot be used in " + availability.key()
                    + (availability.functions().isEmpty() ? "" : " (usable there: "
                            + String.join(", ", new TreeSet<>(availability.functions())) + ")"), call.nameRange());
        }
        for (Signature signature : overloads) {
            if (accepts(signature, args)) {
                if (lower.equals("format")) {
                    checkFormat(call);
                }
                return signature.result();
            }
        }
        report("wrong arguments for " + overloads.get(0).name() + "(): expected "
                + String.join(" or ", overloads.stream().map(Signature::display).toList()) + ", got ("
                + String.join(", ", args.stream().map(ExprType::toString).toList()) + ")", call.range());
        return overloads.get(0).result();
    }

    private static boolean accepts(Signature signature, List<ExprType> args) {
        List<ExprType> params = signature.params();
        if (args.size() < params.size() || args.size() > params.size() && !signature.variadic()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (!assignable(params.get(Math.min(i, params.size() - 1)), args.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** GitHub converts scalars to what a function needs; only collections and scalars do not mix. */
    private static boolean assignable(ExprType param, ExprType arg) {
        if (param == ExprType.ANY || arg == ExprType.ANY) {
            return true;
        }
        boolean paramCollection = param instanceof ArrayType || param instanceof ObjectType;
        boolean argCollection = arg instanceof ArrayType || arg instanceof ObjectType;
        if (param instanceof ArrayType) {
            return arg instanceof ArrayType;
        }
        return paramCollection == argCollection || param == ExprType.BOOL;
    }

    /** {@code format('{0} {1}', a)}: every placeholder needs a value after the format string. */
    private void checkFormat(Expr.Call call) {
        if (!(call.args().get(0) instanceof Expr.Literal literal) || !(literal.value() instanceof String text)) {
            return;
        }
        int values = call.args().size() - 1;
        Matcher m = PLACEHOLDER.matcher(text);
        int highest = -1;
        while (m.find()) {
            if (m.group(1) != null) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        if (highest >= values) {
            report("the format string uses {" + highest + "} but " + (values == 1 ? "1 value follows" : values
                    + " values follow"), literal.range());
        } else if (highest < values - 1) {
            report("format() is given " + values + " values but its format string uses only " + (highest + 1),
                    call.range());
        }
    }

    private ExprType binary(Expr.Binary binary) {
        ExprType left = type(binary.left());
        ExprType right = type(binary.right());
        return switch (binary.op()) {
            case "&&", "||" -> left.equals(right) ? left : ExprType.ANY;
            default -> ExprType.BOOL;
        };
    }

    /** {@code matrix}, {@code steps.build.outputs}: the written path of a property chain, else null. */
    private static String path(Expr expr) {
        if (expr instanceof Expr.Name name) {
            return name.name();
        }
        if (expr instanceof Expr.Property property) {
            String receiver = path(property.receiver());
            return receiver == null ? null : receiver + "." + property.name();
        }
        return null;
    }

    /** The sorted names, the first twenty of them when there are more (messages stay short and linear). */
    private static String listed(Set<String> names) {
        List<String> sorted = names.stream().sorted().limit(20).toList();
        return String.join(", ", sorted) + (names.size() > 20 ? " and " + (names.size() - 20) + " more" : "");
    }

    private static String suggestion(String wanted, Set<String> names) {
        if (names.size() > 256) {
            return ""; // comparing against hundreds of names per report would make checking quadratic
        }
        return names.stream()
                .filter(n -> distance(wanted, n.toLowerCase(Locale.ROOT)) <= Math.max(1, wanted.length() / 3))
                .min(Comparator.comparingInt((String n) -> distance(wanted, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .map(n -> " (did you mean " + n + "?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
