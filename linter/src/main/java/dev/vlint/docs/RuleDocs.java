package dev.vlint.docs;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.RuleMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rule documentation: hand-written prose per rule (a classpath resource
 * {@code dev/vlint/rules/docs/<ID>.md}) under a header built from {@link RuleMeta}. The same page
 * is checked in under {@code docs/rules/}, shown by {@code vlint explain} and put into SARIF help.
 */
public final class RuleDocs {
    /** Where the prose of rule {@code ID} lives on the classpath: {@code PROSE_FOLDER + ID + ".md"}. */
    public static final String PROSE_FOLDER = "dev/vlint/rules/docs/";
    /** The sections every page's prose has, in this order. */
    public static final List<String> SECTIONS = List.of("What it does", "Why is this bad?", "Example", "Use instead");
    /** The section fixable rules add after the others. */
    public static final String FIX_SAFETY = "Fix safety";
    public static final String INDEX = "README.md";

    private RuleDocs() {}

    /** The prose of a rule, or empty when the classpath has none. */
    public static Optional<String> prose(String ruleId) {
        ClassLoader loader = RuleDocs.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(PROSE_FOLDER + ruleId + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sections the prose of {@code meta} must have but does not, in page order. */
    public static List<String> missingSections(RuleMeta meta, String prose) {
        List<String> required = new ArrayList<>(SECTIONS);
        if (meta.fixability() != Fixability.NONE) {
            required.add(FIX_SAFETY);
        }
        return required.stream().filter(s -> section(prose, s).isEmpty()).toList();
    }

    /** The text under {@code ## heading} up to the next {@code ## } heading, trimmed; empty when absent. */
    public static Optional<String> section(String prose, String heading) {
        String marker = "## " + heading;
        List<String> lines = prose.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        boolean inFence = false;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("## ")) {
                break;
            }
            text.append(line).append('\n');
        }
        String body = text.toString().strip();
        return body.isEmpty() ? Optional.empty() : Optional.of(body);
    }

    /** The complete page of a rule: title, summary, a metadata table, then the prose. */
    public static String page(RuleMeta meta, String prose) {
        return "# " + meta.id() + " " + meta.name() + "\n\n"
                + meta.summary() + "\n\n"
                + "| | |\n|---|---|\n"
                + "| Default severity | " + meta.severity().label() + (meta.enabledByDefault() ? "" : " (off by default)") + " |\n"
                + (meta.aliases().isEmpty() ? "" : "| Aliases | " + cell(String.join(", ", meta.aliases())) + " |\n")
                + "| Fix | " + fixLabel(meta.fixability()) + " |\n"
                + "| File kinds | " + kinds(meta) + " |\n"
                + "| Tags | " + cell(String.join(", ", meta.tags())) + " |\n\n"
                + prose.strip() + "\n";
    }

    /** The index page listing all rules by id. */
    public static String index(List<RuleMeta> rules) {
        StringBuilder text = new StringBuilder("# Rules\n\n")
                .append("One page per rule, generated from the rule metadata and its prose")
                .append(" (`rules/src/main/resources/").append(PROSE_FOLDER).append("`).\n\n")
                .append("| Rule | Name | Default severity | Fix | Reports |\n|---|---|---|---|---|\n");
        for (RuleMeta meta : sorted(rules)) {
            text.append("| [").append(meta.id()).append("](").append(meta.id()).append(".md) | ")
                    .append(meta.name()).append(" | ").append(meta.severity().label())
                    .append(meta.enabledByDefault() ? "" : " (off by default)").append(" | ")
                    .append(fixLabel(meta.fixability())).append(" | ").append(cell(meta.summary())).append(" |\n");
        }
        return text.toString();
    }

    /**
     * All files of {@code docs/rules/}: file name to content, the index included.
     *
     * @throws IllegalStateException naming every rule whose prose is missing or lacks a section
     */
    public static Map<String, String> generate(List<RuleMeta> rules) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (RuleMeta meta : sorted(rules)) {
            Optional<String> prose = prose(meta.id());
            if (prose.isEmpty()) {
                problems.add(meta.id() + ": no prose at " + PROSE_FOLDER + meta.id() + ".md");
                continue;
            }
            List<String> missing = missingSections(meta, prose.get());
            if (!missing.isEmpty()) {
                problems.add(meta.id() + ": prose lacks ## " + String.join(", ## ", missing));
                continue;
            }
            files.put(meta.id() + ".md", page(meta, prose.get()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        files.put(INDEX, index(rules));
        return files;
    }

    /** How {@code vlint rules}, the docs and SARIF name a fixability. */
    public static String fixLabel(Fixability fixability) {
        return switch (fixability) {
            case NONE -> "none";
            case SAFE -> "safe";
            case UNSAFE -> "unsafe";
            case SOMETIMES -> "safe or unsafe";
        };
    }

    private static String kinds(RuleMeta meta) {
        return meta.kinds().stream().sorted()
                .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    private static List<RuleMeta> sorted(List<RuleMeta> rules) {
        return rules.stream().sorted(Comparator.comparing(RuleMeta::id)).toList();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
