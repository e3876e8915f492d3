package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** VL601 (hadolint DL1001, off by default): an inline ignore comment above an instruction. */
public final class InlineIgnorePragma implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL601", "DL1001", "inline-ignore-pragma", Severity.NOTE,
            Fixability.NONE, "An inline ignore comment (# hadolint ignore=..., # vlint: ignore[...]) hides a finding"
                    + " where a team wants every exception in the config.").offByDefault();
    private static final Pattern PRAGMA = Pattern.compile(
            "^[ \\t]*(#[ \\t]*(?:hadolint[ \\t]+ignore[ \\t]*=|vlint:[ \\t]*ignore\\[).*)$");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Dockerfile dockerfile, RuleContext context) {
        SourceFile source = dockerfile.source();
        if (!source.text().contains("ignore")) {
            return;
        }
        for (int line = 0; line < source.lineCount(); line++) {
            Matcher m = PRAGMA.matcher(source.lineText(line));
            if (m.find()) {
                int start = source.lineStart(line) + m.start(1);
                context.report(new TextRange(start, source.lineStart(line) + m.end(1)),
                        "Inline ignore comment: this project keeps its exceptions in the config file, so turn the"
                                + " rule off there or fix the finding.");
            }
        }
    }
}
