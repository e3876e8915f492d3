package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL620 (hadolint DL3022): {@code COPY --from=NAME} where NAME is no stage defined before the
 * COPY: BuildKit then pulls an image of that name, and a stage defined later only works with
 * BuildKit. Names that look like image references (with a registry, path, tag or digest) are images.
 */
public final class CopyFromUnknownStage implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL620", "DL3022", "copy-from-unknown-stage", Severity.WARNING,
            Fixability.NONE, "COPY --from names no stage defined before it, so it is read as an image to pull.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("COPY");
    }

    @Override
    public void instruction(Instruction copy, Stage stage, RuleContext context) {
        Optional<Flag> from = copy.flag("from");
        if (stage == null || from.isEmpty() || from.get().valueRange().isEmpty()
                || Hygiene.isTrigger(copy, stage)) {
            return;
        }
        String value = stage.scopeAt(copy).expand(from.get().value().orElse(""));
        if (value.isEmpty() || value.contains("$") || value.contains(":") || value.contains("/")
                || value.contains("@")) {
            return;
        }
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        if (value.matches("\\d+")) {
            if (Integer.parseInt(value) > stage.index()) {
                context.report(from.get().valueRange().get(), "--from=" + value + " refers to stage number " + value
                        + ", but only stages 0 to " + stage.index() + " are defined at this point; name the stage"
                        + " (FROM ... AS name) and copy from that name.");
            }
            return;
        }
        Optional<Stage> named = dockerfile.stage(value);
        if (named.isPresent() && named.get().index() <= stage.index() || named.isEmpty() && namedContext(context,
                value)) {
            return;
        }
        String message = named.isPresent()
                ? "Stage " + value + " is defined after this COPY: BuildKit accepts it, but the classic builder"
                        + " pulls an image named " + value
                                + " instead; move the stage above the stage that copies from it."
                : "No stage is named " + value + ", so this copies from the image docker.io/library/"
                        + value.toLowerCase(Locale.ROOT)
                        + ":latest; if a stage was meant, check its name (FROM ... AS " + value + "), else write the"
                        + " image with a tag.";
        context.report(from.get().valueRange().get(), message);
    }

    /**
     * Whether the project passes a build context of that name: a {@code contexts} entry of a bake
     * file or a {@code --build-context NAME=} option in a workflow or script.
     */
    private static boolean namedContext(RuleContext context, String name) {
        Pattern bakeEntry = Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(name) + "\"?\\s*=");
        String option = "--build-context " + name + "=";
        for (ProjectFile file : context.project().files()) {
            String text = file.source().text();
            if (file.path().endsWith(".hcl") && text.contains("contexts") && bakeEntry.matcher(text).find()
                    || (file.kind() == FileKind.WORKFLOW || file.kind() == FileKind.SHELL) && text.contains(option)) {
                return true;
            }
        }
        return false;
    }
}
