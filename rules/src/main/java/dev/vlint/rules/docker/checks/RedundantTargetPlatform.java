package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * VL517: {@code FROM --platform=$TARGETPLATFORM}, which is what FROM does anyway (BuildKit's
 * RedundantTargetPlatform, hadolint's DL3065).
 */
public final class RedundantTargetPlatform implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL517", "redundant-target-platform", Severity.NOTE,
            "FROM --platform=$TARGETPLATFORM is redundant: FROM uses the target platform by default.",
            Fixability.SAFE, "RedundantTargetPlatform", "DL3065");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction from, Stage stage, RuleContext context) {
        Optional<Flag> platform = from.flag("platform");
        if (platform.isEmpty() || platform.get().value().isEmpty()) {
            return;
        }
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        String value = platform.get().value().get();
        Set<String> names = Checks.references(value, dockerfile.escapeChar(), true).stream()
                .map(Checks.Reference::name).collect(Collectors.toSet());
        FromArgs args = context.state(() -> FromArgs.of(dockerfile));
        if (!names.equals(Set.of("TARGETPLATFORM")) || !args.expand(value).equals(args.value("TARGETPLATFORM"))) {
            return;
        }
        TextRange flag = platform.get().range();
        String text = context.file().source().text();
        int end = flag.end();
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        context.report(platform.get().valueRange().orElse(flag), "--platform=" + value + " is redundant: FROM"
                + " pulls the image for the target platform by default. Remove the flag.",
                Fix.safe("Remove --platform=" + value, Edit.delete(new TextRange(flag.start(), end))));
    }
}
