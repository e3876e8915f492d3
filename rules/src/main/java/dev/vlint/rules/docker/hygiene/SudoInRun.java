package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import java.util.regex.Pattern;

/**
 * VL605 (hadolint DL3004): {@code sudo} in a RUN. Where no earlier RUN installs sudo, the step is
 * likely to fail ("sudo: not found": most base images lack it), a warning; where one does, sudo works
 * and is only redundant (RUN already runs as the USER, root by default), a note.
 */
public final class SudoInRun implements Rule, ShellVisitor {
    private static final RuleMeta META = Hygiene.meta("VL605", "DL3004", "sudo-in-run", Severity.WARNING,
            Fixability.NONE, "A RUN uses sudo, which is usually not installed and never needed: RUN runs as the"
                    + " current USER.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    /** A package install that names sudo ({@code apt-get install -y curl sudo}), within one command list. */
    private static final Pattern INSTALLS_SUDO = Pattern.compile(
            "\\b(?:install|add|in)\\b[^&|;]*?(?<![\\w/.$-])sudo(?![\\w.-])");

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        if (!Hygiene.dockerfileRun(snippet) || !"sudo".equals(command.commandName())) {
            return;
        }
        int at = command.name().range().start();
        int firstInstall = context.state(() -> firstSudoInstall(context));
        if (firstInstall >= 0 && firstInstall < at) {
            context.report(Severity.NOTE, command.name().range(), "sudo here is redundant: a RUN runs as the current"
                    + " USER (root unless a USER says otherwise), and sudo, installed earlier in this Dockerfile,"
                    + " needs a sudoers entry for any other user; switch with USER root before the step (and back"
                    + " after) instead.");
        } else {
            context.report(command.name().range(), "sudo is not installed by any RUN before this one, and most base"
                    + " images do not have it, so this step likely fails with \"sudo: not found\"; a RUN runs as"
                    + " the current USER, so switch with USER root before the step (and back after) instead.");
        }
    }

    /** The offset of the first RUN that installs sudo, -1 if none: computed once per file. */
    private static int firstSudoInstall(RuleContext context) {
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        if (dockerfile == null) {
            return -1;
        }
        for (Stage stage : dockerfile.stages()) {
            for (Instruction instruction : stage.instructions()) {
                if (instruction.is("RUN") && INSTALLS_SUDO.matcher(context.file().source().text())
                        .region(instruction.range().start(), instruction.range().end()).find()) {
                    return instruction.range().start();
                }
            }
        }
        return -1;
    }
}
