package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.CheckDirective;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VL522: the comment right above an ARG or a named FROM does not start with the ARG's or stage's
 * name, so {@code docker build --call=outline} shows no description for it (BuildKit's
 * experimental InvalidDefinitionDescription). Experimental in BuildKit, so it reports only when
 * enabled: {@code # check=experimental=InvalidDefinitionDescription}, or the rule named in the
 * configuration.
 */
public final class InvalidDefinitionDescription implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL522", "invalid-definition-description", Severity.NOTE,
            "The comment above an ARG or a named stage does not start with its name, so it is not its"
                    + " description (experimental: off unless enabled).", Fixability.NONE,
            "InvalidDefinitionDescription");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("ARG", "FROM");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        List<String> keys = new ArrayList<>();
        if (instruction.is("FROM")) {
            Word name = Checks.stageName(instruction);
            if (name != null) {
                keys.add(Checks.lower(name.text()));
            }
        } else {
            for (Word word : instruction.args()) {
                int eq = word.text().indexOf('=');
                keys.add(eq < 0 ? word.text() : word.text().substring(0, eq));
            }
        }
        List<CheckDirective.Comment> comments = CheckDirective.of(context.file()).comments(instruction);
        if (keys.isEmpty() || comments.isEmpty()) {
            return;
        }
        CheckDirective.Comment last = comments.get(comments.size() - 1);
        String firstWord = last.text().split(" ", -1)[0];
        if (!keys.contains(firstWord)) {
            String example = keys.size() == 1 ? keys.get(0) : "<arg_key>";
            context.report(last.range(), "This comment is right above " + instruction.keyword() + ", so build"
                    + " tools read it as the description of " + (keys.size() == 1 ? "'" + keys.get(0) + "'" : "its"
                    + " ARGs") + ", but it does not start with the name. Write '# " + example + " <description>',"
                    + " or put a blank comment line (#) between the comment and the instruction.");
        }
    }
}
