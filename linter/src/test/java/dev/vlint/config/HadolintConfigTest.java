package dev.vlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import dev.vlint.rule.StubRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HadolintConfigTest {
    private static final RuleIndex RULES = new RuleIndex(List.of(StubRules.rule("VL608", "DL3008"),
            StubRules.rule("VL613", "DL3014"), StubRules.rule("VL614", "DL3015"), StubRules.rule("VL640", "DL3047"),
            StubRules.rule("VL641", "DL3048")));
    private static final Path FILE = Path.of(".hadolint.yaml");

    @Test
    void readsIgnoredOverridesRegistriesLabelsAndThreshold() throws ConfigException {
        Config config = HadolintConfig.parse(FILE, """
                ignored: [DL3008, DL3005, SC1091]
                override:
                  error: [DL3014]
                  info: [DL3047]
                  style: [DL3048]
                trustedRegistries: docker.io
                label-schema:
                  org.opencontainers.image.source: url
                  owner: ""
                strict-labels: true
                failure-threshold: style
                format: tty
                no-color: true
                """, RULES);
        assertEquals(Optional.empty(), config.ruleLevels().get("VL608"));
        assertEquals(Optional.of(Severity.ERROR), config.ruleLevels().get("VL613"));
        assertEquals(Optional.of(Severity.NOTE), config.ruleLevels().get("VL640"));
        assertEquals(Optional.of(Severity.NOTE), config.ruleLevels().get("VL641"));
        assertEquals(4, config.ruleLevels().size(), "retired and unknown ids are skipped: " + config.ruleLevels());
        assertEquals(List.of("docker.io"), config.images().trustedRegistries());
        assertEquals(Map.of("org.opencontainers.image.source", "url", "owner", "text"), config.images().labelSchema());
        assertTrue(config.images().strictLabels());
        assertEquals("note", config.failOn());
    }

    @Test
    void noFailAndThresholdsMapToFailOn() throws ConfigException {
        assertEquals("none", HadolintConfig.parse(FILE, "no-fail: true\n", RULES).failOn());
        assertEquals("none", HadolintConfig.parse(FILE, "failure-threshold: ignore\n", RULES).failOn());
        assertEquals("error", HadolintConfig.parse(FILE, "failure-threshold: error\n", RULES).failOn());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> HadolintConfig.parse(FILE, "ignored: []\nfailure-threshold: loud\n", RULES));
        assertEquals(2, bad.line());
        assertThrows(ConfigException.class, () -> HadolintConfig.parse(FILE, "override:\n  fatal: [DL3008]\n", RULES));
        assertThrows(ConfigException.class, () -> HadolintConfig.parse(FILE, "label-schema:\n  a: date\n", RULES));
    }

    @Test
    void vlintSettingsWinOverHadolintOnes() throws ConfigException {
        Config hadolint = HadolintConfig.parse(FILE, "ignored: [DL3008, DL3015]\ntrustedRegistries: [a.example]\n"
                + "failure-threshold: error\n", RULES);
        Config vlint = new Config(Map.of("VL608", Optional.of(Severity.NOTE)), List.of("vendor/**"), Config.Targets.NONE);
        Config merged = HadolintConfig.underneath(hadolint, vlint);
        assertEquals(Optional.of(Severity.NOTE), merged.ruleLevels().get("VL608"));
        assertEquals(Optional.empty(), merged.ruleLevels().get("VL614"));
        assertEquals(List.of("a.example"), merged.images().trustedRegistries());
        assertEquals(List.of("vendor/**"), merged.ignorePaths());
        assertEquals("error", merged.failOn());
    }

    @Test
    void recognisesHadolintFileNames() {
        assertTrue(HadolintConfig.isHadolintFile(Path.of("ci/.hadolint.yml")));
        assertTrue(HadolintConfig.isHadolintFile(Path.of("hadolint.yaml")));
        assertTrue(!HadolintConfig.isHadolintFile(Path.of(".vlint.yaml")));
    }
}
