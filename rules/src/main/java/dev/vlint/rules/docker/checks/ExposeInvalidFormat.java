package dev.vlint.rules.docker.checks;

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

/**
 * VL524: {@code EXPOSE 8080:80} or {@code EXPOSE 127.0.0.1:80:80}, a host port or address in EXPOSE
 * (BuildKit's ExposeInvalidFormat).
 */
public final class ExposeInvalidFormat implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL524", "expose-invalid-format", Severity.WARNING,
            "EXPOSE names a host port or IP address; EXPOSE takes only the container's port and protocol.",
            Fixability.NONE, "ExposeInvalidFormat");

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
            if (word.text().indexOf('$') >= 0) {
                continue;
            }
            ExposePorts ports = ExposePorts.of(word.text());
            if (!ports.ip().isEmpty() || !ports.hostPort().isEmpty()) {
                context.report(word.range(), "EXPOSE " + word.text() + " maps a host "
                        + (ports.ip().isEmpty() ? "port" : "address and port") + ", which EXPOSE cannot do: the"
                        + " image only records the container port, and BuildKit will reject this form in a future"
                        + " release. Write EXPOSE " + ports.port() + (ports.proto().isEmpty() ? "" : "/"
                        + ports.proto()) + " and publish the port at run time (docker run -p).");
            }
        }
    }
}
