package dev.vlint.bench;

import dev.vlint.engine.Linter;
import dev.vlint.fuzz.LinearityShapes;
import dev.vlint.fuzz.LinearityShapes.Shape;
import dev.vlint.project.Project;
import dev.vlint.rule.Rule;
import dev.vlint.rules.BuiltinRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows that every rule is linear in its input: for each shape of {@code bench/linearity-shapes.yaml}
 * (every rule of {@link BuiltinRules} must have one), lints a generated project of n and of 8n
 * instances with that rule alone (parsing included, one thread) and prints both times and their
 * ratio; close to 8 is linear, close to 64 quadratic. n starts at the shape's count and is doubled
 * (up to 16 times) until n instances take 40 ms, below which the times are mostly noise. It prints numbers and fails only when a rule
 * has no shape.
 *
 * <p>Usage: {@code Linearity [--shapes FILE] [--rule ID]... [--scale K]} (K multiplies every n).
 */
public final class Linearity {
    private static final int RUNS = 5;
    /** The base count is doubled until linting it takes this long. */
    private static final double MIN_MILLIS = 40;

    private Linearity() {}

    public static void main(String[] args) {
        Path file = LinearityShapes.defaultFile();
        List<String> only = new ArrayList<>();
        int scale = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shapes" -> file = Path.of(args[++i]);
                case "--rule" -> only.add(args[++i].toUpperCase(Locale.ROOT));
                case "--scale" -> scale = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: Linearity [--shapes FILE] [--rule ID]... [--scale K]");
                    System.exit(2);
                }
            }
        }
        Map<String, List<Shape>> shapes = LinearityShapes.load(file);
        List<String> missing = LinearityShapes.missing(BuiltinRules.all(), shapes);
        if (!missing.isEmpty()) {
            System.err.println("linearity: no input shape for " + String.join(", ", missing) + " in " + file
                    + "; every rule needs one (see the comment at its top)");
            System.exit(1);
        }
        System.out.println("| rule | shape | n | t(n) ms | 8n | t(8n) ms | ratio |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Rule rule : BuiltinRules.all()) {
            if (!only.isEmpty() && !only.contains(rule.meta().id())) {
                continue;
            }
            for (Shape shape : shapes.get(rule.meta().id())) {
                int n = shape.n() * scale;
                best(rule, shape, 8 * n); // warm-up: compiled code and a grown heap for both sizes
                double small = best(rule, shape, n);
                // Times of a few ms are mostly noise; a known superlinear shape is kept small.
                while (small < MIN_MILLIS && n < 16 * shape.n() * scale && shape.superlinear().isEmpty()) {
                    n *= 2;
                    best(rule, shape, 8 * n);
                    small = best(rule, shape, n);
                }
                double large = best(rule, shape, 8 * n);
                double ratio = large / Math.max(small, 0.1);
                String mark = !shape.superlinear().isEmpty() ? " known superlinear: " + shape.superlinear()
                        : ratio > 16 ? " superlinear?" : "";
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %d | %.1f | %.1f%s |%n", rule.meta().id(),
                        shape.name(), n, small, 8 * n, large, ratio, mark);
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, load average at the end %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The fastest of five lints of a fresh project (so parsing counts), in milliseconds. */
    private static double best(Rule rule, Shape shape, int count) {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            Project project = shape.project(count);
            System.gc(); // so one run does not pay for the garbage of the one before
            long started = System.nanoTime();
            new Linter(List.of(rule)).lint(project, 1);
            best = Math.min(best, (System.nanoTime() - started) / 1e6);
        }
        return best;
    }
}
