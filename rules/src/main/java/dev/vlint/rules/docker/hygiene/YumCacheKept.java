package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Set;

/** VL626 (hadolint DL3032): a yum install in a RUN that does not clean yum's cache after it. */
public final class YumCacheKept extends CacheNotCleaned implements Rule {
    private static final RuleMeta META = Hygiene.meta("VL626", "DL3032", "yum-cache-kept", Severity.NOTE,
            Fixability.SAFE,
            "A yum install leaves its package cache in the layer: the same RUN does not clean it afterwards.");

    public YumCacheKept() {
        super(Set.of("yum"), Set.of("install"), List.of("clean"), "all", List.of("/var/cache/yum"),
                List.of("/var/cache/yum"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }
}
