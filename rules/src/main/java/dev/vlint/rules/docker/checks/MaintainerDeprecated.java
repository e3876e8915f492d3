package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
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

/** VL508: the deprecated MAINTAINER instruction (BuildKit's MaintainerDeprecated, hadolint's DL4000). */
public final class MaintainerDeprecated implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL508", "maintainer-deprecated", Severity.NOTE,
            "MAINTAINER is deprecated; the author belongs in the org.opencontainers.image.authors label.",
            Fixability.SAFE, "MaintainerDeprecated", "DL4000");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("MAINTAINER");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction maintainer, Stage stage, RuleContext context) {
        String message = "MAINTAINER is deprecated. Set the author as the OCI label instead:"
                + " LABEL org.opencontainers.image.authors=\"...\".";
        if (maintainer.args().size() != 1 || !Checks.contiguous(maintainer.args().get(0))) {
            context.report(maintainer.keywordRange(), message);
            return;
        }
        Word author = maintainer.args().get(0);
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        String keyword = context.file().source().slice(maintainer.keywordRange());
        String label = keyword.equals(Checks.lower(keyword)) ? "label" : "LABEL";
        String replacement = label + " org.opencontainers.image.authors=\"" + quoted(author.text(),
                dockerfile.escapeChar()) + "\"";
        context.report(maintainer.keywordRange(), message, Fix.safe("Replace MAINTAINER with the authors label",
                new Edit(new TextRange(maintainer.keywordRange().start(), author.range().end()), replacement)));
    }

    /** The text inside a double-quoted LABEL value that BuildKit reads back as {@code text}. */
    private static String quoted(String text, char escape) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '$' || c == escape) {
                out.append(escape);
            }
            out.append(c);
        }
        return out.toString();
    }
}
