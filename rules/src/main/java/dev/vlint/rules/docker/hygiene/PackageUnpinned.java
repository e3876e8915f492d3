package dev.vlint.rules.docker.hygiene;

import dev.vlint.rule.RuleContext;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape of hadolint's version-pinning rules: each package a package manager's install names
 * without a version is reported at its word. Packages held in variables are resolved with the
 * values the Dockerfile gives them; one whose value is unknown is not reported. Pinning is noisy by
 * nature (registries drop old versions), so these rules report notes where hadolint warns.
 */
abstract class PackageUnpinned implements ShellVisitor {
    private final Set<String> tools;

    PackageUnpinned(Set<String> tools) {
        this.tools = tools;
    }

    /** The package words of {@code run} (its wrappers peeled off), empty when it installs nothing. */
    abstract List<Word> packages(SimpleCommand run);

    /** Whether {@code pkg} (its value) names a version, or is a file, path or URL. */
    abstract boolean pinned(String pkg);

    /** How to pin {@code pkg}, for the message. */
    abstract String howToPin(String pkg);

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
        if (!Hygiene.dockerfileRun(snippet)) {
            return;
        }
        Function<String, String> variables = snippet.variablesAt(command);
        for (Word pkg : packages(command.effective())) {
            String value = pkg.value(variables);
            if (value != null && !value.isEmpty() && !pinned(value)) {
                context.report(pkg.range(), "Package " + value + " has no version, so each build installs whatever"
                        + " is newest that day; pin it (" + howToPin(value) + ") if builds must be repeatable.");
            }
        }
    }
}
