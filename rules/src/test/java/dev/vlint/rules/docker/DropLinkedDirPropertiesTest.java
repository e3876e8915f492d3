package dev.vlint.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.fix.Edit;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** VL103's fix removes exactly the linked directory from an {@code rm}, however the paths are laid out. */
class DropLinkedDirPropertiesTest {
    private static final Path ROOT = Path.of("/nonexistent/project");

    record Layout(List<String> paths, List<String> separators) {}

    @Provide
    Arbitrary<Layout> layouts() {
        Arbitrary<List<String>> others = Arbitraries.of("/usr/share/doc", "/opt/nvidia/nsight-systems*",
                "\"/usr/local/cuda/samples\"", "/var/cache/apt/*", "/root/.cache/pip").list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 4);
        Arbitrary<List<String>> separators = Arbitraries.of(" ", "  ", " \\\n    ", " \\\n\t", "\\\n ")
                .list().ofSize(5);
        return Combinators.combine(others, position, separators).as((list, at, seps) -> {
            List<String> paths = new ArrayList<>(list);
            paths.add(Math.min(at, paths.size()), "/opt/hpcx");
            return new Layout(paths, seps);
        });
    }

    @Property(tries = 60)
    void fixLeavesTheOtherPathsInOrder(@ForAll("layouts") Layout layout) {
        StringBuilder run = new StringBuilder("RUN rm -rf");
        for (int i = 0; i < layout.paths().size(); i++) {
            run.append(layout.separators().get(i)).append(layout.paths().get(i));
        }
        String text = "FROM nvcr.io/nvidia/pytorch:25.02-py3\n" + run + " && echo done\n";
        List<Finding> findings = lint(text);
        assertEquals(1, findings.size(), text);
        StringBuilder fixed = new StringBuilder(text);
        for (Edit edit : findings.get(0).fixes().get(0).edits()) {
            fixed.replace(edit.range().start(), edit.range().end(), edit.replacement());
        }
        List<String> expected = new ArrayList<>(layout.paths());
        expected.remove("/opt/hpcx");
        assertEquals(expected, rmOperands(fixed.toString()), fixed.toString());
        assertEquals(List.of(), lint(fixed.toString()), fixed.toString());
    }

    private static List<Finding> lint(String dockerfile) {
        ProjectFile file = new ProjectFile(ROOT.resolve("Dockerfile"), FileKind.DOCKERFILE,
                SourceFile.of("Dockerfile", dockerfile));
        return new Linter(BuiltinRules.all()).lint(new Project(ROOT, List.of(file), Config.DEFAULT)).stream()
                .filter(f -> f.ruleId().equals("VL103")).toList();
    }

    private static List<String> rmOperands(String dockerfile) {
        ProjectFile file = new ProjectFile(ROOT.resolve("Dockerfile"), FileKind.DOCKERFILE,
                SourceFile.of("Dockerfile", dockerfile));
        for (ShellSnippets.Snippet snippet : ShellSnippets.of(file)) {
            for (SimpleCommand command : snippet.script().commands()) {
                if ("rm".equals(command.commandName())) {
                    return command.args().stream().skip(1).map(Word::raw).toList();
                }
            }
        }
        return List.of();
    }
}
