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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** VL611 (hadolint DL3011): an EXPOSE port above 65535, which BuildKit rejects. */
public final class ExposePortOutOfRange implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL611", "DL3011", "expose-port-out-of-range", Severity.ERROR,
            Fixability.NONE, "EXPOSE names a port above 65535: the build fails with \"invalid containerPort\".");
    private static final Pattern PORTS = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/[A-Za-z]+)?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("EXPOSE");
    }

    @Override
    public void instruction(Instruction expose, Stage stage, RuleContext context) {
        for (Word word : expose.args()) {
            Matcher m = PORTS.matcher(word.text());
            if (m.matches() && (tooHigh(m.group(1)) || m.group(2) != null && tooHigh(m.group(2)))) {
                context.report(word.range(), "Port " + word.text() + " is out of range: ports go from 0 to 65535,"
                        + " and the build fails with \"invalid containerPort: " + word.text() + "\".");
            }
        }
    }

    private static boolean tooHigh(String digits) {
        return digits.length() > 5 || Integer.parseInt(digits) > 65535;
    }
}
