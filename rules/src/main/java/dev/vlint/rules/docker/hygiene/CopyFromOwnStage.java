package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Optional;
import java.util.Set;

/** VL621 (hadolint DL3023): {@code COPY --from} naming the stage the COPY is in. */
public final class CopyFromOwnStage implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL621", "DL3023", "copy-from-own-stage", Severity.ERROR,
            Fixability.NONE, "COPY --from names its own stage: the build fails with \"circular dependency detected\".");

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
        Optional<Flag> from = copy.flag("from");
        if (stage == null || from.isEmpty() || from.get().valueRange().isEmpty() || Hygiene.isTrigger(copy, stage)) {
            return;
        }
        String value = stage.scopeAt(copy).expand(from.get().value().orElse(""));
        boolean own = stage.name() != null ? value.equalsIgnoreCase(stage.name()) : false;
        if (own || value.equals(String.valueOf(stage.index()))) {
            context.report(from.get().valueRange().get(), "--from=" + value + " is the stage this COPY belongs to;"
                    + " a stage cannot copy from itself (\"circular dependency detected on stage\"). Copy from the"
                    + " stage that produced the files.");
        }
    }
}
