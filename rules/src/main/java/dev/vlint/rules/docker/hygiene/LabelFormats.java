package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.RuleContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats of hadolint's {@code label-schema} ({@code text}, {@code url},
 * {@code rfc3339}, {@code spdx}, {@code hash}, {@code semver}, {@code email}), and the walk the
 * format rules share: every LABEL pair whose key the schema gives the rule's format.
 */
final class LabelFormats {
    private LabelFormats() {}

    private static final Pattern RFC3339 = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-](\\d{2}):(\\d{2}))");
    /** semver.org's regular expression for version 2.0.0. */
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern GIT_HASH = Pattern.compile("[0-9a-f]{7}|[0-9a-f]{40}");
    /** RFC 5322 addr-spec: dot-atom or quoted local part, dot-atom or literal domain. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[^\\[\\]\\\\]*\\])");
    private static final Pattern SPDX_TOKEN = Pattern.compile("\\(|\\)|[A-Za-z0-9.+:-]+");

    /** A LABEL pair the schema types with one format, as a rule of that format sees it. */
    interface Check {
        void pair(String key, String value, Instruction.KeyValue pair, RuleContext context);
    }

    /** Calls {@code check} for each LABEL pair whose key the config's schema gives {@code format}. */
    static void each(Instruction label, String format, RuleContext context, Check check) {
        Map<String, String> schema = context.config().images().labelSchema();
        if (schema.isEmpty()) {
            return;
        }
        for (Instruction.KeyValue pair : label.keyValues()) {
            String key = Hygiene.unquote(pair.key().text());
            if (format.equals(schema.get(key))) {
                String value = Hygiene.unquote(pair.value().text());
                if (!value.contains("$")) {
                    check.pair(key, value, pair, context);
                }
            }
        }
    }

    static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]*");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isRfc3339(String value) {
        Matcher m = RFC3339.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int seconds = Integer.parseInt(m.group(6));
            LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Math.min(seconds, 59));
            return seconds <= 60 && (m.group(9) == null
                    || Integer.parseInt(m.group(9)) < 24 && Integer.parseInt(m.group(10)) < 60);
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean isSemver(String value) {
        return SEMVER.matcher(value).matches();
    }

    static boolean isGitHash(String value) {
        return GIT_HASH.matcher(value).matches();
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    /**
     * An SPDX license expression: identifiers of the SPDX License List (a trailing {@code +} allowed),
     * {@code LicenseRef-}/{@code DocumentRef-} references, joined by AND, OR, WITH and parentheses.
     */
    static boolean isSpdx(String value) {
        Matcher m = SPDX_TOKEN.matcher(value);
        int at = 0;
        boolean expectLicense = true;
        int depth = 0;
        String previous = "";
        while (m.find()) {
            if (!value.substring(at, m.start()).isBlank()) {
                return false;
            }
            at = m.end();
            String token = m.group();
            if (token.equals("(")) {
                if (!expectLicense) {
                    return false;
                }
                depth++;
            } else if (token.equals(")")) {
                if (expectLicense || --depth < 0) {
                    return false;
                }
            } else if (!expectLicense && (token.equals("AND") || token.equals("OR") || token.equals("WITH"))) {
                expectLicense = true;
            } else if (expectLicense && (previous.equals("WITH") || isLicense(token))) {
                expectLicense = false;
            } else {
                return false;
            }
            previous = token;
        }
        return !value.isBlank() && value.substring(at).isBlank() && !expectLicense && depth == 0;
    }

    private static boolean isLicense(String token) {
        String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
        return SpdxIds.IDS.contains(id) || id.startsWith("LicenseRef-") || id.startsWith("DocumentRef-");
    }

    /** The bundled SPDX license list, read once. */
    private static final class SpdxIds {
        static final Set<String> IDS = load();

        private static Set<String> load() {
            Set<String> ids = new HashSet<>();
            try (InputStream in = LabelFormats.class.getResourceAsStream("spdx-license-ids.txt");
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(ids::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ids;
        }
    }

    /** A visitor of LABEL instructions (outside ONBUILD). */
    abstract static class LabelRule implements DockerfileVisitor {
        @Override
        public Set<String> keywords() {
            return Set.of("LABEL");
        }

        @Override
        public void instruction(Instruction label, Stage stage, RuleContext context) {
            if (stage == null || !Hygiene.isTrigger(label, stage)) {
                label(label, context);
            }
        }

        abstract void label(Instruction label, RuleContext context);
    }
}
