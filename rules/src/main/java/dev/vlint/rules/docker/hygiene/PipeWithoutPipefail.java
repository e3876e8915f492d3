package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.RunShell;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.Command;
import dev.vlint.shell.Connector;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VL660 (hadolint DL4006): a RUN with a pipe while the shell does not run with {@code -o pipefail}
 * (set by SHELL, or by {@code set -o pipefail} in the script before the pipe): a failure on the
 * left of the pipe does not fail the build.
 */
public final class PipeWithoutPipefail implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL660", "DL4006", "pipe-without-pipefail", Severity.NOTE,
            Fixability.NONE, "A RUN pipes commands without pipefail, so a failing command before the | does not"
                    + " fail the build.");
    private static final Set<String> PIPEFAIL_SHELLS = Set.of("bash", "zsh", "ash", "ksh");

    /** The first pipe of the current snippet and where the script turns pipefail on. */
    private static final class Current {
        Command pipe;
        int pipefailAt = -1;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("set");
    }

    @Override
    public void snippet(Snippet snippet, RuleContext context) {
        Current current = context.state(Current::new);
        current.pipe = Hygiene.dockerfileRun(snippet) ? firstPipe(snippet.script().body()) : null;
        current.pipefailAt = -1;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        Current current = context.state(Current::new);
        List<Word> args = command.effective().args();
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i - 1).literalValue();
            if ("pipefail".equals(args.get(i).literalValue()) && option != null && option.matches("-[a-z]*o")
                    && current.pipefailAt < 0) {
                current.pipefailAt = command.range().start();
            }
        }
    }

    @Override
    public void endSnippet(Snippet snippet, RuleContext context) {
        Current current = context.state(Current::new);
        if (current.pipe == null || current.pipefailAt >= 0 && current.pipefailAt < current.pipe.range().start()
                || shellHasPipefail(RunShell.of(context.file(), snippet.instruction()))) {
            return;
        }
        context.report(pipeAt(context, current.pipe), "Without pipefail the shell takes the exit status of the last"
                + " command of a pipe only, so a failure before this | (a download that fails, say) still lets"
                + " the build succeed; put SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN, or"
                + " start the script with set -o pipefail on a shell that has it.");
    }

    static boolean shellHasPipefail(List<String> shell) {
        if (shell.isEmpty()) {
            return false;
        }
        String program = shell.get(0).substring(shell.get(0).lastIndexOf('/') + 1);
        if (!PIPEFAIL_SHELLS.contains(program)) {
            return false;
        }
        for (int i = 1; i < shell.size(); i++) {
            if (shell.get(i).equals("pipefail") && shell.get(i - 1).matches("-[a-z]*o")) {
                return true;
            }
        }
        return false;
    }

    // Conditions (if, while) are not searched: there the pipe's status is the test, and pipefail
    // would turn `producer | grep -q x` false when grep stops reading early.

    /** The {@code |} before {@code piped}, found by stepping back over blanks and line continuations. */
    private static TextRange pipeAt(RuleContext context, Command piped) {
        String text = context.file().source().text();
        for (int i = piped.range().start() - 1; i >= 0 && piped.range().start() - i < 200; i--) {
            char c = text.charAt(i);
            if (c == '|') {
                return new TextRange(i, i + 1);
            }
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\' && c != '&') {
                break;
            }
        }
        return piped.range();
    }

    private static Command firstPipe(List<Command> commands) {
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            // `yes | cmd` ends by SIGPIPE: pipefail would fail it, so it is no finding.
            if (command.connector() == Connector.PIPE && !(i > 0 && commands.get(i - 1) instanceof SimpleCommand left
                    && "yes".equals(left.commandName()))) {
                return command;
            }
            Command nested = firstPipe(children(command));
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static List<Command> children(Command command) {
        if (command instanceof Command.Subshell s) {
            return s.body();
        } else if (command instanceof Command.BraceGroup g) {
            return g.body();
        } else if (command instanceof Command.IfCommand c) {
            List<Command> all = new ArrayList<>();
            c.branches().forEach(b -> all.addAll(b.body()));
            all.addAll(c.elseBody());
            return all;
        } else if (command instanceof Command.ForCommand f) {
            return f.body();
        } else if (command instanceof Command.WhileCommand w) {
            return w.body();
        } else if (command instanceof Command.CaseCommand c) {
            return c.items().stream().flatMap(i -> i.body().stream()).toList();
        } else if (command instanceof Command.FunctionDef f && f.body() != null) {
            return List.of(f.body());
        }
        return List.of();
    }
}
