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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** VL501: a stage name with upper-case letters (BuildKit's StageNameCasing). */
public final class StageNameCasing implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL501", "stage-name-casing", Severity.NOTE,
            "A stage name (FROM image AS name) has upper-case letters.", Fixability.SAFE, "StageNameCasing");

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
        Word name = Checks.stageName(from);
        if (name == null || name.text().equals(Checks.lower(name.text()))) {
            return;
        }
        String lower = Checks.lower(name.text());
        List<Edit> edits = new ArrayList<>(List.of(new Edit(name.range(), lower)));
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        Checks.stageReferences(context.file(), dockerfile).getOrDefault(lower, List.of()).stream()
                .filter(range -> !range.equals(name.range())).forEach(range -> edits.add(new Edit(range, lower)));
        context.report(name.range(), "Stage name '" + name.text() + "' has upper-case letters. BuildKit"
                + " lower-cases stage names, so '" + name.text() + "' and '" + lower + "' are the same stage, and"
                + " mixed case makes the name look like an instruction keyword. Write it as '" + lower + "'.",
                Fix.safe("Rename the stage to '" + lower + "' everywhere in this file", edits.toArray(Edit[]::new)));
    }
}
