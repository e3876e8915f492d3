package dev.vlint.fixers.build;

import dev.vlint.source.SourceFile;
import java.util.OptionalLong;

/** How much disk the build of one platform needs at its peak: layers, build cache and the exported image. */
@FunctionalInterface
public interface DiskEstimator {
    /** Knows nothing: builds are split only when asked to. */
    DiskEstimator UNKNOWN = (dockerfile, command) -> OptionalLong.empty();

    /**
     * @param dockerfile the Dockerfile the build will use, with the fixes applied
     * @return bytes per platform, or empty when not known
     */
    OptionalLong bytesPerPlatform(SourceFile dockerfile, BuildCommandLine command);
}
