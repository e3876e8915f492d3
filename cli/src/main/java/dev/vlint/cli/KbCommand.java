package dev.vlint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlint.kb.BaseImages;
import dev.vlint.kb.CudaArch;
import dev.vlint.kb.CudaArchTable;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.KnowledgeBase.Fact;
import dev.vlint.kb.KnownProjects;
import dev.vlint.kb.KnownProjects.KnownProject;
import dev.vlint.kb.Pep440;
import dev.vlint.kb.TorchReleases;
import dev.vlint.kb.Versions;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vlint kb QUERY}: the facts the knowledge base holds about an image, a GPU or compute
 * capability, a CUDA version, a torch release, a project release, a runner label or a popular
 * action, each with its
 * source and the day it was checked.
 */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "Show what vlint knows about an image, GPU, CUDA version, torch release, project, runner or action.")
final class KbCommand implements Callable<Integer> {
    enum Format { text, json }

    private static final Pattern TORCH = Pattern.compile("torch(?:\\s*==\\s*|\\s+|)v?(\\d+\\.\\d+(?:\\.\\d+)?\\S*)?");
    private static final Pattern CUDA = Pattern.compile("(?:cuda\\s*|cu)?(\\d{1,2})\\.?(\\d)(?:\\.\\d+)?");
    private static final Pattern PROJECT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)(?:\\s*==\\s*v?(\\S+))?");
    private static final Pattern ACTION = Pattern.compile("([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\\s:]+)?)(?:@(\\S+))?");
    private static final Set<String> META_FIELDS = Set.of("source", "checked", "shelf-life");

    private final Session session;
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @Parameters(paramLabel = "QUERY", arity = "1..*",
            description = "nvcr.io/nvidia/pytorch:25.02-py3, \"RTX 5090\", sm_120, \"cuda 12.8\", torch==2.7.1,"
                    + " vllm==0.15.1, ubuntu-24.04, actions/checkout@v4")
    private List<String> words;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    private Format format;

    KbCommand(Session session) {
        this.session = session;
    }

    /** A group of facts under one title ("NVIDIA GeForce RTX 5090: compute capability 12.0"). */
    private record Topic(String title, List<Item> items) {}

    /** One fact as shown; {@code fact} is null for what vlint derives (the parts of an nvidia/cuda tag). */
    private record Item(String heading, ObjectNode fields, Fact fact, String derivedFrom) {}

    @Override
    public Integer call() {
        String query = String.join(" ", words).trim();
        List<Topic> topics = topics(query);
        if (topics.isEmpty()) {
            List<String> close = closeMatches(query);
            throw new UsageException("the knowledge base knows nothing about '" + query + "'"
                    + (close.isEmpty() ? "; try an image, a GPU name, sm_XX, cuda X.Y, torch==X.Y.Z, a project"
                            + " (vllm==0.15.1), a runner label or an action (actions/checkout@v4)"
                            : "; close matches: " + String.join(", ", close)));
        }
        session.out().print(format == Format.json ? json(query, topics) : text(topics));
        session.out().flush();
        return Session.OK;
    }

    private List<Topic> topics(String query) {
        List<Topic> topics = new ArrayList<>();
        Matcher action = ACTION.matcher(query);
        if (action.matches()) {
            action(action.group(1), action.group(2)).ifPresent(topics::add);
            if (!topics.isEmpty()) {
                return topics;
            }
        }
        if (query.contains("/") || query.contains(":")) {
            image(query).ifPresent(topics::add);
            return topics;
        }
        Matcher torch = TORCH.matcher(query.toLowerCase(Locale.ROOT));
        if (torch.matches()) {
            torch(torch.group(1)).ifPresent(topics::add);
            return topics;
        }
        Matcher project = PROJECT.matcher(query);
        if (project.matches() && kb.projects().project(project.group(1)).isPresent()) {
            topics.add(project(kb.projects().project(project.group(1)).get(), project.group(2)));
            return topics;
        }
        kb.runners().runner(query).ifPresent(r -> topics.add(new Topic("GitHub-hosted runner " + r.label(),
                facts("runners", "runners", e -> e.path("label").asText().equalsIgnoreCase(r.label())).stream()
                        .map(f -> item(r.label(), f)).toList())));
        gpu(query).ifPresent(topics::add);
        Matcher cuda = CUDA.matcher(query.toLowerCase(Locale.ROOT));
        if (cuda.matches()) {
            cuda(cuda.group(1) + "." + cuda.group(2), !query.matches("[\\d.]+")).ifPresent(topics::add);
        }
        return topics;
    }

    /**
     * An action's inputs and outputs per major version, retired versions and known names;
     * {@code ref} ({@code v4}, {@code v4.2.1}) keeps the entries of its major version only.
     */
    private Optional<Topic> action(String name, String ref) {
        String major = ref == null ? null : ref.replaceFirst("^(v?\\d+).*", "$1");
        Predicate<ObjectNode> named = e -> {
            String uses = e.path("uses").asText();
            int at = uses.lastIndexOf('@');
            String entryName = at < 0 ? e.path("name").asText() : uses.substring(0, at);
            String entryRef = at < 0 ? null : uses.substring(at + 1);
            return entryName.equalsIgnoreCase(name) && (major == null || entryRef == null
                    || entryRef.equals(major) || entryRef.startsWith(major + "-"));
        };
        List<Item> items = new ArrayList<>();
        facts("actions", "actions", named).forEach(f -> items.add(item(f.entry().path("uses").asText(), f)));
        facts("actions", "outdated", named).forEach(f -> items.add(item(f.entry().path("uses").asText()
                + (f.entry().has("fails") ? " fails" : " runs on a retired Node"), f)));
        facts("actions", "names", named).forEach(f -> items.add(item(name + " (known name; inputs not modelled)", f)));
        return items.isEmpty() ? Optional.empty()
                : Optional.of(new Topic("action " + name + (ref == null ? "" : "@" + ref), items));
    }

    private Optional<Topic> image(String reference) {
        Optional<BaseImages.ImageFacts> resolved = kb.images().resolve(reference);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        BaseImages.ImageFacts image = resolved.get();
        List<Item> items = new ArrayList<>();
        if (image.repository().equals("nvidia/cuda") && image.cuda().isPresent()) {
            ObjectNode parsed = JsonNodeFactory.instance.objectNode();
            parsed.put("cuda", image.cuda().get());
            image.flavor().ifPresent(v -> parsed.put("flavor", v));
            image.cudnn().ifPresent(v -> parsed.put("cudnn", v));
            image.os().ifPresent(v -> parsed.put("os", v));
            items.add(new Item("the tag " + image.tag(), parsed, null, "parsed from the nvidia/cuda tag scheme"));
        }
        facts("images", "repositories", e -> BaseImages.ImageRef.parse(e.path("repository").asText() + ":x")
                .repository().equals(image.repository())).forEach(f -> items.add(item("every " + image.repository()
                        + " tag", f)));
        image.flavor().ifPresent(flavor -> facts("images", "cuda-flavors",
                e -> e.path("flavor").asText().equals(flavor)).forEach(f -> items.add(item(flavor + " images", f))));
        if (image.repository().equals("nvcr.io/nvidia/pytorch")) {
            facts("images", "ngc-pytorch", e -> e.path("tag").asText().equals(image.tag()))
                    .forEach(f -> items.add(item("NGC PyTorch " + image.tag(), f)));
        }
        facts("images", "images", e -> {
            BaseImages.ImageRef ref = BaseImages.ImageRef.parse(e.path("image").asText());
            return ref.repository().equals(image.repository()) && ref.tag().equals(image.tag());
        }).forEach(f -> items.add(item(image.repository() + ":" + image.tag(), f)));
        return Optional.of(new Topic("image " + image.repository() + ":" + image.tag(), items));
    }

    private Optional<Topic> gpu(String query) {
        Optional<CudaArchTable.Entry> entry = kb.cudaArchs().gpu(query);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        CudaArch arch = entry.get().arch();
        List<Item> items = new ArrayList<>();
        facts("cuda-archs", "archs", e -> e.path("arch").asText().equals(arch.toString()))
                .forEach(f -> items.add(item("compute capability " + arch + " (" + arch.sm() + ")", f)));
        facts("torch", "arch-support", e -> e.path("arch").asText().equals(arch.toString()))
                .forEach(f -> items.add(item("first torch release for " + arch, f)));
        facts("torch", "wheel-archs", e -> List.of(e.path("archs").asText().replace("+PTX", "").split(";"))
                .contains(arch.toString())).forEach(f -> items.add(item("torch " + f.entry().path("releases").asText()
                        + " " + f.entry().path("variant").asText() + " " + f.entry().path("platform").asText()
                        + " wheels include " + arch, f)));
        String title = entry.get().gpus().stream().filter(g -> normalized(g).equals(normalized(query))).findFirst()
                .map(g -> g + ": compute capability " + arch).orElse("compute capability " + arch);
        return Optional.of(new Topic(title, items));
    }

    private Optional<Topic> cuda(String version, boolean explicit) {
        List<Item> items = new ArrayList<>();
        List<CudaArch> compiles = kb.cudaArchs().compilableBy(version);
        if (!compiles.isEmpty() && Versions.atLeast(version, "7.0")) {
            ObjectNode derived = JsonNodeFactory.instance.objectNode();
            derived.put("compiles", String.join(" ", compiles.stream().map(CudaArch::sm).toList()));
            List<String> suffixed = new ArrayList<>();
            for (CudaArchTable.Entry e : kb.cudaArchs().entries()) {
                e.suffixSince().keySet().stream().map(s -> e.arch().withSuffix(s))
                        .filter(a -> kb.cudaArchs().canCompile(a, version).ok()).forEach(a -> suffixed.add(a.sm()));
            }
            if (!suffixed.isEmpty()) {
                derived.put("suffixed", String.join(" ", suffixed));
            }
            items.add(new Item("what nvcc " + version + " compiles", derived, null,
                    "first-cuda, removed-in and suffixes of each capability in cuda-archs.yaml"));
        }
        facts("cuda-archs", "archs", e -> e.path("first-cuda").asText().equals(version)
                || e.path("removed-in").asText().equals(version)
                || List.of(e.path("suffixes").path("a").asText(), e.path("suffixes").path("f").asText()).contains(version))
                .forEach(f -> items.add(item("compute capability " + f.entry().path("arch").asText()
                        + " changes in CUDA " + version, f)));
        String variant = "cu" + version.replace(".", "");
        facts("torch", "releases", e -> e.path("variants").toString().contains("\"" + variant + "\""))
                .forEach(f -> items.add(item("torch " + f.entry().path("version").asText() + " has " + variant
                        + " wheels", f)));
        facts("images", "ngc-pytorch", e -> e.path("cuda").asText().startsWith(version))
                .forEach(f -> items.add(item("NGC PyTorch " + f.entry().path("tag").asText() + " ships CUDA "
                        + f.entry().path("cuda").asText(), f)));
        // A version no fact mentions (8.9 is a GPU, not a CUDA release) is shown only when asked for as CUDA.
        boolean mentioned = items.stream().anyMatch(i -> i.fact() != null);
        return items.isEmpty() || !mentioned && !explicit ? Optional.empty()
                : Optional.of(new Topic("CUDA " + version, items));
    }

    private Optional<Topic> torch(String version) {
        List<Item> items = new ArrayList<>();
        if (version == null) {
            facts("torch", "releases", e -> true).forEach(f -> items.add(item("torch "
                    + f.entry().path("version").asText(), f)));
            return Optional.of(new Topic("torch releases", items));
        }
        Optional<TorchReleases.Release> release = kb.torch().release(version);
        if (release.isEmpty()) {
            return Optional.empty();
        }
        String line = release.get().version();
        facts("torch", "releases", e -> e.path("version").asText().equals(line))
                .forEach(f -> items.add(item("torch " + line, f)));
        kb.torch().wheelArchs().stream().filter(w -> kb.torch().wheelArchs(version, w.variant(), w.platform())
                .filter(w::equals).isPresent()).forEach(w -> facts("torch", "wheel-archs",
                        e -> e.path("releases").asText().equals(w.releases()) && e.path("variant").asText()
                                .equals(w.variant()) && e.path("platform").asText().equals(w.platform()))
                        .forEach(f -> items.add(item(w.variant() + " " + w.platform() + " wheels", f))));
        facts("torch", "arch-support", e -> e.path("release").asText().equals(line))
                .forEach(f -> items.add(item("first release for " + f.entry().path("arch").asText(), f)));
        facts("torch", "features", e -> e.path("release").asText().equals(line))
                .forEach(f -> items.add(item("added in " + line + ": " + f.entry().path("name").asText(), f)));
        for (KnownProject p : kb.projects().projects()) {
            List<String> releases = p.releasesPinning(version).stream().map(KnownProjects.TorchPin::release).toList();
            if (!releases.isEmpty()) {
                ObjectNode derived = JsonNodeFactory.instance.objectNode();
                derived.put("releases", String.join(", ", releases));
                items.add(new Item(p.name() + " releases built for torch " + version, derived, null,
                        "torch-pins of " + p.name() + " in projects.yaml, each with its source (vlint kb "
                                + p.name() + "==<release>)"));
            }
        }
        return Optional.of(new Topic("torch " + version + " (the " + line + " release line)", items));
    }

    private Topic project(KnownProject project, String release) {
        List<Item> items = new ArrayList<>();
        for (Fact fact : facts("projects", "projects", e -> e.path("name").asText().equals(project.name()))) {
            ObjectNode shown = fact.entry().deepCopy();
            if (release != null) {
                shown.remove("torch-pin-history");
                keep(shown, "torch-pins", pin -> Pep440.parse(pin.path("release").asText())
                        .equals(Pep440.parse(release)));
                KnownProjects.RuntimeTorch era = project.runtimeTorch(release);
                keep(shown, "runtime-torch", r -> r.path("source").asText().equals(era.source()));
                if (shown.path("torch-pins").isEmpty()) {
                    shown.put("torch-pins", "none verified for " + release);
                }
                ArrayNode fetch = (ArrayNode) shown.path("fetch-content");
                for (JsonNode dep : fetch) {
                    project.fetchContent().stream().filter(d -> d.name().equals(dep.path("name").asText()))
                            .findFirst().ifPresent(d -> ((ObjectNode) dep).put("fetched-by-" + release,
                                    d.fetchedBy(release)));
                }
            }
            items.add(new Item(project.name() + (release == null ? "" : " " + release), shown, fact, null));
        }
        return new Topic("project " + project.name() + (release == null ? "" : " " + release), items);
    }

    private static void keep(ObjectNode entry, String field, Predicate<JsonNode> wanted) {
        if (entry.get(field) instanceof ArrayNode list) {
            ArrayNode kept = list.arrayNode();
            list.forEach(n -> {
                if (wanted.test(n)) {
                    kept.add(n);
                }
            });
            entry.set(field, kept);
        }
    }

    private List<Fact> facts(String file, String section, Predicate<ObjectNode> wanted) {
        return kb.facts().stream().filter(f -> f.file().equals(file) && f.section().equals(section)
                && wanted.test(f.entry())).toList();
    }

    private static Item item(String heading, Fact fact) {
        return new Item(heading, fact.entry(), fact, null);
    }

    private static String normalized(String gpu) {
        return gpu.toLowerCase(Locale.ROOT).replaceAll("^(nvidia\\s+)?(geforce\\s+)?", "").replaceAll("\\s+", " ").trim();
    }

    /** Names the knowledge base knows that are spelled like {@code query}, closest first. */
    private List<String> closeMatches(String query) {
        Set<String> names = new LinkedHashSet<>();
        kb.cudaArchs().entries().forEach(e -> {
            names.addAll(e.gpus());
            names.add(e.arch().sm());
        });
        kb.projects().projects().forEach(p -> {
            names.add(p.name());
            names.addAll(p.aliases());
        });
        kb.runners().runners().forEach(r -> names.add(r.label()));
        names.addAll(kb.actions().names());
        kb.torch().releases().forEach(r -> names.add("torch==" + r.version()));
        kb.images().ngcPytorchTags().forEach(t -> names.add("nvcr.io/nvidia/pytorch:" + t));
        String q = query.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, q.length() / 4);
        return names.stream()
                .filter(n -> distance(n.toLowerCase(Locale.ROOT), q) <= limit
                        || q.length() >= 3 && n.toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparingInt(n -> distance(n.toLowerCase(Locale.ROOT), q)))
                .limit(5).toList();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static String text(List<Topic> topics) {
        StringBuilder out = new StringBuilder();
        for (Topic topic : topics) {
            out.append(topic.title()).append('\n');
            for (Item item : topic.items()) {
                out.append("  ").append(item.heading()).append('\n');
                item.fields().fields().forEachRemaining(f -> {
                    if (!META_FIELDS.contains(f.getKey()) && !(f.getValue().isArray() && f.getValue().isEmpty())) {
                        appendField(out, "    ", f.getKey(), f.getValue());
                    }
                });
                if (item.fact() == null) {
                    out.append("    derived from: ").append(item.derivedFrom()).append('\n');
                } else {
                    out.append("    source: ").append(item.fact().source()).append('\n');
                    out.append("    checked: ").append(item.fact().checked().map(Object::toString).orElse("never"))
                            .append(item.fact().expires().map(d -> ", holds until " + d).orElse(""))
                            .append(" (").append(item.fact().file()).append(".yaml, ").append(item.fact().section())
                            .append(")\n");
                }
            }
        }
        return out.toString();
    }

    private static void appendField(StringBuilder out, String indent, String key, JsonNode value) {
        if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
            out.append(indent).append(key).append(":\n");
            for (JsonNode element : value) {
                out.append(indent).append("  - ").append(inline(element)).append('\n');
            }
        } else {
            out.append(indent).append(key).append(": ").append(inline(value)).append('\n');
        }
    }

    /** A value on one line: scalars as they are, lists comma-separated, maps as "key value; ...". */
    private static String inline(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(inline(v)));
            return String.join(", ", parts);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + inline(f.getValue())));
            return String.join("; ", parts);
        }
        return value.asText();
    }

    private static String json(String query, List<Topic> topics) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("query", query);
        ArrayNode list = root.putArray("topics");
        for (Topic topic : topics) {
            ObjectNode t = list.addObject();
            t.put("title", topic.title());
            ArrayNode facts = t.putArray("facts");
            for (Item item : topic.items()) {
                ObjectNode f = facts.addObject();
                f.put("heading", item.heading());
                if (item.fact() == null) {
                    f.put("derived-from", item.derivedFrom());
                } else {
                    f.put("file", item.fact().file() + ".yaml");
                    f.put("section", item.fact().section());
                    f.put("source", item.fact().source());
                    item.fact().checked().ifPresent(d -> f.put("checked", d.toString()));
                    item.fact().expires().ifPresent(d -> f.put("holds-until", d.toString()));
                }
                ObjectNode fields = item.fields().deepCopy();
                fields.remove(META_FIELDS);
                f.set("fields", fields);
            }
        }
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
