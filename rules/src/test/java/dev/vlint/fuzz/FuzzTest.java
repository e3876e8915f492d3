package dev.vlint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.fuzz.Mutations.Mutant;
import dev.vlint.fuzz.Seeds.Seed;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.rules.shell.ShellCheck;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Mutated fixtures through every parser and rule. The CI run has a fixed seed and a bounded number
 * of tries; {@code -Dvlint.fuzz.long=true} adds a long run with a fresh seed each time.
 */
class FuzzTest {
    private static final int TEN_MIB = 10 << 20;
    private static final boolean LONG_RUN = Boolean.getBoolean("vlint.fuzz.long");

    @Property(tries = 200, seed = "20261123")
    void mutatedFilesNeverBreakParsersOrRules(@ForAll("mutants") Mutant mutant) {
        LintHarness.check(mutant.path(), mutant.seed().kind(), mutant.bytes(), mutant.toString(), true);
    }

    @Property(tries = 20_000)
    @AddLifecycleHook(OnlyInLongRun.class)
    void longRun(@ForAll("mutants") Mutant mutant) {
        LintHarness.check(mutant.path(), mutant.seed().kind(), mutant.bytes(), mutant.toString(), true);
    }

    /**
     * Big files through the engine: a 1 MiB Dockerfile and workflow in CI; in the long run, every
     * kind just under the loader's 10 MiB limit.
     */
    @Example
    void bigFilesStayBounded() {
        int size = LONG_RUN ? TEN_MIB - 1024 : 1 << 20;
        for (Seed seed : Seeds.samples()) {
            if (!LONG_RUN && seed.kind() != FileKind.DOCKERFILE && seed.kind() != FileKind.WORKFLOW) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            while (out.size() + seed.bytes().length < size) {
                out.writeBytes(seed.bytes());
            }
            LintHarness.check(seed.path(), seed.kind(), out.toByteArray(), seed.path() + " repeated to " + size + " bytes",
                    false);
        }
    }

    /**
     * Found by the long run: each unclosed {@code $(} makes a word that holds the rest of the file,
     * so a rule reading every word read the long line once per level of nesting (40 s of CPU).
     */
    @Example
    void nestedSubstitutionsBeforeALongLineStayBounded() {
        for (String opener : List.of("$(", "<(", "\"$(")) {
            String script = "#!/bin/sh\necho " + opener.repeat(1500) + "\necho " + "x".repeat(1 << 20) + "\n";
            LintHarness.check("scripts/nested.sh", FileKind.SHELL, script.getBytes(StandardCharsets.UTF_8),
                    opener + " x 1500 before a 1 MiB line", false);
        }
    }

    /**
     * Found by the long run: each suppression comment before an unclosed heredoc looked for the
     * heredoc's end through the rest of the file (824 MiB allocated for 280 kB).
     */
    @Example
    void suppressionsBeforeAnUnclosedHeredocStayBounded() {
        String dockerfile = "FROM ubuntu:24.04\n"
                + "# vlint: ignore[VL001] kept on purpose\nRUN <<EOF\napt-get update\n".repeat(6_000);
        LintHarness.check("Dockerfile", FileKind.DOCKERFILE, dockerfile.getBytes(StandardCharsets.UTF_8),
                "6,000 suppressions before unclosed heredocs", false);
    }

    /** Found by the long run: VL304 looked for each RUN's WORKDIR from the top of its stage. */
    @Example
    void oneStageWithManyRunsStaysBounded() {
        String dockerfile = "FROM busybox\nWORKDIR /src\n" + "RUN echo a\n".repeat(30_000);
        LintHarness.check("Dockerfile", FileKind.DOCKERFILE, dockerfile.getBytes(StandardCharsets.UTF_8),
                "one stage of 30,000 RUNs", false);
    }

    /** Found by the fuzz run: VL304 and the clone lookup of built projects rescanned the stage for every build. */
    @Example
    void oneStageWithManyBuildsStaysBounded() {
        String dockerfile = "FROM nvcr.io/nvidia/pytorch:25.02-py3\n" + ("RUN git clone --depth 1"
                + " https://github.com/vllm-project/vllm.git /v && cd /v && pip install --no-build-isolation .\n")
                .repeat(3_000);
        LintHarness.check("Dockerfile", FileKind.DOCKERFILE, dockerfile.getBytes(StandardCharsets.UTF_8),
                "one stage of 3,000 clone-and-build RUNs", false);
    }

    /** Found by the long run: each "#" of a comment line tried the directive pattern on the rest of the line. */
    @Example
    void oneLineOfManyCommentMarkersStaysBounded() {
        String dockerfile = "# syntax=docker/doc".repeat(12_000) + "\nFROM busybox\n";
        LintHarness.check("Dockerfile", FileKind.DOCKERFILE, dockerfile.getBytes(StandardCharsets.UTF_8),
                "12,000 comment markers on one line", false);
    }

    /**
     * Every input shape of the linearity benchmark ({@code bench/linearity-shapes.yaml}), through the
     * engine with every rule, under the same linear bounds: 4 times the benchmark's base count in CI,
     * 32 times in the long run (a shape marked superlinear: its base count only). Every rule must
     * have a shape, and each shape makes its rule fire.
     */
    @Example
    void everyLinearityShapeStaysBounded() {
        Map<String, List<LinearityShapes.Shape>> shapes = LinearityShapes.load(LinearityShapes.defaultFile());
        assertEquals(List.of(), LinearityShapes.missing(BuiltinRules.all(), shapes),
                "rules without a shape in bench/linearity-shapes.yaml");
        // VL551 reports what the shellcheck executable finds: run with it when it is installed (as in CI).
        ShellCheck.Setup onPath = new ShellCheck.Setup(null, null, false);
        List<Rule> withShellCheck = BuiltinRules.all().stream()
                .map(rule -> rule instanceof ShellCheck ? new ShellCheck(onPath) : rule).toList();
        for (List<LinearityShapes.Shape> ofRule : shapes.values()) {
            for (LinearityShapes.Shape shape : ofRule) {
                boolean shellCheck = shape.ruleId().equals(new ShellCheck().meta().id());
                if (shellCheck && !ShellCheck.installed(onPath)) {
                    System.err.println("shellcheck is not installed: the shape '" + shape + "' is skipped");
                    continue;
                }
                int count = shape.superlinear().isEmpty() ? shape.n() * (LONG_RUN ? 32 : 4) : shape.n();
                List<Finding> findings = LintHarness.checkProject(shape.project(count), shape + " x " + count,
                        shellCheck ? withShellCheck : BuiltinRules.all());
                // VL551's findings carry ShellCheck's codes (SC2086).
                assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals(shape.ruleId())
                        || shellCheck && f.ruleId().startsWith("SC")),
                        "the shape '" + shape + "' makes its rule fire");
            }
        }
    }

    /** Every seed as it is, so a fixture that already breaks a rule fails here first. */
    @Example
    void unmutatedSeedsPass() {
        for (Seed seed : Seeds.all()) {
            LintHarness.check(seed.path(), seed.kind(), seed.bytes(), seed.toString(), true);
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Mutations.mutants();
    }

    /** Skips the long run unless {@code vlint.fuzz.long} is true. */
    static final class OnlyInLongRun implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return LONG_RUN ? SkipResult.doNotSkip()
                    : SkipResult.skip("long fuzz run: set -Dvlint.fuzz.long=true");
        }
    }
}
