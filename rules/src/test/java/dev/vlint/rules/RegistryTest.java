package dev.vlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cross-checks the one rule list against the rule classes, the docs and the fixtures. */
class RegistryTest {
    @Test
    void everyRuleClassIsRegisteredExactlyOnce() throws Exception {
        Set<String> registered = new TreeSet<>();
        for (Rule rule : BuiltinRules.all()) {
            assertTrue(registered.add(rule.getClass().getName()), "registered twice: " + rule.getClass());
        }
        assertEquals(ruleClassesOnDisk(), registered, "rule classes vs BuiltinRules.all()");
    }

    @Test
    void idsAndNamesAreUniqueAndWellFormed() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Rule rule : BuiltinRules.all()) {
            RuleMeta meta = rule.meta();
            assertTrue(meta.id().matches("VL\\d{3}"), "id " + meta.id());
            assertTrue(meta.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), "name " + meta.name());
            assertTrue(ids.add(meta.id()), "duplicate id " + meta.id());
            assertTrue(names.add(meta.name()), "duplicate name " + meta.name());
            assertTrue(!meta.summary().isBlank() && !meta.kinds().isEmpty(), meta.id() + " summary and kinds");
        }
    }

    @Test
    void everyRuleHasProseAFiringFixtureAndACleanFixture() {
        List<String> problems = new ArrayList<>();
        for (Rule rule : BuiltinRules.all()) {
            String id = rule.meta().id();
            if (BuiltinRules.class.getResource("docs/" + id + ".md") == null) {
                problems.add(id + ": no prose at rules/src/main/resources/dev/vlint/rules/docs/" + id + ".md");
            }
            Path dir = Fixtures.rulesRoot().resolve(id);
            List<Path> cases = Files.isDirectory(dir) ? Fixtures.casesOf(dir).toList() : List.of();
            if (cases.stream().noneMatch(Fixtures::isFiring)) {
                problems.add(id + ": no fixtures/rules/" + id + "/fire-* case");
            }
            if (cases.stream().noneMatch(Fixtures::isClean)) {
                problems.add(id + ": no fixtures/rules/" + id + "/clean-* case");
            }
        }
        Set<String> ids = new HashSet<>();
        BuiltinRules.all().forEach(r -> ids.add(r.meta().id()));
        try (Stream<Path> dirs = Files.list(Fixtures.rulesRoot())) {
            dirs.map(d -> d.getFileName().toString()).filter(n -> !ids.contains(n))
                    .forEach(n -> problems.add("fixtures/rules/" + n + " names no registered rule"));
        } catch (IOException e) {
            problems.add("cannot list fixtures/rules: " + e);
        }
        assertEquals(List.of(), problems);
    }

    /** Concrete {@link Rule} classes compiled from this module's sources. */
    private static Set<String> ruleClassesOnDisk() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(BuiltinRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> found = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, BuiltinRules.class.getClassLoader());
            if (Rule.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                found.add(name);
            }
        }
        return found;
    }
}
