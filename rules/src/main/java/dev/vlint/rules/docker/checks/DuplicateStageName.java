package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** VL505: two stages with the same name (BuildKit's DuplicateStageName, hadolint's DL3024). */
public final class DuplicateStageName implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL505", "duplicate-stage-name", Severity.WARNING,
            "Two stages of a Dockerfile have the same name.", Fixability.NONE, "DuplicateStageName", "DL3024");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Dockerfile dockerfile, RuleContext context) {
        Map<String, Word> first = new HashMap<>();
        for (Stage stage : dockerfile.stages()) {
            Word name = Checks.stageName(stage.from());
            if (name == null) {
                continue;
            }
            Word earlier = first.putIfAbsent(stage.name(), name);
            if (earlier != null) {
                context.report(context.finding(META.severity(), name.range(), "Stage name '" + stage.name()
                        + "' is already used by an earlier stage. COPY --from and --target then mean the last"
                        + " stage of that name, even for a COPY written before it; give each stage its own name.",
                        List.of(new RelatedLocation(context.file().source(), earlier.range(), "first stage named '"
                                + stage.name() + "'")), List.of()));
            }
        }
    }
}
