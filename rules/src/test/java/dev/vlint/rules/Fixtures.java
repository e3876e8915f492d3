package dev.vlint.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the fixture cases live: {@code fixtures/rules/<RULE-ID>/<fire-|clean-><name>/}. */
final class Fixtures {
    private Fixtures() {}

    static Path root() {
        return Path.of(System.getProperty("vlint.root", "..")).resolve("fixtures").toAbsolutePath().normalize();
    }

    static Path rulesRoot() {
        return root().resolve("rules");
    }

    /** Every case folder, sorted. */
    static List<Path> cases() {
        try (Stream<Path> rules = Files.list(rulesRoot())) {
            return rules.filter(Files::isDirectory).sorted().flatMap(Fixtures::casesOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> casesOf(Path ruleDir) {
        try (Stream<Path> cases = Files.list(ruleDir)) {
            return cases.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFiring(Path caseDir) {
        return caseDir.getFileName().toString().startsWith("fire-");
    }

    static boolean isClean(Path caseDir) {
        return caseDir.getFileName().toString().startsWith("clean-");
    }
}
