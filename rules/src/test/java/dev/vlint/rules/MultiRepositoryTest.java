package dev.vlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vlint.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Linting a folder that holds several repositories finds what linting each of them finds: a fixture
 * case whose subfolders are repositories of their own (each with a .github folder) is linted whole
 * and one repository at a time.
 */
class MultiRepositoryTest {
    @Test
    void aFolderOfRepositoriesGivesTheFindingsOfEachRepository() throws IOException {
        int compared = 0;
        for (Path caseDir : Fixtures.cases()) {
            List<Path> repositories;
            try (Stream<Path> children = Files.list(caseDir)) {
                repositories = children.filter(d -> Files.isDirectory(d.resolve(".github"))).sorted().toList();
            }
            if (repositories.size() < 2) {
                continue;
            }
            Set<String> whole = keys(FixtureRunner.lint(FixtureRunner.load(caseDir)), "");
            Set<String> each = new TreeSet<>();
            for (Path repository : repositories) {
                each.addAll(keys(FixtureRunner.lint(FixtureRunner.load(repository)),
                        repository.getFileName() + "/"));
            }
            assertEquals(each, whole, caseDir.toString());
            compared++;
        }
        assertFalse(compared == 0, "no fixture holds several repositories");
    }

    private static Set<String> keys(List<Finding> findings, String prefix) {
        Set<String> keys = new TreeSet<>();
        for (Finding f : findings) {
            keys.add(prefix + f.file().path() + ":" + f.start().line() + ":" + f.start().column() + " " + f.ruleId());
        }
        return keys;
    }
}
