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

/** VL606 (hadolint DL3006): FROM an image without a tag or digest. */
public final class BaseImageUntagged implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL606", "DL3006", "base-image-untagged", Severity.NOTE,
            Fixability.NONE,
                    "FROM names an image without a tag or digest, so the build takes whatever :latest is that day.");

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
        if (image.isEmpty() || image.contains("$")) {
            return;
        }
        ImageRef ref = ImageRef.parse(image);
        if (ref.tag() == null && ref.digest() == null && !ref.isScratch()) {
            context.report(from.args().get(0).range(), "Image " + image + " has no tag, so every build may get a"
                    + " different image (whatever :latest points to then); pin a tag such as " + image
                    + ":<version>, or a digest.");
        }
    }
}
