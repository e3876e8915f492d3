package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Set;

/** VL607 (hadolint DL3007): FROM an image tagged {@code latest} without a digest. */
public final class BaseImageLatest implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL607", "DL3007", "base-image-latest", Severity.NOTE,
            Fixability.NONE,
                    "FROM uses the :latest tag, which moves: the same Dockerfile builds on a different base later.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM");
    }

    @Override
    public void instruction(Instruction from, Stage stage, RuleContext context) {
        if (stage == null || stage.from() != from || stage.baseStage() >= 0 || from.args().isEmpty()) {
            return;
        }
        // An image named by a build argument is the build's choice; its default is often a placeholder.
        String image = stage.baseImage().contains("$") ? "" : stage.expandedBaseImage();
        if (image.isEmpty()) {
            return;
        }
        ImageRef ref = ImageRef.parse(image);
        if ("latest".equals(ref.tag()) && ref.digest() == null) {
            context.report(from.args().get(0).range(), "Image " + image + " uses the :latest tag, which points to a"
                    + " new image whenever one is pushed; pin a release tag (or add a digest) so rebuilds get the"
                    + " same base.");
        }
    }
}
