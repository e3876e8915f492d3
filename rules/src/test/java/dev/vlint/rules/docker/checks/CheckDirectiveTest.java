package dev.vlint.rules.docker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.dockerfile.CheckDirective;
import dev.vlint.engine.Linter;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.Severity;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code # check=} directive as BuildKit's linter tests use it, on the BuildKit rules. */
class CheckDirectiveTest {
    private static final Path ROOT = Path.of("/nonexistent/project");

    private static List<Finding> lint(String dockerfile, Config config) {
        ProjectFile file = new ProjectFile(ROOT.resolve("Dockerfile"), FileKind.DOCKERFILE,
                SourceFile.of("Dockerfile", dockerfile));
        List<Rule> buildKitRules = BuiltinRules.all().stream()
                .filter(rule -> rule.meta().tags().contains("buildkit")).toList();
        return new Linter(buildKitRules).lint(new Project(ROOT, List.of(file), config));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).sorted().toList();
    }

    @Test
    void skipAllSilencesEveryCheckEvenWithErrorTrue() {
        assertEquals(List.of(), lint("#check=skip=all;error=true\nFROM scratch as base\ncopy Dockerfile .\n",
                Config.DEFAULT));
    }

    @Test
    void skippingOneCheckLeavesTheOthers() {
        assertEquals(List.of("VL502"), ids(lint("#check=skip=ConsistentInstructionCasing\nFROM scratch as base\n"
                + "copy Dockerfile .\n", Config.DEFAULT)));
    }

    @Test
    void errorTrueMakesTheFindingsErrors() {
        List<Finding> findings = lint("#check=skip=ConsistentInstructionCasing;error=true\nFROM scratch as base\n"
                + "copy Dockerfile .\n", Config.DEFAULT);
        assertEquals(List.of("VL502"), ids(findings));
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("error=true"));
    }

    @Test
    void aCommentAboveAnInstructionAppliesToThatInstructionOnly() {
        List<Finding> findings = lint("FROM scratch\n# check=skip=all // is local to only this instruction\n"
                + "ENV alternate_password=bar\nENV other_password=bar\n", Config.DEFAULT);
        assertEquals(List.of("VL518"), ids(findings));
        assertEquals(4, findings.get(0).start().line());
    }

    @Test
    void aCommentAboveDoesNotTouchFileWideChecks() {
        assertEquals(List.of("VL505"), ids(lint("FROM scratch AS b\n# check=skip=DuplicateStageName\n"
                + "FROM scratch AS b\n", Config.DEFAULT)));
    }

    @Test
    void experimentalChecksRunOnlyWhenEnabled() {
        String text = "# bar this is the bar\nARG foo=bar\nFROM scratch\n";
        assertEquals(List.of(), lint(text, Config.DEFAULT));
        assertEquals(List.of("VL522"), ids(lint("# check=experimental=InvalidDefinitionDescription\n" + text,
                Config.DEFAULT)));
        Config enabled = new Config(Map.of("VL522", Optional.of(Severity.NOTE)), List.of(), Config.Targets.NONE);
        assertEquals(List.of("VL522"), ids(lint(text, enabled)));
    }

    @Test
    void optionsParseAsBuildKitParsesThem() {
        CheckDirective.Options o = CheckDirective.Options.parse(" skip = A, B ;error=True").orElseThrow();
        assertEquals(java.util.Set.of("A", "B"), o.skip());
        assertTrue(o.error());
        assertTrue(CheckDirective.Options.parse("skip=A;bogus=1").isEmpty());
        assertTrue(CheckDirective.Options.parse("error=maybe").isEmpty());
        assertTrue(CheckDirective.Options.parse("skip").isEmpty());
        assertTrue(CheckDirective.Options.parse("experimental=all").orElseThrow().runs("InvalidDefinitionDescription"));
        assertTrue(!CheckDirective.Options.parse("skip=all").orElseThrow().runs("InvalidDefinitionDescription"));
    }
}
