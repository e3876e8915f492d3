package dev.vlint.kb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts rules rely on: the YAML files bundled under dev/vlint/kb (which the build compiles into
 * {@link CompactTree} form, the form a run loads), optionally overlaid with project configuration
 * (extra images, self-hosted runners).
 *
 * <p>An overlay is a map from file name ("images", "runners", ...) to a tree shaped like that
 * file. Maps merge key by key; list entries with the same key (a runner's label, an image's
 * reference, an arch, ...) merge, other entries are appended. Entries from an overlay without a {@code source} get
 * {@value #OVERLAY_SOURCE}.
 */
public final class KnowledgeBase {
    public static final List<String> FILES =
            List.of("cuda-archs", "torch", "images", "runners", "projects", "package-caches", "actions",
                    "workflow-security");
    public static final String OVERLAY_SOURCE = "project configuration";

    /** For each list (by its property name), the field that identifies an entry when merging. */
    private static final Map<String, String> KEY_FIELDS = Map.ofEntries(
            Map.entry("archs", "arch"), Map.entry("releases", "version"),
            Map.entry("arch-support", "arch"), Map.entry("features", "name"),
            Map.entry("repositories", "repository"), Map.entry("linked-dirs", "path"),
            Map.entry("cuda-flavors", "flavor"), Map.entry("ngc-pytorch", "tag"), Map.entry("images", "image"),
            Map.entry("runners", "label"), Map.entry("labels", "label"), Map.entry("retired-labels", "label"),
            Map.entry("cleanup-actions", "action"),
            Map.entry("cleanup-paths", "path"), Map.entry("projects", "name"),
            Map.entry("fetch-content", "name"), Map.entry("caches", "path"), Map.entry("torch-pins", "release"),
            Map.entry("build-requirements", "file"), Map.entry("actions", "uses"), Map.entry("outdated", "uses"),
            Map.entry("names", "name"),
            Map.entry("untrusted-contexts", "context"), Map.entry("code-inputs", "action"),
            Map.entry("cache-actions", "action"), Map.entry("publish-actions", "action"),
            Map.entry("archived-actions", "action"), Map.entry("replaceable-actions", "action"),
            Map.entry("tool-actions", "action"));

    /** A bare parser factory: an ObjectMapper would cost more start-up time than reading the files. */
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, JsonNode> data;
    private final CudaArchTable cudaArchs;
    private final TorchReleases torch;
    private final BaseImages images;
    private final Runners runners;
    private final KnownProjects projects;
    private final PackageCaches packageCaches;
    private final WorkflowSecurity workflowSecurity;
    private final Actions actions;

    private KnowledgeBase(Map<String, JsonNode> data) {
        this.data = data;
        this.cudaArchs = new CudaArchTable(data.get("cuda-archs"));
        this.torch = new TorchReleases(data.get("torch"));
        this.images = new BaseImages(data.get("images"));
        this.runners = new Runners(data.get("runners"));
        this.projects = new KnownProjects(data.get("projects"));
        this.packageCaches = new PackageCaches(data.get("package-caches"));
        this.workflowSecurity = new WorkflowSecurity(data.get("workflow-security"));
        this.actions = new Actions(data.get("actions"));
    }

    /** Lazily loaded once (class-holder idiom makes it thread-safe). */
    private static final class Bundled {
        static final KnowledgeBase INSTANCE = new KnowledgeBase(loadBundled());
    }

    public static KnowledgeBase bundled() {
        return Bundled.INSTANCE;
    }

    /** A new knowledge base: the bundled facts with {@code overlay} merged in. */
    public static KnowledgeBase withOverlay(Map<String, Object> overlay) {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        bundled().data.forEach((name, tree) -> merged.put(name, tree.deepCopy()));
        overlay.forEach((name, value) -> {
            JsonNode base = merged.get(name);
            if (base == null) {
                throw new IllegalArgumentException(
                        "unknown knowledge-base file '" + name + "', expected one of " + FILES);
            }
            JsonNode patch = new ObjectMapper().valueToTree(value);
            if (!patch.isObject()) {
                throw new IllegalArgumentException("knowledge-base overlay '" + name + "' must be a map");
            }
            mergeObject((ObjectNode) base, (ObjectNode) patch, false);
        });
        return new KnowledgeBase(merged);
    }

    public CudaArchTable cudaArchs() {
        return cudaArchs;
    }

    public TorchReleases torch() {
        return torch;
    }

    public BaseImages images() {
        return images;
    }

    public Runners runners() {
        return runners;
    }

    public KnownProjects projects() {
        return projects;
    }

    public PackageCaches packageCaches() {
        return packageCaches;
    }

    public WorkflowSecurity workflowSecurity() {
        return workflowSecurity;
    }

    public Actions actions() {
        return actions;
    }

    /**
     * One fact: a top-level entry of a knowledge-base file ({@code section} is the list holding it,
     * e.g. "ngc-pytorch" in images). Its {@code checked} date and {@code shelf-life} say when it was
     * last verified and how long that holds.
     */
    public record Fact(String file, String section, ObjectNode entry) {
        private static final Pattern SHELF_LIFE = Pattern.compile("(\\d+)([dmy])");

        public String source() {
            return entry.path("source").asText("");
        }

        /** The day the fact was last checked; empty when missing or not an ISO date. */
        public Optional<LocalDate> checked() {
            try {
                return entry.hasNonNull("checked") ? Optional.of(LocalDate.parse(entry.get("checked").asText()))
                        : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** How long a check holds ("6m", "1y", "90d"); empty for facts that do not age. */
        public Optional<Period> shelfLife() {
            Matcher m = SHELF_LIFE.matcher(entry.path("shelf-life").asText(""));
            if (!m.matches()) {
                return Optional.empty();
            }
            int n = Integer.parseInt(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "d" -> Period.ofDays(n);
                case "m" -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            });
        }

        /** The last day the check holds, for facts with a shelf life. */
        public Optional<LocalDate> expires() {
            return checked().flatMap(c -> shelfLife().map(c::plus));
        }
    }

    /** Every fact of every file, in file order. */
    public List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        data.forEach((file, tree) -> tree.fields().forEachRemaining(section -> {
            for (JsonNode entry : section.getValue()) {
                if (entry instanceof ObjectNode o) {
                    facts.add(new Fact(file, section.getKey(), o));
                }
            }
        }));
        return facts;
    }

    /** The merged tree of one file, for tests and diagnostics. */
    JsonNode data(String file) {
        return data.get(file);
    }

    /**
     * A folder holding the compiled files, set by the release launcher: read from the jar, they
     * would first make the JVM open the jar's 5,000-entry index, the longest step before a one-file
     * run can lint (its classes come from the ahead-of-time cache, which needs no jar). A file
     * missing there is read from the jar.
     */
    static final String FOLDER_PROPERTY = "vlint.kb";

    /** The bundled files as the build compiled them ({@link CompactTree}). */
    static Map<String, JsonNode> loadBundled() {
        String folder = System.getProperty(FOLDER_PROPERTY);
        Map<String, JsonNode> data = new LinkedHashMap<>();
        for (String name : FILES) {
            String fileName = name + CompactTree.SUFFIX;
            Path beside = folder == null ? null : Path.of(folder, fileName);
            try (InputStream in = beside != null && Files.isRegularFile(beside) ? Files.newInputStream(beside)
                    : KnowledgeBase.class.getResourceAsStream(fileName)) {
                if (in == null) {
                    throw new IllegalStateException("missing knowledge-base resource " + fileName);
                }
                data.put(name, CompactTree.decode(new ByteArrayInputStream(in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read knowledge-base resource " + fileName, e);
            }
        }
        return data;
    }

    /** A bundled file's source: the YAML that the build compiles and the tests check. */
    static JsonNode readYaml(String fileName) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing knowledge-base resource " + fileName);
            }
            try (JsonParser parser = YAML.createParser(in)) {
                parser.nextToken();
                return tree(parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge-base resource " + fileName, e);
        }
    }

    /** The value at the parser's current token, as ObjectMapper.readTree would build it. */
    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        };
    }

    private static void mergeObject(ObjectNode base, ObjectNode patch, boolean isEntry) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode old = base.get(f.getKey());
            JsonNode value = f.getValue();
            if (old instanceof ObjectNode o && value instanceof ObjectNode p) {
                mergeObject(o, p, false);
            } else if (old instanceof ArrayNode a && value instanceof ArrayNode p) {
                mergeArray(a, p, KEY_FIELDS.get(f.getKey()));
            } else {
                base.set(f.getKey(), value.deepCopy());
            }
        }
        // A changed fact is no longer backed by the bundled source.
        if (isEntry && !patch.hasNonNull("source")) {
            base.put("source", OVERLAY_SOURCE);
        }
    }

    private static void mergeArray(ArrayNode base, ArrayNode patch, String keyField) {
        for (JsonNode item : patch) {
            ObjectNode match = item instanceof ObjectNode o && keyField != null ? findByKey(base, o, keyField) : null;
            if (match != null) {
                mergeObject(match, (ObjectNode) item, true);
            } else if (item instanceof ObjectNode o) {
                ObjectNode copy = o.deepCopy();
                if (!copy.hasNonNull("source")) {
                    copy.put("source", OVERLAY_SOURCE);
                }
                base.add(copy);
            } else {
                base.add(item.deepCopy());
            }
        }
    }

    private static ObjectNode findByKey(ArrayNode base, ObjectNode item, String key) {
        if (!item.hasNonNull(key)) {
            return null;
        }
        String wanted = item.get(key).asText();
        for (JsonNode candidate : base) {
            if (candidate instanceof ObjectNode o && o.hasNonNull(key) && o.get(key).asText().equalsIgnoreCase(wanted)) {
                return o;
            }
        }
        return null;
    }
}
