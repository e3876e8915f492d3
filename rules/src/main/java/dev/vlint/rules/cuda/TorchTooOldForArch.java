package dev.vlint.rules.cuda;

import dev.vlint.kb.ArchList;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.TorchReleases;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** VL204: the stage's torch predates the first release that supports an architecture of the list. */
public final class TorchTooOldForArch implements Rule {
    private static final RuleMeta META = new RuleMeta("VL204", "torch-too-old-for-arch", Severity.ERROR,
            "The torch of the stage (pinned, or shipped by the base image) is older than the first release "
                    + "that supports an architecture in the list.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE), List.of("correctness", "cuda"));

    private static final String FP8_TYPE = "Float8_e8m0fnu";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        TorchReleases torchReleases = KnowledgeBase.bundled().torch();
        List<StageFacts> stages = CudaStages.of(context.file());
        Findings findings = new Findings(context);
        for (ArchSetting setting : ArchSettings.of(context.file())) {
            if (setting.stage() == null) {
                continue;
            }
            StageFacts facts = stages.get(setting.stage().index());
            Optional<StageFacts.Torch> torch = facts.torch();
            if (torch.isEmpty() || torch.get().version().isEmpty()) {
                continue;
            }
            String version = torch.get().version().get();
            Optional<Severity> severity = CudaStages.whereRead(context.project(), context.file(), setting);
            for (ArchList.Entry entry : severity.isEmpty() ? List.<ArchList.Entry>of() : setting.list().entries()) {
                Optional<TorchReleases.ArchSupport> support = torchReleases.firstReleaseFor(entry.arch());
                if (support.isPresent()
                        && TorchReleases.isOlderThan(version, support.get().release()).orElse(false)) {
                    String message = message(torch.get(), entry, support.get(), facts, torchReleases);
                    findings.report(severity.get(), setting.range(entry),
                            severity.get() == Severity.ERROR ? message : message + CudaStages.ONLY_KEPT);
                }
            }
        }
    }

    private static String message(StageFacts.Torch torch, ArchList.Entry entry, TorchReleases.ArchSupport support,
            StageFacts facts, TorchReleases releases) {
        String arch = entry.arch().withoutSuffix().sm();
        StringBuilder m = new StringBuilder(torch.origin());
        m.append(" is older than torch ").append(support.release()).append(", the first release that supports ")
                .append(arch).append(" (with ").append(support.variant()).append(" wheels)");
        Optional<TorchReleases.Feature> fp8 = releases.feature(FP8_TYPE);
        if (facts.buildsVllm() && fp8.isPresent()) {
            m.append("; building vLLM against it fails with 'enum \"c10::ScalarType\" has no member \"")
                    .append(FP8_TYPE).append("\"' (added in torch ").append(fp8.get().release()).append(")");
        }
        return m.append(". Install torch>=").append(support.release()).append(" from https://download.pytorch.org/whl/")
                .append(support.variant()).append(" before compiling, or drop ").append(entry.arch()).append('.')
                .toString();
    }
}
