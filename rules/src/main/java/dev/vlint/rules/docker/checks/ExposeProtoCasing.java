package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.Set;

/** VL523: {@code EXPOSE 80/TCP}, a protocol not in lower case (BuildKit's ExposeProtoCasing). */
public final class ExposeProtoCasing implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL523", "expose-proto-casing", Severity.NOTE,
            "The protocol of an EXPOSE port is not in lower case.", Fixability.SAFE, "ExposeProtoCasing");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("EXPOSE");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction expose, Stage stage, RuleContext context) {
        for (Word word : expose.args()) {
            if (word.text().indexOf('$') >= 0 || !Checks.contiguous(word)) {
                continue;
            }
            ExposePorts ports = ExposePorts.of(word.text());
            if (!ports.proto().isEmpty() && !ports.proto().equals(Checks.lower(ports.proto()))) {
                TextRange proto = Checks.within(word, ports.protoStart(), word.text().length());
                String lower = Checks.lower(ports.proto());
                context.report(proto, "Protocol '" + ports.proto() + "' of EXPOSE " + word.text() + " should be"
                        + " lower case: BuildKit stores it as '" + lower + "' anyway. Write '" + lower + "'.",
                        Fix.safe("Write '" + lower + "'", new Edit(proto, lower)));
            }
        }
    }
}
