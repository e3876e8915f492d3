package dev.vlint.rules;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.config.ConfigLoader;
import dev.vlint.kb.GpuNames;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads {@code .vlint.yaml} files, checking rule ids against the rules and GPU names against the knowledge base. */
public final class RuleConfigs {
    private RuleConfigs() {}

    public static Config load(Path file, List<Rule> rules) throws ConfigException {
        return ConfigLoader.load(file, new RuleIndex(rules), GpuNames::isKnown);
    }

    /** The {@code .vlint.yaml} directly inside {@code folder} (for the built-in rules), else the default config. */
    public static Config ofFolder(Path folder) throws ConfigException {
        Path file = folder.resolve(ConfigLoader.FILE_NAME);
        return Files.isRegularFile(file) ? load(file, BuiltinRules.all()) : Config.DEFAULT;
    }
}
