package dev.vlint.rules;

import dev.vlint.rule.Rule;
import dev.vlint.rules.ci.DiskCleanupDisabled;
import dev.vlint.rules.ci.EmulatedNativeBuild;
import dev.vlint.rules.ci.RunnerDiskBudgetExceeded;
import dev.vlint.rules.core.BlanketSuppression;
import dev.vlint.rules.core.ParseError;
import dev.vlint.rules.core.UnusedSuppression;
import dev.vlint.rules.cuda.CudaArchInvalid;
import dev.vlint.rules.cuda.CudaArchMissesTarget;
import dev.vlint.rules.cuda.CudaArchUnsupportedByToolkit;
import dev.vlint.rules.cuda.CudaToolkitTorchMismatch;
import dev.vlint.rules.cuda.ImageCudaExceedsDriver;
import dev.vlint.rules.cuda.TorchTooOldForArch;
import dev.vlint.rules.docker.BuildIsolationRefetchesTorch;
import dev.vlint.rules.docker.CacheMountSharedAcrossPlatforms;
import dev.vlint.rules.docker.CleanupInLaterLayer;
import dev.vlint.rules.docker.ConfigSettingsIgnored;
import dev.vlint.rules.docker.DeletesLinkedRuntime;
import dev.vlint.rules.docker.FetchcontentFullClone;
import dev.vlint.rules.docker.ShallowClonePinnedCommit;
import dev.vlint.rules.docker.TorchReplacedByLaterInstall;
import dev.vlint.rules.python.Pep440VersionInvalid;
import dev.vlint.rules.python.Pep639LicenseNeedsSetuptools77;
import dev.vlint.rules.python.ScmPretendVersionIgnored;
import dev.vlint.rules.startos.ExverInvalid;
import java.util.List;

/** The one list of built-in rules, in id order; a test checks it against the rule classes, docs and fixtures. */
public final class BuiltinRules {
    private static final List<Rule> ALL = List.of(
            new ParseError(),
            new UnusedSuppression(),
            new BlanketSuppression(),
            new CacheMountSharedAcrossPlatforms(),
            new CleanupInLaterLayer(),
            new DeletesLinkedRuntime(),
            new BuildIsolationRefetchesTorch(),
            new ConfigSettingsIgnored(),
            new FetchcontentFullClone(),
            new ShallowClonePinnedCommit(),
            new TorchReplacedByLaterInstall(),
            new CudaArchInvalid(),
            new CudaArchUnsupportedByToolkit(),
            new CudaArchMissesTarget(),
            new TorchTooOldForArch(),
            new CudaToolkitTorchMismatch(),
            new ImageCudaExceedsDriver(),
            new ExverInvalid(),
            new Pep440VersionInvalid(),
            new ScmPretendVersionIgnored(),
            new Pep639LicenseNeedsSetuptools77(),
            new RunnerDiskBudgetExceeded(),
            new DiskCleanupDisabled(),
            new EmulatedNativeBuild());

    private BuiltinRules() {}

    public static List<Rule> all() {
        return ALL;
    }
}
