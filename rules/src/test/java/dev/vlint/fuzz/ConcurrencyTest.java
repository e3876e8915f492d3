package dev.vlint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.fuzz.Seeds.Seed;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.source.SourceFile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same rule objects lint the whole fixture set on many threads at once, again and again, and
 * every run must equal a sequential run finding for finding, in the same order.
 */
class ConcurrencyTest {
    private static final Path ROOT = Path.of("/fixtures");
    private static final int ROUNDS = 12;

    /** All seeds as one project, with fresh parse caches. */
    private static Project freshProject() {
        List<ProjectFile> files = new ArrayList<>();
        for (Seed seed : Seeds.all()) {
            files.add(new ProjectFile(ROOT.resolve(seed.path()), seed.kind(), SourceFile.decode(seed.path(), seed.bytes())));
        }
        return new Project(ROOT, files, Config.DEFAULT);
    }

    /** Everything a reader of the report sees of a finding. */
    private static List<String> render(List<Finding> findings) {
        return findings.stream().map(f -> String.join("|", f.ruleId(), f.severity().name(), f.file().path(),
                f.range().toString(), f.message(), f.fixes().toString(), String.valueOf(f.suppression()),
                f.related().stream().map(r -> r.file().path() + r.range() + r.message()).collect(Collectors.joining(","))))
                .toList();
    }

    @Test
    void parallelRunsEqualTheSequentialRun() throws Exception {
        List<Rule> rules = BuiltinRules.all();
        List<String> expected = render(new Linter(rules).lint(freshProject(), 1));
        Project shared = freshProject();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Half the runs share one project (and its parse caches), half start from nothing.
                boolean reuse = round % 2 == 0;
                runs.add(callers.submit(() -> render(new Linter(rules).lint(reuse ? shared : freshProject(), 4))));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theProjectUnderTestIsNotTrivial() {
        Project project = freshProject();
        assertTrue(project.files().stream().map(ProjectFile::kind).distinct().count() >= 8,
                "every parsed kind takes part, fixtures or not");
        assertFalse(project.files().isEmpty());
    }

    /** Rule objects are shared by every thread, so whatever they hold must not change. */
    @Test
    void rulesHoldNoMutableFields() {
        for (Rule rule : BuiltinRules.all()) {
            for (Class<?> type = rule.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    assertTrue(Modifier.isFinal(field.getModifiers()),
                            rule.meta().id() + ": field " + type.getSimpleName() + "." + field.getName() + " is not final");
                }
            }
        }
    }
}
