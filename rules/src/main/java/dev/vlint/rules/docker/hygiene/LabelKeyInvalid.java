package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.regex.Pattern;

/**
 * VL641 (hadolint DL3048): a label key outside Docker's key format: lower-case letters, digits,
 * {@code . - _ /}, starting with a letter and ending with a letter or digit, no repeated
 * separators, not in the namespaces Docker reserves.
 */
public final class LabelKeyInvalid extends LabelFormats.LabelRule implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL641", "DL3048", "label-key-invalid", Severity.NOTE,
            Fixability.NONE, "A label key outside Docker's recommended format or in a namespace Docker reserves.");
    private static final Pattern VALID = Pattern.compile("[a-z](?:[a-z0-9._/-]*[a-z0-9])?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    void label(Instruction label, RuleContext context) {
        for (Instruction.KeyValue pair : label.keyValues()) {
            String key = Hygiene.unquote(pair.key().text());
            String problem = problem(key);
            if (problem != null && !key.contains("$")) {
                context.report(pair.key().range(), "Label key " + key + " " + problem
                        + "; use a reverse-DNS key such as org.opencontainers.image.source.");
            }
        }
    }

    private static String problem(String key) {
        if (key.startsWith("com.docker.") || key.startsWith("io.docker.") || key.startsWith("org.dockerproject.")) {
            return "is in a namespace Docker reserves for itself";
        }
        if (!VALID.matcher(key).matches()) {
            return "should use only lower-case letters, digits, '.', '-', '_' and '/', start with a letter and"
                    + " end with a letter or digit";
        }
        if (key.contains("..") || key.contains("--")) {
            return "repeats a separator";
        }
        return null;
    }
}
