package dev.vlint.rules;

import dev.vlint.rule.Rule;
import dev.vlint.rules.ci.DiskCleanupDisabled;
import dev.vlint.rules.ci.EmulatedNativeBuild;
import dev.vlint.rules.ci.RunnerDiskBudgetExceeded;
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
import dev.vlint.rules.docker.checks.ConstantFromPlatform;
import dev.vlint.rules.docker.checks.CopyIgnoredFile;
import dev.vlint.rules.docker.checks.DuplicateStageName;
import dev.vlint.rules.docker.checks.EmptyContinuationLine;
import dev.vlint.rules.docker.checks.ExposeInvalidFormat;
import dev.vlint.rules.docker.checks.ExposeProtoCasing;
import dev.vlint.rules.docker.checks.FromAsCasing;
import dev.vlint.rules.docker.checks.InconsistentInstructionCasing;
import dev.vlint.rules.docker.checks.InvalidBaseImagePlatform;
import dev.vlint.rules.docker.checks.InvalidDefaultArgInFrom;
import dev.vlint.rules.docker.checks.InvalidDefinitionDescription;
import dev.vlint.rules.docker.checks.LegacyKeyValueFormat;
import dev.vlint.rules.docker.checks.MaintainerDeprecated;
import dev.vlint.rules.docker.checks.MultipleCmd;
import dev.vlint.rules.docker.checks.MultipleEntrypoint;
import dev.vlint.rules.docker.checks.MultipleHealthcheck;
import dev.vlint.rules.docker.checks.RedundantTargetPlatform;
import dev.vlint.rules.docker.checks.ReservedStageName;
import dev.vlint.rules.docker.checks.SecretsUsedInArgOrEnv;
import dev.vlint.rules.docker.checks.ShellFormCmd;
import dev.vlint.rules.docker.checks.StageNameCasing;
import dev.vlint.rules.docker.checks.UndefinedArgInFrom;
import dev.vlint.rules.docker.checks.UndefinedVar;
import dev.vlint.rules.docker.checks.WorkdirRelativePath;
import dev.vlint.rules.python.Pep440VersionInvalid;
import dev.vlint.rules.python.Pep639LicenseNeedsSetuptools77;
import dev.vlint.rules.python.ScmPretendVersionIgnored;
import dev.vlint.rules.security.ActionNotPinned;
import dev.vlint.rules.security.PrivilegedTrigger;
import dev.vlint.rules.security.ScriptInjection;
import dev.vlint.rules.security.TokenPermissionsTooBroad;
import dev.vlint.rules.startos.ExverInvalid;
import java.util.List;

/** The one list of built-in rules, in id order; a test checks it against the rule classes, docs and fixtures. */
public final class BuiltinRules {
    private static final List<Rule> ALL = List.of(
            new ParseError(),
            new UnusedSuppression(),
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
            new EmulatedNativeBuild(),
            new StageNameCasing(),
            new FromAsCasing(),
            new EmptyContinuationLine(),
            new InconsistentInstructionCasing(),
            new DuplicateStageName(),
            new ReservedStageName(),
            new ShellFormCmd(),
            new MaintainerDeprecated(),
            new UndefinedArgInFrom(),
            new WorkdirRelativePath(),
            new UndefinedVar(),
            new MultipleCmd(),
            new MultipleEntrypoint(),
            new MultipleHealthcheck(),
            new LegacyKeyValueFormat(),
            new InvalidBaseImagePlatform(),
            new RedundantTargetPlatform(),
            new SecretsUsedInArgOrEnv(),
            new InvalidDefaultArgInFrom(),
            new ConstantFromPlatform(),
            new CopyIgnoredFile(),
            new InvalidDefinitionDescription(),
            new ExposeProtoCasing(),
            new ExposeInvalidFormat(),
            new ScriptInjection(),
            new ActionNotPinned(),
            new TokenPermissionsTooBroad(),
            new PrivilegedTrigger());

    private BuiltinRules() {}

    public static List<Rule> all() {
        return ALL;
    }
}
