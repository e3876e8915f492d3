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

/** VL619 (hadolint DL3021): COPY of several sources to a destination that does not end with {@code /}. */
public final class CopySourcesIntoFile implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL619", "DL3021", "copy-sources-into-non-directory",
            Severity.WARNING, Fixability.NONE,
            "COPY of several sources to a destination without a trailing /, which must be a directory.");

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
        if (args.size() <= 2) {
            return;
        }
        Word dest = args.get(args.size() - 1);
        String path = Hygiene.unquote(dest.text());
        boolean directory = path.endsWith("/") || path.equals(".") || path.equals("..") || path.endsWith("/.");
        if (!directory && !path.contains("$")) {
            context.report(Hygiene.unquotedRange(dest), "COPY has " + (args.size() - 1) + " sources, so " + path
                    + " must be a"
                    + " directory: end it with / (" + path + "/) as the Dockerfile reference requires.");
        }
    }
}
