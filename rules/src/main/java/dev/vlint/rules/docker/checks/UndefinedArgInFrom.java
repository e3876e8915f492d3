package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.Optional;
import java.util.Set;

/**
 * VL509: a FROM (image or {@code --platform}) uses a variable that no global ARG declares and that
 * is not one of BuildKit's automatic platform arguments (BuildKit's UndefinedArgInFrom).
 */
public final class UndefinedArgInFrom implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL509", "undefined-arg-in-from", Severity.WARNING,
            "A FROM uses a variable that no ARG before the first FROM declares.", Fixability.NONE,
            "UndefinedArgInFrom");

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
        if (from.args().isEmpty()) {
            return;
        }
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        FromArgs args = context.state(() -> FromArgs.of(dockerfile));
        Word image = from.args().get(0);
        for (Checks.Reference ref : Checks.references(image.text(), dockerfile.escapeChar(), true)) {
            report(context, args, ref.name(), Checks.within(image, ref.start(), ref.end()));
        }
        Optional<Flag> platform = from.flag("platform");
        if (platform.isPresent() && platform.get().value().isPresent()) {
            var value = platform.get().valueText();
            for (Checks.Reference ref : Checks.references(value.text(), dockerfile.escapeChar(), true)) {
                report(context, args, ref.name(), value.fileRange(ref.start(), ref.end()));
            }
        }
    }

    private static void report(RuleContext context, FromArgs args, String name, TextRange range) {
        if (args.isDeclared(name)) {
            return;
        }
        String suggestion = Checks.suggest(name, args.declaredNames());
        context.report(range, "FROM uses '" + name + "', which no ARG before the first FROM declares, so it"
                + " expands to nothing" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                + ". Declare it with ARG " + name + "=<default> before the first FROM.");
    }
}
