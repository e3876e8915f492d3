package dev.vlint.rules.cuda;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.kb.ArchList;
import dev.vlint.kb.CudaArch;
import dev.vlint.kb.CudaArchTable;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** VL203: a declared target GPU that no entry of an architecture list produces code for. */
public final class CudaArchMissesTarget implements Rule {
    private static final RuleMeta META = new RuleMeta("VL203", "cuda-arch-misses-target", Severity.ERROR,
            "The target GPUs declared in the configuration (targets.gpus) are not all covered by the "
                    + "architecture list, natively or by PTX of a lower architecture.",
            Fixability.UNSAFE, Findings.ARCH_LIST_KINDS, List.of("correctness", "cuda"));

    /** A declared GPU as written and its capability. */
    private record Target(String name, CudaArch arch) {
        /** "RTX 5090 (sm_120)", or just "sm_120" when the target was written as an architecture. */
        String described() {
            String sm = arch.withoutSuffix().sm();
            return CudaArch.parse(name).isPresent() ? sm : name + " (" + sm + ")";
        }
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        CudaArchTable table = ArchSettings.table();
        List<Target> targets = new ArrayList<>();
        for (String gpu : context.config().targets().gpus()) {
            table.archOfGpu(gpu).ifPresent(arch -> targets.add(new Target(gpu, arch)));
        }
        if (targets.isEmpty()) {
            return;
        }
        Findings findings = new Findings(context);
        // The values of one matrix axis are alternatives built side by side: together they must cover.
        Map<String, List<ArchSetting>> units = new LinkedHashMap<>();
        List<ArchSetting> settings = ArchSettings.of(context.file());
        for (int i = 0; i < settings.size(); i++) {
            ArchSetting s = settings.get(i);
            units.computeIfAbsent(s.matrixAxis() != null ? s.matrixAxis() : "#" + i, k -> new ArrayList<>()).add(s);
        }
        for (List<ArchSetting> unit : units.values()) {
            boolean checkable = unit.stream().allMatch(s -> s.list().problems().isEmpty()
                    && s.list().special().isEmpty() && !s.list().entries().isEmpty());
            if (!checkable) {
                continue;
            }
            List<Target> missing = targets.stream()
                    .filter(t -> unit.stream().allMatch(s -> s.list().entriesRunningOn(t.arch()).isEmpty()))
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            ArchSetting first = unit.get(0);
            Optional<ArchList.Entry> mixUp = unit.size() == 1 && missing.size() == 1
                    ? mixUp(first, missing.get(0), targets, table) : Optional.empty();
            if (mixUp.isPresent()) {
                reportMixUp(findings, first, mixUp.get(), missing.get(0), table);
            } else {
                for (ArchSetting s : unit) {
                    findings.report(s.wholeRange(), missingMessage(s, missing, unit.size() > 1));
                }
            }
        }
    }

    /**
     * The one entry that looks meant for the missing GPU: same family (Blackwell 10.0 for a 12.0
     * RTX 5090), yet running on no declared target.
     */
    private static Optional<ArchList.Entry> mixUp(ArchSetting setting, Target missing, List<Target> targets,
            CudaArchTable table) {
        String family = table.entry(missing.arch()).map(CudaArchTable.Entry::family).orElse("");
        List<ArchList.Entry> candidates = setting.list().entries().stream()
                .filter(e -> table.entry(e.arch()).map(CudaArchTable.Entry::family).orElse("-").equals(family))
                .filter(e -> targets.stream().noneMatch(t -> setting.list().entriesRunningOn(t.arch()).contains(e)))
                .toList();
        long ranges = candidates.stream().map(e -> e.start() + ":" + e.end()).distinct().count();
        return ranges == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static void reportMixUp(Findings findings, ArchSetting setting, ArchList.Entry entry, Target missing,
            CudaArchTable table) {
        CudaArch wrong = entry.arch().withoutSuffix();
        CudaArch right = missing.arch().withSuffix(entry.arch().suffix());
        String gpusOfWrong = table.entry(wrong).map(e -> String.join("/", e.gpus())).orElse("");
        Optional<String> replacement = replacement(setting, entry, wrong, right)
                .filter(r -> table.invalidReason(right).isEmpty());
        String message = wrong.sm() + (gpusOfWrong.isEmpty() ? "" : " (" + gpusOfWrong + ")")
                + " binaries do not run on " + missing.described() + ", a target in targets.gpus: cubins run "
                + "only within their major version and PTX only on newer GPUs. Replace " + entry.text() + " with "
                + replacement.orElse(missing.arch().withoutSuffix().toString()) + ".";
        if (replacement.isPresent()) {
            findings.report(setting.range(entry), message, Fix.unsafe("Replace " + entry.text() + " with "
                    + replacement.get(), new Edit(setting.range(entry), replacement.get())));
        } else {
            findings.report(setting.range(entry), message);
        }
    }

    /** The entry rewritten for {@code right} in the list's own spelling, when it is written verbatim. */
    private static Optional<String> replacement(ArchSetting setting, ArchList.Entry entry, CudaArch wrong,
            CudaArch right) {
        if (!setting.value().isVerbatim(entry.start(), entry.end())) {
            return Optional.empty();
        }
        String text = entry.text();
        return switch (setting.list().syntax()) {
            case TORCH -> text.startsWith(wrong.toString())
                    ? Optional.of(right + text.substring(entry.arch().toString().length())) : Optional.empty();
            case CMAKE -> text.startsWith(wrong.number())
                    ? Optional.of(right.number() + text.substring(entry.arch().number().length())) : Optional.empty();
            // arch=compute_XY,code=sm_XY pairs would need both halves changed.
            case NVCC -> Optional.empty();
        };
    }

    private static String missingMessage(ArchSetting setting, List<Target> missing, boolean matrix) {
        List<String> names = missing.stream().map(Target::described).toList();
        List<String> archs = missing.stream().map(t -> t.arch().withoutSuffix().toString()).distinct().toList();
        return setting.variable() + (matrix ? " (all matrix values together)" : "")
                + " builds no code that runs on " + String.join(", ", names)
                + ", declared in targets.gpus: a cubin runs only on its own major version and PTX only on newer GPUs"
                + blackwellHint(setting, missing) + ". Add " + String.join(", ", archs) + " to the list.";
    }

    /** The classic mix-up: datacenter Blackwell (10.x) code for a GeForce/RTX PRO Blackwell (12.x), or back. */
    private static String blackwellHint(ArchSetting setting, List<Target> missing) {
        boolean has10 = setting.list().entries().stream().anyMatch(e -> e.arch().major() == 10);
        boolean missing12 = missing.stream().anyMatch(t -> t.arch().major() == 12);
        return has10 && missing12 ? "; sm_100 (B100/B200) binaries do not run on an RTX 5090 (sm_120)" : "";
    }
}
