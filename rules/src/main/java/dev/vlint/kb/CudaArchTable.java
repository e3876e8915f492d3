package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Compute capabilities, the GPUs that have them, and which CUDA toolkits compile for them. */
public final class CudaArchTable {

    /** One capability as the knowledge base describes it. */
    public record Entry(
            CudaArch arch,
            String family,
            List<String> gpus,
            String firstCuda,
            Optional<String> removedIn,
            Optional<CudaArch> renamedTo,
            Map<CudaArch.Suffix, String> suffixSince,
            String source) {}

    /** Whether something is possible, and if not, why (a sentence for a finding message). */
    public record Verdict(boolean ok, String reason) {
        static Verdict yes() {
            return new Verdict(true, "");
        }

        static Verdict no(String reason) {
            return new Verdict(false, reason);
        }
    }

    private final Map<CudaArch, Entry> byArch = new LinkedHashMap<>();
    private final Map<String, Entry> byGpu = new LinkedHashMap<>();

    CudaArchTable(JsonNode tree) {
        for (JsonNode n : tree.path("archs")) {
            CudaArch arch = CudaArch.parse(n.path("arch").asText())
                    .orElseThrow(() -> new IllegalStateException("bad arch in cuda-archs.yaml: " + n));
            Map<CudaArch.Suffix, String> suffixes = new LinkedHashMap<>();
            n.path("suffixes").fields().forEachRemaining(
                    f -> suffixes.put(CudaArch.Suffix.of(f.getKey()), f.getValue().asText()));
            List<String> gpus = new ArrayList<>();
            n.path("gpus").forEach(g -> gpus.add(g.asText()));
            Entry e = new Entry(arch, n.path("family").asText(), List.copyOf(gpus),
                    n.path("first-cuda").asText(), text(n, "removed-in"),
                    text(n, "renamed-to").flatMap(CudaArch::parse),
                    Collections.unmodifiableMap(suffixes), n.path("source").asText());
            byArch.put(arch, e);
            for (String gpu : gpus) {
                byGpu.put(normalizeGpu(gpu), e);
            }
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    /** Lower case, no "NVIDIA"/"GeForce"/"Tesla" prefix, single spaces, "-" as space. */
    static String normalizeGpu(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ").trim();
        for (String prefix : List.of("nvidia ", "geforce ", "tesla ")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        return s;
    }

    public List<Entry> entries() {
        return List.copyOf(byArch.values());
    }

    /** The entry of a capability, ignoring its suffix. */
    public Optional<Entry> entry(CudaArch arch) {
        return Optional.ofNullable(byArch.get(arch.withoutSuffix()));
    }

    /**
     * A GPU by marketing name or alias ("RTX 5090", "NVIDIA GeForce RTX 5090", "dgx spark"), by
     * the longer name nvidia-smi prints ("NVIDIA H100 80GB HBM3"), or by a capability spelling
     * ("sm_120", "12.0"). Case-insensitive.
     */
    public Optional<Entry> gpu(String nameOrArch) {
        String wanted = normalizeGpu(nameOrArch);
        Entry e = byGpu.get(wanted);
        if (e != null) {
            return Optional.of(e);
        }
        Optional<Entry> byArch = CudaArch.parse(nameOrArch).flatMap(this::entry);
        if (byArch.isPresent()) {
            return byArch;
        }
        // nvidia-smi adds form factor and memory: "NVIDIA A100-SXM4-80GB", "NVIDIA H100 80GB HBM3".
        return byGpu.entrySet().stream()
                .filter(g -> wanted.startsWith(g.getKey() + " "))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The capability of a GPU name or arch spelling (suffix dropped: a GPU has none). */
    public Optional<CudaArch> archOfGpu(String nameOrArch) {
        return gpu(nameOrArch).map(Entry::arch);
    }

    public Optional<String> firstCuda(CudaArch arch) {
        return entry(arch).map(Entry::firstCuda);
    }

    public Optional<String> removedIn(CudaArch arch) {
        return entry(arch).flatMap(Entry::removedIn);
    }

    /**
     * Why an arch (with its suffix) is not a real target at all, regardless of toolkit: unknown
     * capability or a suffix that capability never had. Empty when it is real.
     */
    public Optional<String> invalidReason(CudaArch arch) {
        Optional<Entry> e = entry(arch);
        if (e.isEmpty()) {
            return Optional.of("unknown compute capability " + arch.withoutSuffix());
        }
        if (arch.suffix() != CudaArch.Suffix.NONE && !e.get().suffixSince().containsKey(arch.suffix())) {
            String s = arch.suffix().text();
            Optional<CudaArch> lowest = byArch.values().stream()
                    .filter(x -> x.suffixSince().containsKey(arch.suffix()))
                    .map(Entry::arch).findFirst();
            String since = lowest.filter(l -> arch.withoutSuffix().compareTo(l) < 0)
                    .map(l -> ": '" + s + "' exists only for " + l + " and later").orElse("");
            return Optional.of(arch.withoutSuffix() + " has no '" + s + "' variant" + since);
        }
        return Optional.empty();
    }

    /** Whether nvcc of {@code cudaVersion} ("12.8", "13.0.1") can compile for {@code arch}. */
    public Verdict canCompile(CudaArch arch, String cudaVersion) {
        Optional<String> invalid = invalidReason(arch);
        if (invalid.isPresent()) {
            return Verdict.no(invalid.get());
        }
        Entry e = entry(arch).orElseThrow();
        String cuda = Versions.majorMinor(cudaVersion);
        if (e.removedIn().isPresent() && Versions.atLeast(cuda, e.removedIn().get())) {
            String renamed = e.renamedTo()
                    .map(r -> " (renumbered " + r.sm() + ")")
                    .orElse("");
            return Verdict.no("CUDA " + cuda + " cannot compile " + arch.sm() + ": removed in CUDA "
                    + e.removedIn().get() + renamed);
        }
        String needed = arch.suffix() == CudaArch.Suffix.NONE
                ? e.firstCuda() : e.suffixSince().get(arch.suffix());
        if (!Versions.atLeast(cuda, needed)) {
            return Verdict.no("CUDA " + cuda + " cannot compile " + arch.sm() + " (needs " + needed + "+)");
        }
        return Verdict.yes();
    }

    /** The capabilities (no suffix) that {@code cudaVersion} can compile, ascending. */
    public List<CudaArch> compilableBy(String cudaVersion) {
        return byArch.keySet().stream().filter(a -> canCompile(a, cudaVersion).ok()).sorted().toList();
    }

    /**
     * Whether code built for {@code binary} runs on a GPU of capability {@code gpu}: a cubin needs
     * the same major and a minor at least as high; PTX is JIT-compiled for any newer GPU; 'a'
     * code runs only on that exact capability; 'f' code runs within its major.
     */
    public static Verdict runsOn(CudaArch binary, boolean isPtx, CudaArch gpu) {
        CudaArch g = gpu.withoutSuffix();
        String what = (isPtx ? binary.compute() : binary.sm()) + " code";
        switch (binary.suffix()) {
            case A -> {
                return g.equals(binary.withoutSuffix()) ? Verdict.yes()
                        : Verdict.no(what + " is arch-specific and runs only on " + binary.withoutSuffix());
            }
            case F -> {
                return g.major() == binary.major() && g.minor() >= binary.minor() ? Verdict.yes()
                        : Verdict.no(what + " runs only on " + binary.major() + ".x GPUs from "
                                + binary.withoutSuffix());
            }
            default -> {
                if (isPtx) {
                    return g.compareTo(binary) >= 0 ? Verdict.yes()
                            : Verdict.no(what + " needs a GPU of " + binary + " or newer");
                }
                if (g.major() != binary.major()) {
                    return Verdict.no(what + " does not run on " + g.sm() + " GPUs (major "
                            + binary.major() + " != " + g.major() + ")");
                }
                return g.minor() >= binary.minor() ? Verdict.yes()
                        : Verdict.no(what + " needs " + binary + " or a newer " + binary.major() + ".x GPU");
            }
        }
    }
}
