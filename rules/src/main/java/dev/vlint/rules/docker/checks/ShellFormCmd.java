package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL507: CMD or ENTRYPOINT in shell form (BuildKit's JSONArgsRecommended, hadolint's DL3025). As in
 * BuildKit, a stage that set SHELL (itself or a stage it builds on) chose the shell on purpose and
 * is not reported.
 */
public final class ShellFormCmd implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL507", "shell-form-cmd", Severity.NOTE,
            "CMD or ENTRYPOINT in shell form: the program runs under /bin/sh -c and does not receive stop"
                    + " signals.", Fixability.UNSAFE, "JSONArgsRecommended", "DL3025");
    /** A word the fix may put in a JSON array unchanged: nothing the shell would interpret. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:,+@%=-]+");
    /** {@code ['python', 'app.py']}: meant as JSON, written with single quotes. */
    private static final Pattern SINGLE_QUOTED_ARRAY = Pattern.compile(
            "\\[\\s*'[^'\"\\\\]*'(\\s*,\\s*'[^'\"\\\\]*')*\\s*\\]");
    private static final Set<String> SHELL_ONLY = Set.of(".", ":", "cd", "exec", "export", "source", "set", "eval",
            "ulimit", "umask", "trap", "wait", "alias", "unset", "shift", "exit", "readonly", "local", "if", "for",
            "while", "until", "case", "function", "time", "!", "{", "[[");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("SHELL", "CMD", "ENTRYPOINT");
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
        BitSet withShell = context.state(BitSet::new);
        if (instruction.is("SHELL")) {
            withShell.set(stage.index());
            return;
        }
        if (instruction.jsonForm() || instruction.shellText().isEmpty() || hasShell(stage, withShell, context)) {
            return;
        }
        MappedText command = instruction.shellText().get();
        TextRange range = command.fileRange(0, command.length());
        String message = instruction.keyword() + " in shell form runs under /bin/sh -c, so the shell is PID 1 and"
                + " the program does not receive SIGTERM on docker stop (it is killed after the timeout). Use the"
                + " JSON form, e.g. " + instruction.keyword() + " [\"program\", \"arg\"], or set SHELL if the"
                + " shell is intended.";
        if (SINGLE_QUOTED_ARRAY.matcher(command.text().strip()).matches()) {
            message = instruction.keyword() + " " + command.text().strip() + " is not JSON (JSON strings take double"
                    + " quotes), so it runs in shell form as /bin/sh -c \"" + command.text().strip() + "\", which"
                    + " fails: there is no such command. Write the array with double quotes.";
        }
        String json = json(command, range);
        if (json == null) {
            context.report(range, message);
        } else {
            context.report(range, message, Fix.unsafe("Write " + instruction.keyword() + " in JSON form",
                    new Edit(range, json)));
        }
    }

    private static boolean hasShell(Stage stage, BitSet withShell, RuleContext context) {
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        for (Stage s = stage; s != null; s = s.baseStage() >= 0 ? dockerfile.stages().get(s.baseStage()) : null) {
            if (withShell.get(s.index())) {
                return true;
            }
        }
        return false;
    }

    /** The JSON array that runs exactly this command without a shell, or null when the command needs one. */
    private static String json(MappedText command, TextRange range) {
        if (range.length() != command.length()) {
            return null; // spans continuation lines
        }
        if (SINGLE_QUOTED_ARRAY.matcher(command.text().strip()).matches()) {
            return command.text().strip().replace('\'', '"');
        }
        String[] words = command.text().strip().split("[ \\t]+");
        if (words.length == 0 || SHELL_ONLY.contains(words[0]) || words[0].contains("=")) {
            return null;
        }
        StringBuilder json = new StringBuilder("[");
        for (String word : words) {
            if (!PLAIN_WORD.matcher(word).matches()) {
                return null;
            }
            json.append(json.length() > 1 ? ", " : "").append('"').append(word).append('"');
        }
        return json.append(']').toString();
    }
}
