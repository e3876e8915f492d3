package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Python projects whose builds or installs interact with torch (vLLM, flash-attn, ...). */
public final class KnownProjects {
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    /** How the project's {@code [build-system].requires} names torch. */
    public enum TorchBuildRequirement {
        /** Pinned to one version (vLLM's pyproject). */
        EXACT,
        /** A version range (xformers: {@code torch >= 2.10}). */
        RANGE,
        /** Required, any version. */
        ANY,
        /** Not a build requirement (a legacy setup.py build, or a backend that needs no torch). */
        NONE
    }

    /** What a release's wheel requires of torch. */
    public enum PinKind {
        /** One torch release ({@code torch==2.9.1}). */
        EXACT,
        /** A range ({@code torch>=2.10}). */
        RANGE,
        /** torch, unpinned. */
        ANY,
        /** No torch dependency at all. */
        NONE,
        /** Sources disagree; nothing is claimed. */
        UNKNOWN;

        /** Whether installing a release of this kind can make the resolver replace an installed torch. */
        public boolean canReplaceTorch() {
            return this == EXACT || this == RANGE;
        }
    }

    /**
     * The runtime torch requirement of a range of releases: {@code since} inclusive, {@code until}
     * exclusive, both release versions; {@code specifier} for {@link PinKind#RANGE}.
     */
    public record RuntimeTorch(Optional<String> since, Optional<String> until, PinKind kind,
                               Optional<String> specifier, String source) {
        boolean covers(Pep440.Version release) {
            return since.flatMap(Pep440::parse).map(s -> release.compareTo(s) >= 0).orElse(true)
                    && until.flatMap(Pep440::parse).map(u -> release.compareTo(u) < 0).orElse(true);
        }
    }

    /**
     * The torch requirement of one release ({@code torch} is a specifier: "==2.9.1", ">=2.10") and
     * how it was verified: tag, lock, pip or pairing (see projects.yaml).
     */
    public record TorchPin(String release, String torch, String verifiedBy, String source) {
        /** The pinned version for an exact pin ("==2.9.1" gives "2.9.1"), else empty. */
        public Optional<String> exactVersion() {
            String t = torch.trim();
            return t.startsWith("==") && !t.contains(",") && !t.contains("*")
                    ? Optional.of(t.substring(2).trim()) : Optional.empty();
        }
    }

    /**
     * A CMake FetchContent dependency and the variable that points it at a local checkout.
     * {@code large}: a full clone that can exhaust a runner's disk. {@code sinceRelease}: the first
     * release that fetches it; {@code targets}: the device targets whose builds fetch it (empty: all).
     */
    public record FetchContentDep(String name, String srcDirVar, Optional<String> repository, boolean large,
                                  String note, Optional<String> sinceRelease, List<String> targets, String source) {
        /** CMake's generic override for this dependency: FETCHCONTENT_SOURCE_DIR_TRITON_KERNELS. */
        public String fetchContentSourceDirVar() {
            return "FETCHCONTENT_SOURCE_DIR_" + name.toUpperCase(Locale.ROOT);
        }

        /** Whether {@code release} ("0.15.1") fetches it; an unknown release (null) is assumed to. */
        public boolean fetchedBy(String release) {
            if (release == null || sinceRelease.isEmpty()) {
                return true;
            }
            Optional<Pep440.Version> v = Pep440.parse(release);
            return v.isEmpty() || v.get().compareTo(Pep440.parse(sinceRelease.get()).orElseThrow()) >= 0;
        }

        /** Whether a build for {@code target} ("cuda", "rocm", "cpu") fetches it. */
        public boolean fetchedFor(String target) {
            return targets.isEmpty() || targets.contains(target.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * @param scmVersionWithoutDistName setup.py calls setuptools_scm.get_version() without dist_name,
     *     so SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<NAME> is ignored
     * @param setupImportsTorch setup.py imports torch at the top, so it needs torch where it runs
     * @param cmakeArgsEnv the environment variable whose value is split into extra cmake arguments
     * @param pep639License the PEP 639 license expression of its pyproject.toml ({@code license =
     *     "Apache-2.0"}), which setuptools older than 77 rejects
     */
    public record KnownProject(
            String name,
            List<String> aliases,
            String buildBackend,
            boolean scmVersionWithoutDistName,
            TorchBuildRequirement buildRequiresTorch,
            boolean setupImportsTorch,
            boolean dependsOnTorch,
            boolean buildsAgainstTorch,
            Optional<String> cmakeArgsEnv,
            Optional<String> pep639License,
            List<FetchContentDep> fetchContent,
            List<RuntimeTorch> runtimeTorch,
            List<TorchPin> torchPins,
            String source) {

        /** setuptools, also through its legacy entry point (a setup.py without a pyproject backend). */
        public boolean usesSetuptools() {
            return buildBackend.equals("setuptools.build_meta") || buildBackend.startsWith("setuptools.build_meta:");
        }

        /**
         * The runtime torch requirement of a release ("0.15.1"), or of the newest release for null
         * or an unparsable version. Kind {@link PinKind#UNKNOWN} when the knowledge base has none.
         */
        public RuntimeTorch runtimeTorch(String release) {
            Optional<Pep440.Version> v = release == null ? Optional.empty() : Pep440.parse(release);
            if (v.isEmpty()) {
                return runtimeTorch.isEmpty() ? unknownRuntime() : runtimeTorch.get(runtimeTorch.size() - 1);
            }
            return runtimeTorch.stream().filter(r -> r.covers(v.get())).findFirst().orElse(unknownRuntime());
        }

        private RuntimeTorch unknownRuntime() {
            return new RuntimeTorch(Optional.empty(), Optional.empty(), PinKind.UNKNOWN, Optional.empty(), source);
        }

        /** The verified torch requirement of a release, compared as PEP 440 versions ("v0.15.1" finds "0.15.1"). */
        public Optional<TorchPin> torchPin(String release) {
            Optional<Pep440.Version> v = release == null ? Optional.empty() : Pep440.parse(release);
            return v.flatMap(version -> torchPins.stream()
                    .filter(p -> Pep440.parse(p.release()).map(version::equals).orElse(false)).findFirst());
        }

        /** The newest release whose torch requirement is known. */
        public Optional<TorchPin> newestPin() {
            return torchPins.stream().max(Comparator.comparing(p -> Pep440.parse(p.release()).orElseThrow()));
        }

        /** Releases known to pin exactly {@code torchVersion} (local label ignored), oldest first. */
        public List<TorchPin> releasesPinning(String torchVersion) {
            Optional<Pep440.Version> t = Pep440.parse(torchVersion).map(Pep440.Version::withoutLocal);
            return torchPins.stream()
                    .filter(p -> p.exactVersion().flatMap(Pep440::parse).equals(t))
                    .sorted(Comparator.comparing(p -> Pep440.parse(p.release()).orElseThrow()))
                    .toList();
        }
    }

    private final List<KnownProject> projects = new ArrayList<>();

    KnownProjects(JsonNode tree) {
        for (JsonNode n : tree.path("projects")) {
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            List<FetchContentDep> deps = new ArrayList<>();
            for (JsonNode d : n.path("fetch-content")) {
                List<String> targets = new ArrayList<>();
                d.path("targets").forEach(t -> targets.add(t.asText().toLowerCase(Locale.ROOT)));
                deps.add(new FetchContentDep(d.path("name").asText(), d.path("src-dir-var").asText(),
                        text(d, "repository"), d.path("large").asBoolean(false), d.path("note").asText(""),
                        text(d, "since-release"), List.copyOf(targets), d.path("source").asText()));
            }
            List<RuntimeTorch> runtime = new ArrayList<>();
            for (JsonNode r : n.path("runtime-torch")) {
                runtime.add(new RuntimeTorch(text(r, "since"), text(r, "until"), enumOf(PinKind.class, r, "kind", "unknown"),
                        text(r, "specifier"), r.path("source").asText()));
            }
            List<TorchPin> pins = new ArrayList<>();
            for (JsonNode p : n.path("torch-pins")) {
                pins.add(new TorchPin(p.path("release").asText(), p.path("torch").asText(),
                        p.path("verified-by").asText(), p.path("source").asText()));
            }
            projects.add(new KnownProject(
                    n.path("name").asText(), List.copyOf(aliases), n.path("build-backend").asText(),
                    n.path("scm-version-without-dist-name").asBoolean(false),
                    enumOf(TorchBuildRequirement.class, n, "build-requires-torch", "none"),
                    n.path("setup-imports-torch").asBoolean(false),
                    n.path("depends-on-torch").asBoolean(false), n.path("builds-against-torch").asBoolean(false),
                    text(n, "cmake-args-env"), text(n, "pep639-license"),
                    List.copyOf(deps), List.copyOf(runtime), List.copyOf(pins), n.path("source").asText()));
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode n, String field, String fallback) {
        return Enum.valueOf(type, n.path(field).asText(fallback).toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * A project by distribution name or alias, compared after PEP 503 normalization
     * ("Flash_Attn" finds flash-attn); a version or extras after the name are not accepted here.
     * Empty for a null name (e.g. a clone URL with no repository name in it).
     */
    public Optional<KnownProject> project(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = normalize(name);
        return projects.stream()
                .filter(p -> normalize(p.name()).equals(wanted)
                        || p.aliases().stream().anyMatch(a -> normalize(a).equals(wanted)))
                .findFirst();
    }

    public List<KnownProject> projects() {
        return List.copyOf(projects);
    }

    /** PEP 503: lower case, runs of "-", "_" and "." become "-". */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll("-");
    }
}
