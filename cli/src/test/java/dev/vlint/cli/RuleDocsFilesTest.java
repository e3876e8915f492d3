package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vlint.docs.RuleDocs;
import dev.vlint.rule.Rule;
import dev.vlint.rules.BuiltinRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules/} must be exactly what {@link RuleDocs} generates from the built-in rules.
 * With {@code -Dvlint.updateDocs=true} the test rewrites the folder instead of failing.
 */
class RuleDocsFilesTest {
    private static final String HINT = "run: mvn -q -pl cli -am test -Dvlint.updateDocs=true";

    @Test
    void docsFolderMatchesTheRules() throws IOException {
        String rootProperty = System.getProperty("vlint.root");
        assertTrue(rootProperty != null && !rootProperty.isBlank(), "system property vlint.root is not set");
        Path folder = Path.of(rootProperty, "docs", "rules");
        Map<String, String> expected = RuleDocs.generate(BuiltinRules.all().stream().map(Rule::meta).toList());
        TreeSet<String> present = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).forEach(present::add);
            }
        }

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path path = folder.resolve(file.getKey());
            if (!present.contains(file.getKey())) {
                problems.add("missing: docs/rules/" + file.getKey());
            } else if (!Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
                problems.add("stale: docs/rules/" + file.getKey());
            }
        }
        for (String name : present) {
            if (!expected.containsKey(name)) {
                problems.add("extra: docs/rules/" + name);
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean("vlint.updateDocs")) {
            update(folder, expected, present);
            return;
        }
        fail(String.join("\n", problems) + "\n" + HINT);
    }

    private static void update(Path folder, Map<String, String> expected, TreeSet<String> present) throws IOException {
        Files.createDirectories(folder);
        for (String name : present) {
            if (!expected.containsKey(name)) {
                Files.delete(folder.resolve(name));
            }
        }
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
