package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws IOException {
        Path file = dir.resolve(".vlint.yaml");
        Files.writeString(file, yaml);
        return ConfigReader.load(Optional.of(file), Set.of("VL101", "VL102"));
    }

    @Test
    void readsEverySetting() throws IOException {
        Config config = load("""
                rules:
                  VL101: warning
                  VL102: off
                ignore-paths: ["third_party/**"]
                targets:
                  gpus: [A100, RTX 5090, sm_90]
                  driver-cuda: "12.8"
                  runner-disk-gb: 14
                """);
        assertEquals(Map.of("VL101", Optional.of(Severity.WARNING), "VL102", Optional.empty()), config.ruleLevels());
        assertEquals(List.of("third_party/**"), config.ignorePaths());
        assertEquals(new Config.Targets(List.of("A100", "RTX 5090", "sm_90"), "12.8", 14), config.targets());
    }

    @Test
    void emptyFileAndNoFileAreTheDefault() throws IOException {
        assertEquals(Config.DEFAULT, load(""));
        assertEquals(Config.DEFAULT, ConfigReader.load(Optional.empty(), Set.of()));
    }

    @Test
    void problemsCarryLineAndColumn() {
        ConfigException level = assertThrows(ConfigException.class, () -> load("rules:\n  VL101: loud\n"));
        assertEquals(List.of(2, 10, "level of VL101 must be off, error, warning or note"),
                List.of(level.line(), level.column(), level.getMessage()));
        ConfigException key = assertThrows(ConfigException.class, () -> load("targets:\n  gpu: [A100]\n"));
        assertEquals(List.of(2, 3), List.of(key.line(), key.column()));
        ConfigException disk = assertThrows(ConfigException.class, () -> load("targets:\n  runner-disk-gb: big\n"));
        assertEquals(2, disk.line());
    }
}
