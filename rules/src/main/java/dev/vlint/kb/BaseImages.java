package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the knowledge base knows about a base image reference: CUDA version, torch, Python, OS,
 * size and the directories its libraries are linked against.
 */
public final class BaseImages {

    /** Compressed/uncompressed size in GB; {@code estimated} marks rough numbers. */
    public record Size(OptionalDouble compressedGb, OptionalDouble uncompressedGb, boolean estimated, String source) {
        /**
         * The uncompressed size, or the compressed one times {@value #UNCOMPRESSED_FACTOR} when only
         * that is known (vLLM's image: about 12 GB compressed, 28.6 GB unpacked).
         */
        public double uncompressedOrEstimate() {
            if (uncompressedGb.isPresent()) {
                return uncompressedGb.getAsDouble();
            }
            return compressedGb.orElse(0) * UNCOMPRESSED_FACTOR;
        }

        /** True when {@link #uncompressedOrEstimate()} is not a measured number. */
        public boolean uncompressedIsEstimate() {
            return estimated || uncompressedGb.isEmpty();
        }
    }

    /** Inferred ratio, see images.yaml (vllm/vllm-openai: 12 GB compressed, 28.6 GB local). */
    public static final double UNCOMPRESSED_FACTOR = 2.4;

    /**
     * A directory that the image's own libraries load from; deleting it breaks the image.
     *
     * @param libraryDir the folder inside {@code path} that holds {@code library} (the path itself when
     *     the library lies directly in it)
     */
    public record LinkedDir(String path, String library, String libraryDir, String why, String source) {
        /**
         * Whether {@code rm -rf rmPath} removes the library: rmPath is the directory, a parent of it,
         * "dir/*", the folder holding the library or a parent of that, or the library file; shell
         * globs in either path are honoured.
         */
        public boolean deletedBy(String rmPath) {
            return removes(rmPath, path) || removes(rmPath, libraryDir) || removes(rmPath, libraryDir + "/" + library);
        }
    }

    /**
     * Whether {@code rm -rf rmPath} removes {@code target} or all of its contents: rmPath is the target,
     * one of its parents, or "target/*"; shell globs ({@code *}, {@code ?}) in either path are honoured.
     */
    public static boolean removes(String rmPath, String target) {
        String p = rmPath.trim();
        if (p.endsWith("/*")) {
            p = p.substring(0, p.length() - 2);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return true;
        }
        if (!p.startsWith("/") || !target.startsWith("/")) {
            return false;
        }
        if (!hasGlob(p) && !hasGlob(target)) {
            return target.equals(p) || target.startsWith(p) && target.charAt(p.length()) == '/';
        }
        String[] rm = p.substring(1).split("/");
        String[] dir = target.substring(1).split("/");
        if (rm.length > dir.length) {
            return false;
        }
        for (int i = 0; i < rm.length; i++) {
            if (!segmentsMatch(rm[i], dir[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasGlob(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0;
    }

    private static boolean segmentsMatch(String a, String b) {
        return a.equals(b) || hasGlob(a) && glob(a).matcher(b).matches() || hasGlob(b) && glob(b).matcher(a).matches();
    }

    private static Pattern glob(String segment) {
        StringBuilder re = new StringBuilder();
        for (char c : segment.toCharArray()) {
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /**
     * Facts about one image reference. {@code repository} is normalized ("nvidia/cuda",
     * "nvcr.io/nvidia/pytorch", "vllm/vllm-openai"); {@code flavor} is base/runtime/devel for
     * nvidia/cuda; {@code sizes} maps a platform ("linux/amd64") or "" (any) to its size;
     * {@code setuptools} is the version the image ships, where known; {@code contents} are paths the
     * image is known to hold besides its linked directories.
     */
    public record ImageFacts(
            String repository,
            String tag,
            Optional<String> cuda,
            Optional<String> flavor,
            Optional<String> cudnn,
            Optional<String> os,
            Optional<String> torch,
            Optional<String> python,
            Optional<String> setuptools,
            Map<String, Size> sizes,
            List<LinkedDir> linkedDirs,
            List<String> contents,
            List<String> symlinks,
            List<String> sources) {

        /** The size for a platform, falling back to the platform-independent one. */
        public Optional<Size> size(String platform) {
            Size s = sizes.get(platform);
            return Optional.ofNullable(s != null ? s : sizes.get(""));
        }

        /**
         * The linked directories that {@code rm -rf rmPath} would delete; none when rmPath names a
         * symlink of the image as it is, which rm removes without what it points to.
         */
        public List<LinkedDir> linkedDirsDeletedBy(String rmPath) {
            if (isSymlink(rmPath)) {
                return List.of();
            }
            return linkedDirs.stream().filter(d -> d.deletedBy(rmPath)).toList();
        }

        /** Whether the path, written without a trailing slash or glob, is one of the image's symlinks. */
        public boolean isSymlink(String path) {
            return symlinks.contains(path.trim());
        }
    }

    /** An image reference split into its parts; registry "docker.io" and "library/" are dropped. */
    public record ImageRef(String repository, String tag, Optional<String> digest) {
        public static ImageRef parse(String reference) {
            String ref = reference.trim();
            Optional<String> digest = Optional.empty();
            int at = ref.indexOf('@');
            if (at >= 0) {
                digest = Optional.of(ref.substring(at + 1));
                ref = ref.substring(0, at);
            }
            String tag = "latest";
            int colon = ref.lastIndexOf(':');
            if (colon > ref.lastIndexOf('/')) {
                tag = ref.substring(colon + 1);
                ref = ref.substring(0, colon);
            }
            String repo = ref.toLowerCase(Locale.ROOT);
            for (String prefix : List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/")) {
                if (repo.startsWith(prefix)) {
                    repo = repo.substring(prefix.length());
                }
            }
            if (repo.startsWith("library/")) {
                repo = repo.substring("library/".length());
            }
            return new ImageRef(repo, tag, digest);
        }
    }

    private static final Pattern CUDA_TAG = Pattern.compile(
            "(\\d+\\.\\d+(?:\\.\\d+)?)-(?:(cudnn\\d*)-)?(base|runtime|devel)-([a-z]+\\d+(?:\\.\\d+)?)");

    private record Repo(List<LinkedDir> linkedDirs, List<String> contents, List<String> symlinks, Optional<Size> size,
            String source) {}

    /**
     * What a repository's images are known to hold, for every tag: the names of the environment
     * variables their config sets, and the only platforms they are published for.
     */
    public record RepoFacts(Optional<Set<String>> env, Optional<Set<String>> platforms, String source) {}

    private record Ngc(String torch, String cuda, String python, String ubuntu, Optional<String> setuptools,
            String source) {}

    private record Exact(Map<String, Size> sizes, String source) {}

    private final Map<String, Repo> repositories = new LinkedHashMap<>();
    private final Map<String, RepoFacts> repoFacts = new LinkedHashMap<>();
    private final Map<String, Size> cudaFlavors = new LinkedHashMap<>();
    private final Map<String, Ngc> ngc = new LinkedHashMap<>();
    private final Map<String, Exact> exact = new LinkedHashMap<>();

    BaseImages(JsonNode tree) {
        for (JsonNode n : tree.path("repositories")) {
            String source = n.path("source").asText();
            List<LinkedDir> dirs = new ArrayList<>();
            for (JsonNode d : n.path("linked-dirs")) {
                dirs.add(new LinkedDir(d.path("path").asText(), d.path("library").asText(),
                        d.path("library-dir").asText(d.path("path").asText()), d.path("why").asText(),
                        d.path("source").asText(source)));
            }
            List<String> contents = new ArrayList<>();
            n.path("contents").forEach(c -> contents.add(c.asText()));
            List<String> symlinks = new ArrayList<>();
            n.path("symlinks").forEach(c -> symlinks.add(c.asText()));
            String repo = ImageRef.parse(n.path("repository").asText() + ":x").repository();
            repositories.put(repo,
                    new Repo(List.copyOf(dirs), List.copyOf(contents), List.copyOf(symlinks), size(n, source), source));
            if (n.has("env") || n.has("platforms-only")) {
                repoFacts.put(repo, new RepoFacts(names(n.get("env")), names(n.get("platforms-only")), source));
            }
        }
        for (JsonNode n : tree.path("cuda-flavors")) {
            size(n, n.path("source").asText()).ifPresent(s -> cudaFlavors.put(n.path("flavor").asText(), s));
        }
        for (JsonNode n : tree.path("ngc-pytorch")) {
            ngc.put(n.path("tag").asText(), new Ngc(n.path("torch").asText(), n.path("cuda").asText(),
                    n.path("python").asText(), n.path("ubuntu").asText(),
                    n.hasNonNull("setuptools") ? Optional.of(n.get("setuptools").asText()) : Optional.empty(),
                    n.path("source").asText()));
        }
        for (JsonNode n : tree.path("images")) {
            String source = n.path("source").asText();
            Map<String, Size> sizes = new LinkedHashMap<>();
            size(n, source).ifPresent(s -> sizes.put("", s));
            n.path("platforms").fields().forEachRemaining(
                    f -> size(f.getValue(), source).ifPresent(s -> sizes.put(f.getKey(), s)));
            ImageRef ref = ImageRef.parse(n.path("image").asText());
            exact.put(ref.repository() + ":" + ref.tag(), new Exact(Map.copyOf(sizes), source));
        }
    }

    private static Optional<Set<String>> names(JsonNode list) {
        if (list == null) {
            return Optional.empty();
        }
        Set<String> names = new java.util.LinkedHashSet<>();
        list.forEach(item -> names.add(item.asText()));
        return Optional.of(Set.copyOf(names));
    }

    /** The environment and platform facts of the image's repository; empty when none are known. */
    public Optional<RepoFacts> repoFacts(String reference) {
        return Optional.ofNullable(repoFacts.get(ImageRef.parse(reference).repository()));
    }

    private static Optional<Size> size(JsonNode n, String source) {
        OptionalDouble c = n.has("compressed-gb") ? OptionalDouble.of(n.get("compressed-gb").asDouble()) : OptionalDouble.empty();
        OptionalDouble u = n.has("uncompressed-gb") ? OptionalDouble.of(n.get("uncompressed-gb").asDouble()) : OptionalDouble.empty();
        if (c.isEmpty() && u.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Size(c, u, n.path("size-estimated").asBoolean(false), source));
    }

    /**
     * Facts about an image reference ("nvidia/cuda:12.8.1-cudnn-devel-ubuntu24.04",
     * "nvcr.io/nvidia/pytorch:25.02-py3", "vllm/vllm-openai:v0.11.0"); empty when nothing is known.
     */
    public Optional<ImageFacts> resolve(String reference) {
        ImageRef ref = ImageRef.parse(reference);
        String repo = ref.repository();
        if (repo.equals("nvcr.io/nvidia/cuda")) {
            repo = "nvidia/cuda";
        }
        Repo r = repositories.get(repo);
        Exact e = exact.get(repo + ":" + ref.tag());
        Optional<String> cuda = Optional.empty();
        Optional<String> flavor = Optional.empty();
        Optional<String> cudnn = Optional.empty();
        Optional<String> os = Optional.empty();
        Optional<String> torch = Optional.empty();
        Optional<String> python = Optional.empty();
        Optional<String> setuptools = Optional.empty();
        Map<String, Size> sizes = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        if (r != null) {
            r.size().ifPresent(s -> sizes.put("", s));
            sources.add(r.source());
        }
        if (repo.equals("nvidia/cuda")) {
            Matcher m = CUDA_TAG.matcher(ref.tag());
            if (m.matches()) {
                cuda = Optional.of(m.group(1));
                cudnn = Optional.ofNullable(m.group(2));
                flavor = Optional.of(m.group(3));
                os = Optional.of(m.group(4));
                Size s = cudaFlavors.get(m.group(3));
                if (s != null) {
                    sizes.put("", s);
                    sources.add(s.source());
                }
            }
        }
        Ngc n = repo.equals("nvcr.io/nvidia/pytorch") ? ngc.get(ref.tag()) : null;
        if (n != null) {
            cuda = Optional.of(n.cuda());
            torch = Optional.of(n.torch());
            python = Optional.of(n.python());
            setuptools = n.setuptools();
            os = Optional.of("ubuntu" + n.ubuntu());
            sources.add(n.source());
        }
        if (e != null) {
            sizes.putAll(e.sizes());
            sources.add(e.source());
        }
        if (r == null && e == null && n == null) {
            return Optional.empty();
        }
        List<String> contents = new ArrayList<>();
        for (String path : r == null ? List.<String>of() : r.contents()) {
            if (!path.contains("{python}")) {
                contents.add(path);
            } else if (python.isPresent()) {
                contents.add(path.replace("{python}", python.get()));
            }
        }
        return Optional.of(new ImageFacts(repo, ref.tag(), cuda, flavor, cudnn, os, torch, python, setuptools,
                Map.copyOf(sizes), r == null ? List.of() : r.linkedDirs(), List.copyOf(contents),
                r == null ? List.of() : r.symlinks(), List.copyOf(sources)));
    }

    /** The NGC PyTorch tags the knowledge base knows, oldest first. */
    public List<String> ngcPytorchTags() {
        return List.copyOf(ngc.keySet());
    }
}
