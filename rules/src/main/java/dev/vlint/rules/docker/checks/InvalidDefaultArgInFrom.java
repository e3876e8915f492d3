package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL519: with the global ARGs' defaults (no {@code --build-arg}), a FROM image expands to an empty
 * or invalid reference (BuildKit's InvalidDefaultArgInFrom).
 */
public final class InvalidDefaultArgInFrom implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL519", "invalid-default-arg-in-from", Severity.NOTE,
            "A FROM image built from ARGs is empty or invalid when the ARGs keep their defaults.", Fixability.NONE,
            "InvalidDefaultArgInFrom");

    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?");
    private static final String PATH_PART = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    /** The path, tag and digest of a reference (docker/distribution's grammar). */
    private static final Pattern REMAINDER = Pattern.compile(PATH_PART + "(?:/" + PATH_PART + ")*"
            + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*"
            + ":[0-9a-fA-F]{32,})?");

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
        if (from.args().isEmpty() || from.args().get(0).text().indexOf('$') < 0) {
            return;
        }
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        FromArgs args = context.state(() -> FromArgs.of(dockerfile));
        Word image = from.args().get(0);
        String expanded = args.expand(image.text());
        if (!isValidReference(expanded)) {
            context.report(image.range(), "With the defaults of its ARGs, '" + image.text() + "' becomes "
                    + (expanded.isEmpty() ? "an empty image name" : "'" + expanded + "', not a valid image reference")
                    + ", so the build fails unless every build passes --build-arg. Give the ARG a default that"
                    + " makes a valid image, or use ${VAR:-default}.");
        }
    }

    /** Whether docker/distribution's ParseNormalizedNamed accepts the reference. */
    static boolean isValidReference(String ref) {
        if (ref.isEmpty()) {
            return false;
        }
        int slash = ref.indexOf('/');
        if (slash > 0) {
            String first = ref.substring(0, slash);
            boolean domain = first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(Checks.lower(first));
            if (domain) {
                return DOMAIN.matcher(first).matches() && REMAINDER.matcher(ref.substring(slash + 1)).matches();
            }
        }
        return REMAINDER.matcher(ref).matches();
    }
}
