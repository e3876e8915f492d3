package dev.vlint.fixers.build;

import java.nio.file.Path;

/**
 * The options of {@code vlint build} before the {@code --}.
 *
 * @param dryRun print the commands instead of running them
 * @param shadowDir where the patched Dockerfile goes, or null for a fresh temporary folder
 * @param dockerRoot a path on the disk Docker stores images and cache on (e.g. {@code /var/lib/docker});
 *     its free space limits the disk budget; null to ignore
 * @param diskBudgetGb disk the build may use, in GB (10^9 bytes), or null
 * @param onePlatformAtATime split a multi-platform build whatever the budget
 * @param allowSplitPush split even a build that pushes, although each platform then pushes the same tag
 */
public record BuildOptions(boolean dryRun, Path shadowDir, Path dockerRoot, Integer diskBudgetGb,
        boolean onePlatformAtATime, boolean allowSplitPush) {
    public static final BuildOptions DEFAULT = new BuildOptions(false, null, null, null, false, false);
}
