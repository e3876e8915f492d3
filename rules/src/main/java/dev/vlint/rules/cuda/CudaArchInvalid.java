package dev.vlint.rules.cuda;

import dev.vlint.kb.ArchList;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Optional;

/** VL201: an architecture list entry that is no real architecture or not valid syntax. */
public final class CudaArchInvalid implements Rule {
    private static final RuleMeta META = new RuleMeta("VL201", "cuda-arch-invalid", Severity.ERROR,
            "An entry of a CUDA architecture list (TORCH_CUDA_ARCH_LIST, CMAKE_CUDA_ARCHITECTURES, nvcc flags) "
                    + "is not a real architecture or not valid syntax.",
            Fixability.NONE, Findings.ARCH_LIST_KINDS, List.of("correctness", "cuda"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Findings findings = new Findings(context);
        for (ArchSetting setting : ArchSettings.of(context.file())) {
            Optional<Severity> severity = setting.list().problems().isEmpty() ? Optional.empty()
                    : CudaStages.whereRead(context.project(), context.file(), setting);
            for (ArchList.Problem problem : severity.isEmpty() ? List.<ArchList.Problem>of() : setting.list().problems()) {
                String message = "Invalid " + setting.variable() + " entry: " + problem.message() + ". "
                        + consequence(setting.list().syntax()) + "; write an architecture of the GPUs you target.";
                findings.report(severity.get(), setting.range(problem),
                        severity.get() == Severity.ERROR ? message : message + CudaStages.ONLY_KEPT);
            }
        }
    }

    private static String consequence(ArchList.Syntax syntax) {
        return switch (syntax) {
            case TORCH -> "torch's extension builder stops with 'Unknown CUDA arch'";
            case CMAKE -> "CMake or nvcc stops the configure step on it";
            case NVCC -> "nvcc stops with 'Unsupported gpu architecture' or a code generation error";
        };
    }
}
