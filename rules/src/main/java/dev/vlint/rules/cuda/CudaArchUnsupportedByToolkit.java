package dev.vlint.rules.cuda;

import dev.vlint.kb.ArchList;
import dev.vlint.kb.CudaArch;
import dev.vlint.kb.CudaArchTable;
import dev.vlint.kb.Versions;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** VL202: an architecture the CUDA toolkit of its Dockerfile stage cannot compile for. */
public final class CudaArchUnsupportedByToolkit implements Rule {
    private static final RuleMeta META = new RuleMeta("VL202", "cuda-arch-unsupported-by-toolkit", Severity.ERROR,
            "An architecture in the list that the stage's CUDA toolkit cannot compile: too new for it, "
                    + "or removed or renumbered in it.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE), List.of("correctness", "cuda"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        List<StageFacts> stages = CudaStages.of(context.file());
        CudaArchTable table = ArchSettings.table();
        Findings findings = new Findings(context);
        for (ArchSetting setting : ArchSettings.of(context.file())) {
            if (setting.stage() == null) {
                continue;
            }
            StageFacts.Toolkit toolkit = stages.get(setting.stage().index()).toolkit().orElse(null);
            if (toolkit == null) {
                continue;
            }
            Optional<Severity> severity = CudaStages.whereRead(context.project(), context.file(), setting);
            if (severity.isEmpty()) {
                continue;
            }
            for (ArchList.Entry entry : setting.list().entries()) {
                if (!table.canCompile(entry.arch(), toolkit.cuda()).ok()) {
                    String message = message(table, entry.arch(), setting.list().syntax(), toolkit);
                    findings.report(severity.get(), setting.range(entry),
                            severity.get() == Severity.ERROR ? message : message + CudaStages.ONLY_KEPT);
                }
            }
        }
    }

    private static String message(CudaArchTable table, CudaArch arch, ArchList.Syntax syntax, StageFacts.Toolkit toolkit) {
        String cuda = Versions.majorMinor(toolkit.cuda());
        String where = " (this stage's toolkit: " + toolkit.origin() + ")";
        CudaArchTable.Entry entry = table.entry(arch).orElseThrow();
        if (entry.removedIn().isPresent() && Versions.atLeast(cuda, entry.removedIn().get())) {
            String removed = "CUDA " + cuda + " cannot compile " + arch.sm() + ": CUDA " + entry.removedIn().get();
            if (entry.renamedTo().isPresent()) {
                CudaArch renamed = entry.renamedTo().get().withSuffix(arch.suffix());
                return removed + " renumbered it to " + renamed.sm() + where + ". Write "
                        + spelling(renamed, syntax) + " instead.";
            }
            return removed + " dropped it" + where + ". Remove it from the list, or build with a CUDA "
                    + (Integer.parseInt(entry.removedIn().get().split("\\.")[0]) - 1) + ".x toolkit if those GPUs matter.";
        }
        String needed = arch.suffix() == CudaArch.Suffix.NONE
                ? entry.firstCuda() : entry.suffixSince().get(arch.suffix());
        return "CUDA " + cuda + " cannot compile " + arch.sm() + "; that needs CUDA " + needed + " or newer" + where
                + ". Use a CUDA " + needed + "+ base image or remove " + arch + " from the list.";
    }

    private static String spelling(CudaArch arch, ArchList.Syntax syntax) {
        return switch (syntax) {
            case TORCH -> arch.toString();
            case CMAKE -> arch.number();
            case NVCC -> arch.sm();
        };
    }
}
