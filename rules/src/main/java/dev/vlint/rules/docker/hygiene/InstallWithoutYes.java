package dev.vlint.rules.docker.hygiene;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.Set;

/**
 * The shape of hadolint's "-y missing" rules for yum, dnf and zypper: a package manager's install
 * subcommand without the option that answers its confirmation prompt, which a build cannot answer.
 */
abstract class InstallWithoutYes implements ShellVisitor {
    private final Set<String> tools;
    private final Set<String> verbs;
    private final Set<String> yesLong;
    private final String yesShort;
    private final Set<String> fixableVerbs;

    InstallWithoutYes(Set<String> tools, Set<String> verbs, Set<String> yesLong, String yesShort,
            Set<String> fixableVerbs) {
        this.tools = tools;
        this.verbs = verbs;
        this.yesLong = yesLong;
        this.yesShort = yesShort;
        this.fixableVerbs = fixableVerbs;
    }

    @Override
    public Set<String> commandNames() {
        return tools;
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand run = command.effective();
        int i = Hygiene.verb(run, verbs);
        if (!Hygiene.dockerfileRun(snippet) || i < 0 || Hygiene.hasOption(run, yesLong, yesShort)) {
            return;
        }
        Word verb = run.args().get(i);
        String tool = run.commandName();
        String message = tool + " " + verb.literalValue() + " without -y asks \"Is this ok [y/N]\", gets no answer in"
                + " a build and stops; add -y.";
        if (fixableVerbs.contains(verb.literalValue())) {
            context.report(verb.range(), message, Fix.safe("Add -y", Edit.insert(verb.range().end(), " -y")));
        } else {
            context.report(verb.range(), message);
        }
    }
}
