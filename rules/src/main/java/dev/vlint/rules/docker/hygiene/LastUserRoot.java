package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VL603 (hadolint DL3002): the image the Dockerfile ends with runs as root because its last USER
 * (in the final stage, or inherited from the stage it is built on) is root.
 */
public final class LastUserRoot implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL603", "DL3002", "last-user-root", Severity.NOTE,
            Fixability.NONE, "The final image's last USER is root, so its containers run as root.");

    /** The last USER word of each stage so far, or null. */
    private static final class LastUsers {
        final List<Word> byStage = new ArrayList<>();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM", "USER");
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        LastUsers users = context.state(LastUsers::new);
        if (stage == null || Hygiene.isTrigger(instruction, stage)) {
            return;
        }
        if (instruction.is("FROM")) {
            int base = stage.baseStage();
            users.byStage.add(base >= 0 && base < users.byStage.size() ? users.byStage.get(base) : null);
        } else if (!instruction.args().isEmpty() && stage.index() < users.byStage.size()) {
            users.byStage.set(stage.index(), instruction.args().get(0));
        }
    }

    @Override
    public void endFile(Dockerfile dockerfile, RuleContext context) {
        LastUsers users = context.state(LastUsers::new);
        if (users.byStage.isEmpty()) {
            return;
        }
        Word last = users.byStage.get(users.byStage.size() - 1);
        if (last != null && isRoot(last.text())) {
            context.report(last.range(), "The final image runs as root: this is the last USER of the stage the"
                    + " build ends with. Add a non-root user and switch to it (USER app) after the steps that need"
                    + " root.");
        }
    }

    static boolean isRoot(String user) {
        return user.equals("root") || user.equals("0") || user.startsWith("root:") || user.startsWith("0:");
    }
}
