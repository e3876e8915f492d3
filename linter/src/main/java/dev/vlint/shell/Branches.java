package dev.vlint.shell;

import dev.vlint.shell.Command.BraceGroup;
import dev.vlint.shell.Command.IfBranch;
import dev.vlint.shell.Command.IfCommand;
import dev.vlint.shell.Command.Subshell;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where each simple command of a script stands among {@code if}/{@code elif}/{@code else} branches
 * and {@code test && ...} guards, so that rules can tell (a) commands that cannot run with the
 * values at hand ({@code if [ "$X" != default ]} while X is "default") and (b) commands that never
 * run together (the arm64 branch and the other one). Conditions are understood when they are one
 * {@code [ ]}, {@code [[ ]]} or {@code test} comparing words ({@code = == !=}) or testing a word
 * ({@code -n -z}, bare), possibly negated with {@code !}; others are unknown and decide nothing.
 */
public final class Branches {
    /** One branch of an if command: {@code index} of the then-part, or -1 for the else-part. */
    private record Arm(IfCommand command, int index) {}

    /** A guard: a test that must have come out {@code passed} for the command to run. */
    private record Guard(SimpleCommand test, boolean passed) {}

    private static final Set<String> TESTS = Set.of("[", "[[", "test");

    private final Map<SimpleCommand, List<Arm>> arms = new IdentityHashMap<>();
    private final Map<SimpleCommand, List<Guard>> guards = new IdentityHashMap<>();

    private Branches(ShellScript script) {
        walk(script.body(), List.of(), List.of());
    }

    private static final Branches NONE = new Branches(new ShellScript(List.of(), List.of(), null));

    /** The branch structure of a script; a script without if commands or tests shares an empty one. */
    public static Branches of(ShellScript script) {
        boolean plain = script.body().stream().allMatch(c -> c instanceof SimpleCommand simple && !isTest(simple));
        return plain ? NONE : new Branches(script);
    }

    /**
     * Whether {@code command} cannot run with the values {@code varsAt} gives each guarding test: a
     * condition that must hold for it is false, or one that must fail is true.
     */
    public boolean isDead(SimpleCommand command, Function<SimpleCommand, Function<String, String>> varsAt) {
        for (Guard guard : guards.getOrDefault(command, List.of())) {
            Boolean result = evaluate(guard.test(), varsAt.apply(guard.test()));
            if (result != null && result != guard.passed()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the command runs only if some condition holds: it is in an if branch or after a test. */
    public boolean conditional(SimpleCommand command) {
        return !arms.getOrDefault(command, List.of()).isEmpty() || !guards.getOrDefault(command, List.of()).isEmpty();
    }

    /** Whether {@code inner} runs only when {@code outer} does: it stands in every branch and guard outer is in. */
    public boolean within(SimpleCommand inner, SimpleCommand outer) {
        return arms.getOrDefault(inner, List.of()).containsAll(arms.getOrDefault(outer, List.of()))
                && guards.getOrDefault(inner, List.of()).containsAll(guards.getOrDefault(outer, List.of()));
    }

    /**
     * Whether one of the commands runs whichever way the script goes: one is unconditional, or they
     * stand in every branch of an if command that has an else (and in no other if).
     */
    public boolean onEveryPath(List<SimpleCommand> commands) {
        Map<IfCommand, Set<Integer>> covered = new IdentityHashMap<>();
        for (SimpleCommand command : commands) {
            List<Arm> in = arms.getOrDefault(command, List.of());
            if (!conditional(command)) {
                return true;
            }
            if (in.size() == 1) {
                covered.computeIfAbsent(in.get(0).command(), c -> new java.util.HashSet<>()).add(in.get(0).index());
            }
        }
        for (Map.Entry<IfCommand, Set<Integer>> entry : covered.entrySet()) {
            IfCommand ifCommand = entry.getKey();
            boolean all = !ifCommand.elseBody().isEmpty() && entry.getValue().contains(-1);
            for (int i = 0; all && i < ifCommand.branches().size(); i++) {
                all = entry.getValue().contains(i);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two commands stand in different branches of one if command, so never both run. */
    public boolean exclusive(SimpleCommand a, SimpleCommand b) {
        for (Arm x : arms.getOrDefault(a, List.of())) {
            for (Arm y : arms.getOrDefault(b, List.of())) {
                if (x.command() == y.command() && x.index() != y.index()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void walk(List<Command> list, List<Arm> inArms, List<Guard> inGuards) {
        List<Guard> chain = inGuards;
        for (Command command : list) {
            if (command.connector() != Connector.AND) {
                chain = inGuards; // ; newline || and pipes end what a test before them guarded
            }
            if (command instanceof SimpleCommand simple) {
                arms.put(simple, inArms);
                guards.put(simple, chain);
                if (isTest(simple)) {
                    chain = with(chain, new Guard(simple, true));
                }
            } else if (command instanceof IfCommand ifCommand) {
                List<Guard> failed = chain;
                for (int i = 0; i < ifCommand.branches().size(); i++) {
                    IfBranch branch = ifCommand.branches().get(i);
                    walk(branch.condition(), inArms, failed);
                    SimpleCommand test = soleTest(branch.condition());
                    List<Arm> arm = with(inArms, new Arm(ifCommand, i));
                    walk(branch.body(), arm, test == null ? failed : with(failed, new Guard(test, true)));
                    failed = test == null ? failed : with(failed, new Guard(test, false));
                }
                walk(ifCommand.elseBody(), with(inArms, new Arm(ifCommand, -1)), failed);
            } else if (command instanceof Subshell sub) {
                walk(sub.body(), inArms, chain);
            } else if (command instanceof BraceGroup group) {
                walk(group.body(), inArms, chain);
            } else {
                markAll(command, inArms, chain);
            }
        }
    }

    /** Loops, case items and function bodies: their commands keep the guards around them. */
    private void markAll(Command command, List<Arm> inArms, List<Guard> inGuards) {
        ShellScript wrapper = new ShellScript(List.of(command), List.of(), command.range());
        for (SimpleCommand simple : wrapper.commands()) {
            arms.putIfAbsent(simple, inArms);
            guards.putIfAbsent(simple, inGuards);
        }
    }

    private static <T> List<T> with(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return List.copyOf(out);
    }

    private static SimpleCommand soleTest(List<Command> condition) {
        return condition.size() == 1 && condition.get(0) instanceof SimpleCommand simple && isTest(simple)
                ? simple : null;
    }

    private static boolean isTest(SimpleCommand command) {
        String name = command.commandName();
        return name != null && TESTS.contains(name) && command.assignments().isEmpty();
    }

    /** In {@code [[ ]]} an unquoted right side with {@code * ? [} is a pattern, not a string. */
    private static boolean isPattern(Word word) {
        String raw = word.raw();
        boolean quoted = raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
                && raw.charAt(raw.length() - 1) == raw.charAt(0);
        return !quoted && raw.matches(".*[*?\\[].*");
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** TRUE, FALSE, or null when the test is not understood or a value is unknown. */
    static Boolean evaluate(SimpleCommand test, Function<String, String> vars) {
        List<Word> args = new ArrayList<>(test.args());
        String name = test.commandName();
        if (!name.equals("test")) {
            String close = name.equals("[") ? "]" : "]]";
            if (args.isEmpty() || !close.equals(args.get(args.size() - 1).literalValue())) {
                return null;
            }
            args.remove(args.size() - 1);
        }
        boolean negated = !args.isEmpty() && "!".equals(args.get(0).literalValue());
        if (negated) {
            args.remove(0);
        }
        Boolean result = null;
        if (args.size() == 3) {
            String operator = args.get(1).literalValue();
            String left = args.get(0).value(vars);
            String right = args.get(2).value(vars);
            boolean pattern = name.equals("[[") && isPattern(args.get(2));
            if (left != null && right != null && operator != null) {
                boolean equal = pattern ? glob(right).matcher(left).matches() : left.equals(right);
                result = switch (operator) {
                    case "=", "==" -> equal;
                    case "!=" -> !equal;
                    default -> null;
                };
            }
        } else if (args.size() == 2) {
            String operator = args.get(0).literalValue();
            String operand = args.get(1).value(vars);
            if (operand != null && ("-n".equals(operator) || "-z".equals(operator))) {
                result = operator.equals("-n") != operand.isEmpty();
            }
        } else if (args.size() == 1) {
            String operand = args.get(0).value(vars);
            result = operand == null ? null : !operand.isEmpty();
        }
        return result == null ? null : result != negated;
    }
}
