package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Set;

/** VL630 (hadolint DL3036): a zypper install in a RUN that does not clean zypper's cache after it. */
public final class ZypperCacheKept extends CacheNotCleaned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL630", "DL3036", "zypper-cache-kept", Severity.NOTE,
            Fixability.SAFE,
            "A zypper install leaves its package cache in the layer: the same RUN does not clean it afterwards.");

    public ZypperCacheKept() {
        super(Set.of("zypper"), Set.of("install", "in"), List.of("clean", "cc"), null, List.of("/var/cache/zypp"),
                List.of("/var/cache/zypp"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }
}
