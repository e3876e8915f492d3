package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Python projects whose builds or installs interact with torch (vLLM, flash-attn, ...). */
public final class KnownProjects {

    /** How the project's build requirements name torch. */
    public enum TorchBuildRequirement {
        /** Pinned to one version (vLLM's requirements/build.txt). */
        EXACT,
        /** Required, any version. */
        ANY,
        /** Required only for ahead-of-time builds (flashinfer with FLASHINFER_ENABLE_AOT=1). */
        AOT_ONLY,
        NONE
    }

    /**
     * A CMake FetchContent dependency and the variable that points it at a local checkout.
     * {@code large}: a full clone that can exhaust a runner's disk.
     */
    public record FetchContentDep(String name, String srcDirVar, Optional<String> repository, boolean large,
                                  String note) {
        /** CMake's generic override for this dependency: FETCHCONTENT_SOURCE_DIR_TRITON_KERNELS. */
        public String fetchContentSourceDirVar() {
            return "FETCHCONTENT_SOURCE_DIR_" + name.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * @param scmVersionWithoutDistName setup.py calls setuptools_scm.get_version() without dist_name,
     *     so SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<NAME> is ignored
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
            boolean dependsOnTorch,
            boolean buildsAgainstTorch,
            Optional<String> cmakeArgsEnv,
            Optional<String> pep639License,
            List<FetchContentDep> fetchContent,
            String source) {

        public boolean usesSetuptools() {
            return buildBackend.equals("setuptools.build_meta");
        }
    }

    private final List<KnownProject> projects = new ArrayList<>();

    KnownProjects(JsonNode tree) {
        for (JsonNode n : tree.path("projects")) {
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            List<FetchContentDep> deps = new ArrayList<>();
            for (JsonNode d : n.path("fetch-content")) {
                deps.add(new FetchContentDep(d.path("name").asText(), d.path("src-dir-var").asText(),
                        d.hasNonNull("repository") ? Optional.of(d.get("repository").asText()) : Optional.empty(),
                        d.path("large").asBoolean(false), d.path("note").asText("")));
            }
            projects.add(new KnownProject(
                    n.path("name").asText(), List.copyOf(aliases), n.path("build-backend").asText(),
                    n.path("scm-version-without-dist-name").asBoolean(false),
                    TorchBuildRequirement.valueOf(
                            n.path("build-requires-torch").asText("none").toUpperCase(Locale.ROOT).replace('-', '_')),
                    n.path("depends-on-torch").asBoolean(false), n.path("builds-against-torch").asBoolean(false),
                    n.hasNonNull("cmake-args-env") ? Optional.of(n.get("cmake-args-env").asText()) : Optional.empty(),
                    n.hasNonNull("pep639-license") ? Optional.of(n.get("pep639-license").asText()) : Optional.empty(),
                    List.copyOf(deps), n.path("source").asText()));
        }
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
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
