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

/** VL205: CUDA extensions compiled against a torch built for another CUDA major version. */
public final class CudaToolkitTorchMismatch implements Rule {
    private static final RuleMeta META = new RuleMeta("VL205", "cuda-toolkit-torch-mismatch", Severity.ERROR,
            "A stage compiles CUDA extensions against torch while the toolkit's CUDA major version differs "
                    + "from the one torch was built with.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE), List.of("correctness", "cuda"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Findings findings = new Findings(context);
        for (StageFacts stage : CudaStages.of(context.file())) {
            if (stage.compile().isEmpty() || stage.toolkit().isEmpty() || stage.torch().isEmpty()
                    || stage.torch().get().cuda().isEmpty()) {
                continue;
            }
            String toolkit = Versions.majorMinor(stage.toolkit().get().cuda());
            String torchCuda = Versions.majorMinor(stage.torch().get().cuda().get());
            if (toolkit.split("\\.")[0].equals(torchCuda.split("\\.")[0])) {
                continue;
            }
            findings.report(stage.torch().get().range(), stage.torch().get().origin() + " is built for CUDA "
                    + torchCuda + ", but `" + stage.compile().get().what() + "` compiles against it with the CUDA "
                    + toolkit + " toolkit of " + stage.toolkit().get().origin()
                    + ". torch.utils.cpp_extension refuses a major mismatch: \"RuntimeError: The detected CUDA version ("
                    + toolkit + ") mismatches the version that was used to compile PyTorch (" + torchCuda
                    + "). Please make sure to use the same CUDA versions.\" Install torch from the cu"
                    + toolkit.replace(".", "") + " index or build on a CUDA " + torchCuda.split("\\.")[0]
                    + " toolkit image.");
        }
    }
}
