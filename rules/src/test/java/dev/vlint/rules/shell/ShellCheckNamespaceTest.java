package dev.vlint.rules.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.config.ConfigLoader;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.suppress.Suppressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** VL551 owns ShellCheck's SC codes: each is a rule id of its own wherever ids are written. */
class ShellCheckNamespaceTest {
    private static final RuleIndex INDEX = new RuleIndex(BuiltinRules.all());

    private static Config config(String text) throws ConfigException {
        return ConfigLoader.parse(Path.of(".vlint.yaml"), text, INDEX, ConfigLoader.ANY_GPU_SHAPE);
    }

    @Test
    void scCodesAreFoundInAnyCaseAndBelongToVl551() {
        RuleMeta meta = INDEX.find("sc2086").orElseThrow();
        assertEquals("SC2086", meta.id());
        assertTrue(meta.summary().contains("https://www.shellcheck.net/wiki/SC2086"), meta.summary());
        assertEquals("VL551", INDEX.owner("SC2086").orElseThrow().meta().id());
        assertEquals(Optional.of("VL551"), INDEX.id("shellcheck"));
        assertEquals(Optional.empty(), INDEX.find("SC20866"));
        assertEquals(Optional.empty(), INDEX.owner("VL101"));
    }

    @Test
    void reportsListEveryScCodeTheyUseOnce() {
        SourceFile file = SourceFile.of("a.sh", "echo $1\n");
        List<Finding> findings = List.of(
                new Finding("SC2086", Severity.NOTE, "m", file, new TextRange(5, 7)),
                new Finding("SC2086", Severity.NOTE, "m", file, new TextRange(5, 7)),
                new Finding("SC2046", Severity.WARNING, "m", file, new TextRange(5, 7)));
        List<RuleMeta> listed = INDEX.withMembersOf(findings);
        assertEquals(BuiltinRules.all().size() + 2, listed.size());
        assertEquals(List.of("SC2046", "SC2086"), listed.subList(listed.size() - 2, listed.size()).stream()
                .map(RuleMeta::id).toList());
        assertEquals(Severity.WARNING, listed.get(listed.size() - 2).severity());
    }

    @Test
    void configTurnsShellCheckOffOrSetsOneCodesLevel() throws ConfigException {
        assertEquals(Optional.empty(), config("shellcheck: off\n").ruleLevels().get("VL551"));
        assertEquals(Optional.empty(), config("rules: {VL102: note}\nshellcheck: false\n").ruleLevels().get("VL551"));
        assertEquals(Optional.of(Severity.NOTE), config("shellcheck: off\nrules: {VL102: note}\n").ruleLevels().get("VL102"));
        assertEquals(null, config("shellcheck: on\n").ruleLevels().get("VL551"));
        assertEquals(Optional.of(Severity.ERROR), config("rules: {sc2164: error}\n").ruleLevels().get("SC2164"));
        ConfigException bad = assertThrows(ConfigException.class, () -> config("shellcheck: sometimes\n"));
        assertEquals("'shellcheck' must be on or off", bad.problem());
    }

    @Test
    void hadolintAndVlintCommentsSuppressScCodes() {
        SourceFile file = SourceFile.of("Dockerfile", "FROM alpine\n# hadolint ignore=SC2086,DL3018\nRUN echo $1\n");
        Suppressions suppressions = Suppressions.scan(file, FileKind.DOCKERFILE, INDEX);
        int at = file.text().indexOf("$1");
        Finding finding = new Finding("SC2086", Severity.NOTE, "m", file, new TextRange(at, at + 2));
        assertTrue(suppressions.apply(List.of(finding), Set.of("VL551")).findings().get(0).suppressed());
    }
}
