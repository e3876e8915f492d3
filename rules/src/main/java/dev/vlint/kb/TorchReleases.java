package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PyTorch releases: CUDA wheel variants, Python range, first release per arch and per feature. */
public final class TorchReleases {

    /** A release line such as "2.7" with its wheel indexes ("cu118", "cu126", "cu128"). */
    public record Release(String version, String pythonMin, String pythonMax, List<String> variants, String source) {
        /** CUDA versions of the wheel variants: "11.8", "12.6", "12.8". */
        public List<String> cudaVersions() {
            return variants.stream().map(v -> cudaOfVariant(v).orElseThrow()).toList();
        }
    }

    /** The first release (and wheel variant) whose official wheels run on an arch. */
    public record ArchSupport(CudaArch arch, String release, String variant, String source) {}

    public record Feature(String name, List<String> aliases, String release, String source) {}

    /**
     * The arch list of the official wheels of release lines {@code releases} ("2.9-2.10", "2.11") for
     * one index ("cu128") and machine ("x86_64", "aarch64").
     */
    public record WheelArchs(String releases, String variant, String platform, String archs, String source) {
        /** Whether a release line ("2.10") lies within {@link #releases}. */
        boolean covers(String line) {
            String[] range = releases.split("-", 2);
            String last = range.length == 2 ? range[1] : range[0];
            return Versions.atLeast(line, range[0]) && Versions.atLeast(last, line);
        }
    }

    private static final Pattern VARIANT = Pattern.compile("cu(\\d+)(\\d)");

    private final List<Release> releases = new ArrayList<>();
    private final List<ArchSupport> archSupport = new ArrayList<>();
    private final List<Feature> features = new ArrayList<>();
    private final List<WheelArchs> wheelArchs = new ArrayList<>();

    TorchReleases(JsonNode tree) {
        for (JsonNode n : tree.path("releases")) {
            List<String> variants = new ArrayList<>();
            n.path("variants").forEach(v -> variants.add(v.asText()));
            releases.add(new Release(n.path("version").asText(), n.path("python").path("min").asText(),
                    n.path("python").path("max").asText(), List.copyOf(variants), n.path("source").asText()));
        }
        releases.sort((a, b) -> Versions.compare(a.version(), b.version()));
        for (JsonNode n : tree.path("arch-support")) {
            archSupport.add(new ArchSupport(CudaArch.parse(n.path("arch").asText()).orElseThrow(),
                    n.path("release").asText(), n.path("variant").asText(), n.path("source").asText()));
        }
        for (JsonNode n : tree.path("features")) {
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            features.add(new Feature(n.path("name").asText(), List.copyOf(aliases),
                    n.path("release").asText(), n.path("source").asText()));
        }
        for (JsonNode n : tree.path("wheel-archs")) {
            wheelArchs.add(new WheelArchs(n.path("releases").asText(), n.path("variant").asText(),
                    n.path("platform").asText(), n.path("archs").asText(), n.path("source").asText()));
        }
    }

    public List<Release> releases() {
        return List.copyOf(releases);
    }

    /**
     * The release line of any torch version string: "2.7", "2.7.1", "2.11.0+cu130",
     * "2.7.0a0+79aa17489c.nv25.02" (an NGC pre-release still belongs to the 2.7 line).
     */
    public Optional<Release> release(String version) {
        Optional<Pep440.Version> v = Pep440.parse(version);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String line = v.get().releasePart(0) + "." + v.get().releasePart(1);
        return releases.stream().filter(r -> r.version().equals(line)).findFirst();
    }

    /** The newest release line that ships wheels for a variant ("cu128" gives 2.11). */
    public Optional<Release> newestWithVariant(String variant) {
        return releases.stream().filter(r -> r.variants().stream().anyMatch(v -> v.equalsIgnoreCase(variant)))
                .reduce((a, b) -> b);
    }

    /** "cu128" -> "12.8", "cu130" -> "13.0"; empty for "cpu" or anything else. */
    public static Optional<String> cudaOfVariant(String variant) {
        Matcher m = VARIANT.matcher(variant.toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
    }

    /** The CUDA version of a wheel from its local label: "2.11.0+cu130" -> "13.0". */
    public static Optional<String> cudaOfVersion(String version) {
        return Pep440.parse(version).flatMap(Pep440.Version::localLabel).flatMap(TorchReleases::cudaOfVariant);
    }

    /** The CUDA version of a PyTorch wheel index URL: ".../whl/cu128" -> "12.8". */
    public static Optional<String> cudaOfIndexUrl(String url) {
        Matcher m = Pattern.compile("/whl/(?:nightly/)?(cu\\d+)/?$").matcher(url.trim());
        return m.find() ? cudaOfVariant(m.group(1)) : Optional.empty();
    }

    /**
     * The first release supporting {@code arch} in its official wheels (suffix ignored). Empty when
     * the knowledge base has no entry, meaning every listed release supports it.
     */
    public Optional<ArchSupport> firstReleaseFor(CudaArch arch) {
        CudaArch plain = arch.withoutSuffix();
        return archSupport.stream().filter(s -> s.arch().equals(plain)).findFirst();
    }

    /** A feature by name or alias ("Float8_e8m0fnu", "torch.float8_e8m0fnu"). */
    public Optional<Feature> feature(String nameOrAlias) {
        return features.stream()
                .filter(f -> f.name().equalsIgnoreCase(nameOrAlias)
                        || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(nameOrAlias)))
                .findFirst();
    }

    public List<Feature> features() {
        return List.copyOf(features);
    }

    /**
     * The arch list compiled into the official wheels of a torch version ("2.11.0", "2.9"), index
     * ("cu128") and machine ("x86_64", "aarch64"), if known.
     */
    public Optional<WheelArchs> wheelArchs(String torchVersion, String variant, String platform) {
        Optional<Pep440.Version> v = Pep440.parse(torchVersion);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String line = v.get().releasePart(0) + "." + v.get().releasePart(1);
        return wheelArchs.stream().filter(w -> w.variant().equalsIgnoreCase(variant)
                && w.platform().equalsIgnoreCase(platform) && w.covers(line)).findFirst();
    }

    public List<WheelArchs> wheelArchs() {
        return List.copyOf(wheelArchs);
    }

    /**
     * Whether a torch version is older than a release line: "2.7.0a0+abc" is older than "2.7"
     * (a pre-release of 2.7.0 precedes 2.7.0), "2.7.1+cu128" is not. Empty if the version is not
     * PEP 440.
     */
    public static Optional<Boolean> isOlderThan(String torchVersion, String release) {
        Optional<Pep440.Version> v = Pep440.parse(torchVersion);
        Pep440.Version min = Pep440.parse(release).orElseThrow();
        return v.map(x -> x.withoutLocal().compareTo(min) < 0);
    }
}
