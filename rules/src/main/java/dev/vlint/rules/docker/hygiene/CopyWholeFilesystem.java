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
import java.util.List;
import java.util.Set;

/** VL657 (hadolint DL3067): {@code COPY --from=stage / /}, which copies a whole filesystem over this one. */
public final class CopyWholeFilesystem implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL657", "DL3067", "copy-whole-filesystem", Severity.WARNING,
            Fixability.NONE, "COPY --from copies another stage's whole filesystem to /.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("COPY");
    }

    @Override
    public void instruction(Instruction copy, Stage stage, RuleContext context) {
        List<Word> args = copy.args();
        if (copy.flag("from").isEmpty() || args.size() < 2
                || !Hygiene.unquote(args.get(args.size() - 1).text()).equals("/")) {
            return;
        }
        for (Word source : args.subList(0, args.size() - 1)) {
            if (Hygiene.unquote(source.text()).equals("/")) {
                context.report(source.range(), "This copies the other stage's entire filesystem over this one"
                        + " (its /etc, /usr, package database and all); copy only the directories the image needs.");
                return;
            }
        }
    }
}
