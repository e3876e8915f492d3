package dev.vlint.rules.workflow;

import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Small helpers the workflow rules share: expressions in values, near-miss names, files a workflow names. */
final class Workflows {
    /** Beyond this many names, no "did you mean": comparing against all would make a rule quadratic. */
    static final int MAX_CANDIDATES = 256;
    private static final int MAX_LISTED = 12;

    private Workflows() {}

    /** A scalar whose value holds a {@code ${{ }}} template: its value is known only when the workflow runs. */
    static boolean isExpression(YamlNode node) {
        return node != null && node.isScalar() && node.value().contains("${{");
    }

    /** A node whose value cannot be judged statically: an expression or a YAML alias. */
    static boolean isDynamic(YamlNode node) {
        return isExpression(node) || node != null && node.alias();
    }

    /** The items of a list or a lone scalar as one item; nothing for null or a mapping. */
    static List<YamlNode> values(YamlNode node) {
        if (node == null || node.isMapping() || node.isNull()) {
            return List.of();
        }
        return node.isSequence() ? node.items() : List.of(node);
    }

    static List<YamlNode.Entry> entries(YamlNode node) {
        return node == null ? List.of() : node.entries();
    }

    /** The closest of {@code names} to {@code wanted} (ignoring case) within a few edits, if any. */
    static Optional<String> closest(String wanted, Collection<String> names) {
        if (names.size() > MAX_CANDIDATES) {
            return Optional.empty(); // keeps each report constant-time in files with hundreds of names
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, lower.length() / 4));
        return names.stream()
                .filter(n -> !n.equalsIgnoreCase(wanted))
                .filter(n -> distance(lower, n.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt((String n) -> distance(lower, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Edit distance where swapping two neighbouring letters ({@code latets}) counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** "a", "b" and "c"; past a dozen names, the first ones and how many more. */
    static String quotedList(Collection<String> names) {
        List<String> quoted = new ArrayList<>();
        names.stream().limit(MAX_LISTED).forEach(n -> quoted.add("`" + n + "`"));
        if (names.size() > MAX_LISTED) {
            quoted.add((names.size() - MAX_LISTED) + " more");
        }
        if (quoted.size() <= 1) {
            return String.join("", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    /** A YAML file of the repository read as a workflow-shaped tree, with where it was found. */
    record LocalYaml(String path, Workflow yaml) {}

    private record Cache(Map<String, Optional<LocalYaml>> files) {}

    /**
     * The repository file at {@code path} (root-relative), parsed: from the project when it was
     * loaded, else from disk under the project root (a workflow linted alone still sees the
     * action it names). Empty when there is no such file.
     */
    static Optional<LocalYaml> localYaml(Project project, String path) {
        Cache cache = project.derived(Cache.class, p -> new Cache(new ConcurrentHashMap<>()));
        return cache.files().computeIfAbsent(path, p -> read(project, p));
    }

    private static Optional<LocalYaml> read(Project project, String path) {
        ProjectFile file = project.file(path);
        if (file != null) {
            Workflow yaml = file.model(WorkflowParser.KEY);
            return yaml == null || yaml.root() == null ? Optional.empty() : Optional.of(new LocalYaml(path, yaml));
        }
        Path onDisk = project.root().resolve(path).normalize();
        if (!onDisk.startsWith(project.root()) || !Files.isRegularFile(onDisk)) {
            return Optional.empty();
        }
        try {
            SourceFile source = SourceFile.of(path, Files.readString(onDisk, StandardCharsets.UTF_8));
            Workflow yaml = WorkflowParser.parse(source).model();
            return yaml == null || yaml.root() == null ? Optional.empty() : Optional.of(new LocalYaml(path, yaml));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The metadata of the local action {@code ./dir} ({@code dir/action.yml} or {@code .yaml}). */
    static Optional<LocalYaml> localAction(Project project, String uses) {
        String dir = uses.substring(2).replaceAll("/+$", "");
        String base = dir.isEmpty() || dir.equals(".") ? "" : dir + "/";
        Optional<LocalYaml> yml = localYaml(project, base + "action.yml");
        return yml.isPresent() ? yml : localYaml(project, base + "action.yaml");
    }

    /** The workflow a job calls with {@code uses: ./.github/workflows/x.yml}. */
    static Optional<LocalYaml> localWorkflow(Project project, String uses) {
        return localYaml(project, uses.substring(2));
    }
}
