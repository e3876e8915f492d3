package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Set;

/** VL633 (hadolint DL3040): a dnf install in a RUN that does not clean dnf's cache after it. */
public final class DnfCacheKept extends CacheNotCleaned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL633", "DL3040", "dnf-cache-kept", Severity.NOTE,
            Fixability.SAFE,
            "A dnf install leaves its package cache in the layer: the same RUN does not clean it afterwards.");

    public DnfCacheKept() {
        super(Set.of("dnf", "microdnf"), Set.of("install", "in", "upgrade", "up", "upgrade-minimal", "up-min",
                "reinstall", "rei"), List.of("clean"), "all", List.of("/var/cache/libdnf5", "/var/cache/dnf",
                "/var/cache/yum"), List.of("/var/cache/libdnf5", ".cache/libdnf5", "/var/cache/dnf"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }
}
