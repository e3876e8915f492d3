package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL518: an ARG or ENV whose name says it holds a secret ({@code PASSWORD}, {@code API_KEY},
 * {@code GITHUB_TOKEN}), BuildKit's SecretsUsedInArgOrEnv and hadolint's DL3064. Same word lists as
 * BuildKit: a name part {@code public}, {@code file} or {@code version} clears it. As in BuildKit,
 * ARGs before the first FROM are not checked. Unlike BuildKit, a name set to a switch value
 * ({@code true}, {@code 0}, ...) is not reported: {@code SCCACHE_S3_NO_CREDENTIALS=0} holds no secret.
 */
public final class SecretsUsedInArgOrEnv implements Rule, DockerfileVisitor {
    private static final RuleMeta META = new RuleMeta("VL518", "secrets-used-in-arg-or-env", Severity.WARNING,
            "An ARG or ENV name says it holds a secret; build arguments and environment variables stay in the"
                    + " image.", Fixability.NONE, Set.of(dev.vlint.project.FileKind.DOCKERFILE),
            java.util.List.of("docker", "buildkit", "security"), java.util.List.of("SecretsUsedInArgOrEnv", "DL3064"));
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final Pattern ALLOWED = Pattern.compile("(?i)(?:_|^)(?:public|file|version)(?:_|$)");

    /** A value that is a switch, not a secret ({@code NO_CREDENTIALS=0}, {@code DISABLE_TOKEN_AUTH=true}). */
    private static final Pattern SWITCH = Pattern.compile("(?i)[\"']?(true|false|yes|no|on|off|0|1)[\"']?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("ARG", "ENV");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        if (stage == null) {
            return;
        }
        if (instruction.is("ENV")) {
            instruction.keyValues().forEach(pair -> check(context, "ENV", pair.key().text(), pair.value().text(),
                    pair.key()));
        } else {
            for (Word word : instruction.args()) {
                int eq = word.text().indexOf('=');
                String name = eq < 0 ? word.text() : word.text().substring(0, eq);
                check(context, "ARG", name, eq < 0 ? null : word.text().substring(eq + 1), word);
            }
        }
    }

    private static boolean isSwitch(String value) {
        return value != null && SWITCH.matcher(value).matches();
    }

    private static void check(RuleContext context, String keyword, String name, String value, Word word) {
        if (!SECRET.matcher(name).find() || ALLOWED.matcher(name).find() || isSwitch(value)) {
            return;
        }
        TextRange range = Checks.within(word, 0, name.length());
        if (keyword.equals("ARG") && (value == null || value.replaceAll("[\"']", "").isEmpty())) {
            // Whether a build passes a real secret here is not known: possible, a note.
            context.report(Severity.NOTE, range, "ARG " + name + " looks like a secret. A value passed with"
                    + " --build-arg stays in the image's build history (in every RUN that sees it) for anyone who"
                    + " pulls it. Pass secrets with RUN --mount=type=secret,id=...,env=" + name + " instead.");
            return;
        }
        context.report(range, keyword + " " + name + " looks like a secret, and this " + keyword + " gives it a value."
                + " ARG and ENV values are kept in the image (its config or build history) for anyone who pulls"
                + " it. Pass secrets with RUN --mount=type=secret,id=...,env=" + name + " instead.");
    }
}
