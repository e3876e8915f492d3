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

    public record PackageCache(String path, String manager, boolean platformSafe, String source) {}

    private final List<PackageCache> caches = new ArrayList<>();

    PackageCaches(JsonNode tree) {
        for (JsonNode n : tree.path("caches")) {
            caches.add(new PackageCache(normalize(n.path("path").asText()), n.path("manager").asText(),
                    n.path("platform-safe").asBoolean(false), n.path("source").asText()));
        }
    }

    /** The known cache at a mount target ("/root/.cache/pip/", "~/.cache/uv", "${CARGO_HOME}/registry"). */
    public Optional<PackageCache> lookup(String target) {
        String t = normalize(target);
        return caches.stream().filter(c -> c.path().equals(t)).findFirst();
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
