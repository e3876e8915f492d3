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
import java.util.Set;

/**
 * VL502: {@code FROM x as y} or {@code from x AS y} (BuildKit's FromAsCasing). Only for a FROM
 * keyword written all upper or all lower case; a mixed-case keyword is VL504's.
 */
public final class FromAsCasing implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL502", "from-as-casing", Severity.NOTE,
            "The AS keyword of a FROM is not written in the same case as FROM.", Fixability.SAFE, "FromAsCasing");

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
        Word as = Checks.asKeyword(from);
        if (as == null) {
            return;
        }
        String keyword = context.file().source().slice(from.keywordRange());
        String wanted;
        if (keyword.equals(Checks.upper(keyword))) {
            wanted = "AS";
        } else if (keyword.equals(Checks.lower(keyword))) {
            wanted = "as";
        } else {
            return;
        }
        if (!as.text().equals(wanted)) {
            context.report(as.range(), "'" + as.text() + "' is not written in the case of '" + keyword
                    + "'. Mixed keyword casing is harder to read; write '" + wanted + "'.",
                    Fix.safe("Write '" + wanted + "'", new Edit(as.range(), wanted)));
        }
    }
}
