package dev.vlint.rules.cuda;

import dev.vlint.kb.Versions;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.EnumSet;
import java.util.List;

/** VL206: the final image's CUDA runtime is newer than the target hosts' driver supports. */
public final class ImageCudaExceedsDriver implements Rule {
    private static final RuleMeta META = new RuleMeta("VL206", "image-cuda-exceeds-driver", Severity.ERROR,
            "The CUDA version of the image is newer than the one the host driver supports (targets.driver-cuda).",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE), List.of("correctness", "cuda"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        String driver = context.config().targets().driverCuda();
        if (driver == null) {
            return;
        }
        CudaStages.finalStage(context.file())
                .flatMap(stage -> CudaStages.of(context.file()).get(stage.index()).toolkit())
                .ifPresent(toolkit -> {
                    String image = Versions.majorMinor(toolkit.cuda());
                    String host = Versions.majorMinor(driver);
                    if (Versions.compare(image, host) > 0) {
                        context.report(toolkit.range(), "The image runs CUDA " + image + " (" + toolkit.origin()
                                + ") but the target hosts' driver supports CUDA " + host
                                + " at most (targets.driver-cuda): CUDA calls fail with \"CUDA driver version is "
                                + "insufficient for CUDA runtime version\" on a GPU without forward compatibility. "
                                + "Use a CUDA " + host + " base image or update the host driver.");
                    }
                });
    }
}
