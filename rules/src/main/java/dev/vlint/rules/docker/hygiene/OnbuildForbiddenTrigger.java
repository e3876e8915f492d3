package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Set;

/** VL636 (hadolint DL3043): ONBUILD triggering ONBUILD, FROM or MAINTAINER, which BuildKit rejects. */
public final class OnbuildForbiddenTrigger implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL636", "DL3043", "onbuild-forbidden-trigger", Severity.ERROR,
            Fixability.NONE, "ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER are not allowed: the build fails.");
    private static final Set<String> FORBIDDEN = Set.of("ONBUILD", "FROM", "MAINTAINER");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("ONBUILD");
    }

    @Override
    public void instruction(Instruction onbuild, Stage stage, RuleContext context) {
        Instruction trigger = onbuild.trigger();
        if (trigger != null && FORBIDDEN.contains(trigger.keyword())) {
            context.report(trigger.keywordRange(), trigger.keyword() + " cannot be an ONBUILD trigger: BuildKit"
                    + " rejects the Dockerfile. Put the instruction in the Dockerfile that builds on this image.");
        }
    }
}
