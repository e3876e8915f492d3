package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Set;

/** VL656 (hadolint DL3066): USER by name, which a host or Kubernetes' runAsNonRoot check cannot resolve. */
public final class UserNotNumeric implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL656", "DL3066", "user-not-numeric", Severity.NOTE,
            Fixability.NONE,
                    "USER names a user instead of a numeric id, which tools outside the image cannot resolve.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("USER");
    }

    @Override
    public void instruction(Instruction user, Stage stage, RuleContext context) {
        if (user.args().isEmpty()) {
            return;
        }
        Word word = user.args().get(0);
        String uid = word.text().split(":", 2)[0];
        if (!uid.isEmpty() && !uid.equals("root") && !uid.contains("$") && !uid.chars().allMatch(Character::isDigit)) {
            context.report(word.range(), "USER " + uid + " is a name: the container runtime, Kubernetes (runAsNonRoot)"
                    + " and mounted volumes see only numeric ids, and cannot tell whether " + uid + " is root;"
                    + " use the numeric id (USER 1000:1000).");
        }
    }
}
