package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.MountOption;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * VL622 (hadolint DL3026): an image from a registry that is not in the configured trusted list
 * (FROM, {@code COPY --from=image}, {@code RUN --mount=from=image}). Silent without a list.
 */
public final class UntrustedRegistry implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL622", "DL3026", "untrusted-registry", Severity.WARNING,
            Fixability.NONE, "An image comes from a registry outside the configured trusted registries.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM", "COPY", "RUN");
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        List<String> trusted = context.config().images().trustedRegistries();
        if (trusted.isEmpty() || stage == null) {
            return;
        }
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        if (instruction.is("FROM")) {
            if (stage.from() == instruction && stage.baseStage() < 0 && !instruction.args().isEmpty()) {
                check(stage.expandedBaseImage(), instruction.args().get(0).range(), trusted, context);
            }
        } else if (instruction.is("COPY")) {
            Optional<Flag> from = instruction.flag("from");
            if (from.isPresent() && from.get().valueRange().isPresent()) {
                String value = from.get().value().orElse("");
                if (dockerfile.stage(value).isEmpty() && !value.matches("\\d+")) {
                    check(value, from.get().valueRange().get(), trusted, context);
                }
            }
        } else {
            for (RunMount mount : instruction.mounts()) {
                Optional<MountOption> from = mount.option("from");
                if (from.isPresent() && dockerfile.stage(from.get().value()).isEmpty()
                        && !from.get().value().matches("\\d+")) {
                    check(from.get().value(), from.get().valueRange(), trusted, context);
                }
            }
        }
    }

    private static void check(String image, TextRange at, List<String> trusted, RuleContext context) {
        if (image.isEmpty() || image.contains("$")) {
            return;
        }
        ImageRef ref = ImageRef.parse(image);
        if (ref.isScratch()) {
            return;
        }
        boolean allowed = ref.registry() == null
                ? trusted.stream().anyMatch(t -> matches(t, "docker.io") || matches(t, "hub.docker.com"))
                : trusted.stream().anyMatch(t -> matches(t, ref.registry()));
        if (!allowed) {
            String registry = ref.registry() == null ? "docker.io (Docker Hub)" : ref.registry();
            context.report(at, "Image " + image + " comes from " + registry + ", which is not one of the trusted"
                    + " registries (" + String.join(", ", trusted) + "); use an image from a trusted registry or add"
                    + " this one to the list.");
        }
    }

    /** hadolint's registry patterns: {@code *} alone, {@code *.suffix}, {@code prefix*} or the exact name. */
    static boolean matches(String pattern, String registry) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return registry.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return registry.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return registry.equals(pattern);
    }
}
