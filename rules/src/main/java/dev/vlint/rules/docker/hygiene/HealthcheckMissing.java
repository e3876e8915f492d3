package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * VL650 (hadolint DL3057, off by default): a stage without HEALTHCHECK in its own line of stages:
 * none in it, in the stages it is built on, or in the stages built on it.
 */
public final class HealthcheckMissing implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL650", "DL3057", "healthcheck-missing", Severity.NOTE,
            Fixability.NONE, "No HEALTHCHECK in a stage or the stages it is built on or that build on it.")
            .offByDefault();

    /** Indexes of the stages with a HEALTHCHECK of their own. */
    private static final class Checked {
        final Set<Integer> stages = new HashSet<>();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("HEALTHCHECK");
    }

    @Override
    public void instruction(Instruction healthcheck, Stage stage, RuleContext context) {
        if (stage != null && !Hygiene.isTrigger(healthcheck, stage)) {
            context.state(Checked::new).stages.add(stage.index());
        }
    }

    @Override
    public void endFile(Dockerfile dockerfile, RuleContext context) {
        Set<Integer> own = context.state(Checked::new).stages;
        List<Stage> stages = dockerfile.stages();
        boolean[] up = new boolean[stages.size()];
        boolean[] down = new boolean[stages.size()];
        for (Stage stage : stages) {
            int base = stage.baseStage();
            up[stage.index()] = own.contains(stage.index()) || base >= 0 && up[base];
        }
        for (int i = stages.size() - 1; i >= 0; i--) {
            down[i] |= own.contains(i);
            int base = stages.get(i).baseStage();
            if (base >= 0 && down[i]) {
                down[base] = true;
            }
        }
        for (Stage stage : stages) {
            if (!up[stage.index()] && !down[stage.index()]) {
                context.report(stage.from().keywordRange(), "This stage has no HEALTHCHECK, and neither do the stages"
                        + " it is built on or that build on it; add HEALTHCHECK CMD ... (or HEALTHCHECK NONE to say"
                        + " none is wanted).");
            }
        }
    }
}
