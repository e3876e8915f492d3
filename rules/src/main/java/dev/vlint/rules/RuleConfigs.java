package dev.vlint.rules;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.config.ConfigLoader;
import dev.vlint.config.HadolintConfig;
import dev.vlint.kb.GpuNames;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads {@code .vlint.yaml} files, checking rule ids against the rules and GPU names against the knowledge base. */
public final class RuleConfigs {
    private RuleConfigs() {}

    public static Config load(Path file, List<Rule> rules) throws ConfigException {
        return ConfigLoader.load(file, new RuleIndex(rules), GpuNames::isKnown);
    }

    /**
     * The config of a folder for the built-in rules: its {@code .vlint.yaml} laid over its
     * {@code .hadolint.yaml}, either one alone, or the default config.
     */
    public static Config ofFolder(Path folder) throws ConfigException {
        Path file = folder.resolve(ConfigLoader.FILE_NAME);
        Optional<Path> hadolint = HadolintConfig.in(folder);
        return withHadolint(Files.isRegularFile(file) ? Optional.of(file) : Optional.empty(), hadolint,
                BuiltinRules.all());
    }

    /**
     * The config from a {@code .vlint.yaml} and a {@code .hadolint.yaml}, each optional: the vlint
     * file's settings win where both set something; with neither, the default config. A file given
     * as the vlint config but named like hadolint's ({@code .hadolint.yaml}) is read as hadolint's.
     */
    public static Config withHadolint(Optional<Path> vlint, Optional<Path> hadolint, List<Rule> rules)
            throws ConfigException {
        RuleIndex index = new RuleIndex(rules);
        if (vlint.isPresent() && HadolintConfig.isHadolintFile(vlint.get())) {
            return HadolintConfig.load(vlint.get(), index);
        }
        Config own = vlint.isPresent() ? load(vlint.get(), rules) : Config.DEFAULT;
        return hadolint.isPresent() ? HadolintConfig.underneath(HadolintConfig.load(hadolint.get(), index), own) : own;
    }
}
