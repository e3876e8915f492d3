package dev.vlint.rules.docker.checks;

import dev.vlint.buildmodel.BuildInvocation;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.kb.BaseImages;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * VL516: a build targets a platform the stage's base image is not published for (BuildKit's
 * InvalidBaseImagePlatform). BuildKit learns the image's platform from the registry; statically,
 * the knowledge base knows a few images that exist for one platform only (pytorch/pytorch is
 * amd64 only), and the build model knows the platforms a workflow or bake file builds for.
 */
public final class InvalidBaseImagePlatform implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL516", "invalid-base-image-platform", Severity.WARNING,
            "A build targets a platform the stage's base image is not published for.", Fixability.NONE,
            "InvalidBaseImagePlatform");

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
        if (stage == null || stage.baseStage() >= 0 || from.args().isEmpty() || from.flag("platform").isPresent()) {
            return;
        }
        Optional<Set<String>> only = KnowledgeBase.bundled().images().repoFacts(stage.expandedBaseImage())
                .flatMap(BaseImages.RepoFacts::platforms);
        if (only.isEmpty()) {
            return;
        }
        for (BuildInvocation build : BuildModel.of(context.project()).buildsOf(context.file().path())) {
            if (!build.platformsKnown()) {
                continue;
            }
            for (String platform : build.platforms()) {
                String osArch = osArch(platform);
                if (only.get().stream().map(InvalidBaseImagePlatform::osArch).noneMatch(osArch::equals)) {
                    context.report(context.finding(META.severity(), from.args().get(0).range(), stage.expandedBaseImage()
                            + " is published for " + String.join(", ", only.get()) + " only, but "
                            + build.where() + " builds this Dockerfile for " + platform + ": BuildKit either finds"
                            + " no image for " + platform + " or runs the " + String.join(", ", only.get())
                            + " image instead. Use a base image that exists for " + platform + ", or leave "
                            + platform + " out of the build.", List.of(new RelatedLocation(build.file(), build.range(),
                            "builds for " + platform)), List.of()));
                    return;
                }
            }
        }
    }

    /** {@code linux/arm64/v8} as {@code linux/arm64}. */
    private static String osArch(String platform) {
        String[] parts = platform.strip().toLowerCase(java.util.Locale.ROOT).split("/");
        return parts.length >= 2 ? parts[0] + "/" + parts[1] : parts[0];
    }
}
