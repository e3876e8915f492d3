package dev.vlint.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.config.ConfigLoader;
import dev.vlint.kb.GpuNames;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The input shapes of {@code bench/linearity-shapes.yaml}: per rule, small projects whose files
 * grow with a count n, generated in memory. Used by the linearity benchmark (bench module) and
 * the fuzz suite.
 */
public final class LinearityShapes {
    private static final Path ROOT = Path.of("/linearity");
    private static final int DEFAULT_N = 1000;

    /** One file of a shape: {@code head}, {@code repeat} n times, {@code tail}; a path with {i} makes n files. */
    record FileTemplate(String path, String head, String repeat, String tail) {}

    /**
     * A project shape for one rule; {@code n} is the benchmark's base count; {@code superlinear}
     * says why the rule is not yet linear on it, empty when it is.
     */
    public record Shape(String ruleId, String name, int n, String config, String superlinear, boolean disk,
            List<FileTemplate> templates) {
        /** The files for {@code count} instances, path to text, in the order written. */
        public Map<String, String> files(int count) {
            Map<String, String> files = new LinkedHashMap<>();
            for (FileTemplate template : templates) {
                if (template.path().contains("{i}")) {
                    for (int i = 0; i < count; i++) {
                        files.put(expand(template.path(), i), template.head() + expand(template.repeat(), i)
                                + template.tail());
                    }
                } else {
                    StringBuilder text = new StringBuilder(template.head());
                    for (int i = 0; i < count; i++) {
                        text.append(expand(template.repeat(), i));
                    }
                    files.put(template.path(), text.append(template.tail()).toString());
                }
            }
            return files;
        }

        /**
         * The project of {@code count} instances, in memory, with the shape's config; for a shape
         * marked {@code disk} (a rule that reads a file such as .dockerignore itself) also written to
         * a temporary folder, deleted when the JVM exits.
         */
        public Project project(int count) {
            Path root = disk ? writtenToDisk(files(count)) : ROOT;
            List<ProjectFile> files = new ArrayList<>();
            for (Map.Entry<String, String> file : files(count).entrySet()) {
                String text = file.getValue();
                FileKind kind = FileKind.classify(file.getKey(), text.substring(0, Math.min(200, text.length())));
                files.add(new ProjectFile(root.resolve(file.getKey()), kind, SourceFile.of(file.getKey(), text)));
            }
            return new Project(root, files, parsedConfig());
        }

        private static Path writtenToDisk(Map<String, String> files) {
            try {
                Path root = Files.createTempDirectory("vlint-shape");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Path path = root.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue());
                }
                return root;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // best effort: a leftover temporary folder
            }
        }

        /** The characters of all files for {@code count} instances. */
        public long size(int count) {
            return files(count).values().stream().mapToLong(String::length).sum();
        }

        private Config parsedConfig() {
            if (config.isEmpty()) {
                return Config.DEFAULT;
            }
            try {
                return ConfigLoader.parse(ROOT.resolve(ConfigLoader.FILE_NAME), config,
                        new RuleIndex(BuiltinRules.all()), GpuNames::isKnown);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("shape '" + name + "' of " + ruleId + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return ruleId + " " + name;
        }
    }

    private LinearityShapes() {}

    /** The shapes file of the checkout ({@code vlint.root}, else the working directory's parent). */
    public static Path defaultFile() {
        return Path.of(System.getProperty("vlint.root", "..")).resolve("bench/linearity-shapes.yaml")
                .toAbsolutePath().normalize();
    }

    /** Every shape of the file, by rule id in file order. */
    public static Map<String, List<Shape>> load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, List<Shape>> shapes = new LinkedHashMap<>();
        root.fields().forEachRemaining(rule -> {
            List<Shape> list = new ArrayList<>();
            for (JsonNode shape : rule.getValue()) {
                List<FileTemplate> templates = new ArrayList<>();
                for (JsonNode f : shape.path("files")) {
                    templates.add(new FileTemplate(f.path("path").asText(), f.path("head").asText(""),
                            f.path("repeat").asText(""), f.path("tail").asText("")));
                }
                list.add(new Shape(rule.getKey(), shape.path("shape").asText(), shape.path("n").asInt(DEFAULT_N),
                        shape.path("config").asText(""), shape.path("superlinear").asText(""),
                        shape.path("disk").asBoolean(false), templates));
            }
            shapes.put(rule.getKey(), List.copyOf(list));
        });
        return shapes;
    }

    /** The ids of the rules that have no shape. */
    public static List<String> missing(List<Rule> rules, Map<String, List<Shape>> shapes) {
        return rules.stream().map(r -> r.meta().id()).filter(id -> shapes.getOrDefault(id, List.of()).isEmpty()).toList();
    }

    private static String expand(String template, int i) {
        return template.replace("{next}", Integer.toString(i + 1)).replace("{i}", Integer.toString(i));
    }
}
