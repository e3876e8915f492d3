package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cache-mount targets of package managers. Such caches key their entries by file name, hash and
 * platform tag, so one cache shared by several --platform builds is harmless; build state is not.
 */
public final class PackageCaches {

    /** @param env the variables that move the tool's cache elsewhere ({@code PIP_CACHE_DIR}) */
    public record PackageCache(String path, String manager, boolean platformSafe, List<String> env, String source) {}

    private final List<PackageCache> caches = new ArrayList<>();

    PackageCaches(JsonNode tree) {
        for (JsonNode n : tree.path("caches")) {
            List<String> env = new ArrayList<>();
            n.path("env").forEach(e -> env.add(e.asText()));
            caches.add(new PackageCache(normalize(n.path("path").asText()), n.path("manager").asText(),
                    n.path("platform-safe").asBoolean(false), List.copyOf(env), n.path("source").asText()));
        }
    }

    /**
     * The known cache at a mount target or above it ("/root/.cache/pip/", "~/.cache/uv",
     * "${CARGO_HOME}/registry", "/var/lib/apt/lists"): a folder inside a cache holds the same kind
     * of entries. A cache in root's home is found in any user's home too ("/home/app/.cache/pip").
     */
    public Optional<PackageCache> lookup(String target) {
        String t = normalize(target).replaceFirst("^/home/[^/]+(?=/|$)", "/root");
        return caches.stream().filter(c -> t.equals(c.path()) || t.startsWith(c.path() + "/")).findFirst();
    }

    /** The known cache that {@code variable} relocates ({@code UV_CACHE_DIR} gives uv's), if any. */
    public Optional<PackageCache> relocatedBy(String variable) {
        return caches.stream().filter(c -> c.env().contains(variable)).findFirst();
    }

    /** True when the target is a package-manager cache that is safe to share across platforms. */
    public boolean isPlatformKeyedPackageCache(String target) {
        return lookup(target).map(PackageCache::platformSafe).orElse(false);
    }

    public List<PackageCache> caches() {
        return List.copyOf(caches);
    }

    /** "~" and "$HOME" mean /root (BuildKit runs RUN as root unless USER says otherwise). */
    static String normalize(String path) {
        String p = path.trim().replaceAll("^[\"']|[\"']$", "");
        p = p.replaceAll("\\$\\{(\\w+)}", "\\$$1");
        if (p.startsWith("~/") || p.equals("~")) {
            p = "/root" + p.substring(1);
        }
        if (p.startsWith("$HOME")) {
            p = "/root" + p.substring(5);
        }
        p = p.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
