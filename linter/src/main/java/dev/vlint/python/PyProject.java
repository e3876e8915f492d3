package dev.vlint.python;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code pyproject.toml}: values read by Jackson, locations found by {@link TomlLocations}, so
 * every accessor returns values with the range of the value itself in the file.
 */
public final class PyProject {
    public static final ModelKey<PyProject> KEY = new ModelKey<>("pyproject", PyProject::parse);

    private static final TomlMapper TOML = new TomlMapper();

    private final SourceFile file;
    private final JsonNode root;
    private final TomlLocations locations;
    private final List<Requirement> buildRequires;
    private final List<Requirement> dependencies;

    /** A string value and where it is written (quotes included). */
    public record StringValue(String value, TextRange range) {}

    /**
     * {@code project.license}: a PEP 639 SPDX expression string, or a legacy table with {@code text} or
     * {@code file}.
     *
     * @param value the expression, the text, or the file name
     * @param range the whole value (the string, the inline table, or the {@code [project.license]} header)
     */
    public record License(Form form, String value, TextRange range) {
        public enum Form { EXPRESSION, TEXT, FILE }
    }

    private PyProject(SourceFile file, JsonNode root, TomlLocations locations, List<ParseProblem> problems) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.buildRequires = requirements("build-system.requires", problems);
        this.dependencies = requirements("project.dependencies", problems);
    }

    public static Parsed<PyProject> parse(SourceFile file) {
        JsonNode root;
        try {
            root = TOML.readTree(file.text());
        } catch (JacksonException e) {
            String message = e.getOriginalMessage().lines().findFirst().orElse("invalid TOML");
            return new Parsed<>(null, List.of(new ParseProblem(at(file, e.getLocation()), "invalid TOML: " + message)));
        }
        List<ParseProblem> problems = new ArrayList<>();
        PyProject project = new PyProject(file, root == null ? TOML.createObjectNode() : root,
                TomlLocations.scan(file), problems);
        return new Parsed<>(project, problems);
    }

    /** The parsed document, for values without an accessor. */
    public JsonNode root() {
        return root;
    }

    /** Where the value at a dotted path ({@code project.name}, {@code build-system.requires[1]}) is written. */
    public Optional<TextRange> rangeOf(String path) {
        return Optional.ofNullable(locations.valueRange(path));
    }

    /** Where a table's header ({@code [tool.setuptools_scm]}) is written. */
    public Optional<TextRange> tableRange(String path) {
        return Optional.ofNullable(locations.tableRange(path));
    }

    /** The string at a dotted path, or empty when missing or not a string. */
    public Optional<StringValue> string(String path) {
        JsonNode node = node(path);
        TextRange range = locations.valueRange(path);
        return node != null && node.isTextual() && range != null
                ? Optional.of(new StringValue(node.asText(), range)) : Optional.empty();
    }

    /** The string elements of the array at a dotted path. */
    public List<StringValue> strings(String path) {
        List<StringValue> values = new ArrayList<>();
        JsonNode node = node(path);
        if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                TextRange range = locations.valueRange(path + "[" + i + "]");
                if (node.get(i).isTextual() && range != null) {
                    values.add(new StringValue(node.get(i).asText(), range));
                }
            }
        }
        return values;
    }

    public List<Requirement> buildRequires() {
        return buildRequires;
    }

    public Optional<StringValue> buildBackend() {
        return string("build-system.build-backend");
    }

    public Optional<StringValue> name() {
        return string("project.name");
    }

    public Optional<StringValue> version() {
        return string("project.version");
    }

    /** {@code project.dynamic}: the fields a build backend computes, e.g. {@code version}. */
    public List<StringValue> dynamic() {
        return strings("project.dynamic");
    }

    public Optional<License> license() {
        JsonNode node = node("project.license");
        TextRange range = rangeOf("project.license").or(() -> tableRange("project.license")).orElse(null);
        if (node == null || range == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(new License(License.Form.EXPRESSION, node.asText(), range));
        }
        if (node.has("file")) {
            return Optional.of(new License(License.Form.FILE, node.get("file").asText(), range));
        }
        if (node.has("text")) {
            return Optional.of(new License(License.Form.TEXT, node.get("text").asText(), range));
        }
        return Optional.empty();
    }

    public List<StringValue> licenseFiles() {
        return strings("project.license-files");
    }

    public List<Requirement> dependencies() {
        return dependencies;
    }

    /** Whether {@code [tool.setuptools_scm]} is present, i.e. the version comes from git. */
    public boolean usesSetuptoolsScm() {
        return node("tool.setuptools_scm") != null;
    }

    /** {@code [tool.setuptools_scm]}'s header, or where the table is first written as a value. */
    public Optional<TextRange> setuptoolsScmRange() {
        return tableRange("tool.setuptools_scm").or(() -> rangeOf("tool.setuptools_scm"));
    }

    private JsonNode node(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private List<Requirement> requirements(String path, List<ParseProblem> problems) {
        List<Requirement> requirements = new ArrayList<>();
        for (StringValue value : strings(path)) {
            Parsed<Requirement> parsed = Requirement.parse(locations.stringContent(value.range()));
            problems.addAll(parsed.problems());
            if (parsed.model() != null) {
                requirements.add(parsed.model());
            }
        }
        return requirements;
    }

    private static TextRange at(SourceFile file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1 || location.getLineNr() > file.lineCount()) {
            return TextRange.at(0);
        }
        int line = location.getLineNr() - 1;
        int offset = Math.min(file.lineStart(line) + Math.max(0, location.getColumnNr() - 1), file.lineEnd(line));
        return new TextRange(offset, Math.min(offset + 1, file.lineEnd(line)));
    }

    @Override
    public String toString() {
        return file.path();
    }
}
