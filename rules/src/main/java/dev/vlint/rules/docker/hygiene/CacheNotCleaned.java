package dev.vlint.rules.docker.hygiene;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.Command;
import dev.vlint.shell.Connector;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of hadolint's "clean missing" rules for yum, dnf and zypper: an install in a RUN that
 * does not clean the package manager's cache after it (its clean command, an {@code rm} of the
 * cache folder), nor mounts a cache or tmpfs over it.
 */
abstract class CacheNotCleaned implements ShellVisitor {
    private final Set<String> names;
    private final Set<String> installVerbs;
    private final List<String> cleanVerbs;
    private final String cleanScope;
    private final List<String> cacheFolders;
    private final List<String> mountFragments;

    /**
     * @param cleanVerbs the clean subcommand and its aliases, the one to suggest first
     * @param cleanScope the word that must follow it ({@code all}), or null
     * @param cacheFolders folders whose removal counts as cleaning; the first is named in messages
     * @param mountFragments a cache or tmpfs mount whose target contains one of these keeps the cache out of the layer
     */
    CacheNotCleaned(Set<String> tools, Set<String> installVerbs, List<String> cleanVerbs, String cleanScope,
            List<String> cacheFolders, List<String> mountFragments) {
        Set<String> all = new HashSet<>(tools);
        all.add("rm");
        this.names = Set.copyOf(all);
        this.installVerbs = installVerbs;
        this.cleanVerbs = cleanVerbs;
        this.cleanScope = cleanScope;
        this.cacheFolders = cacheFolders;
        this.mountFragments = mountFragments;
    }

    /** The install waiting for a clean in the current snippet, per tool. */
    private static final class Pending {
        Word install;
        String tool;
    }

    @Override
    public Set<String> commandNames() {
        return names;
    }

    @Override
    public boolean visitsOnbuildTriggers() {
        return true;
    }

    @Override
    public void snippet(Snippet snippet, RuleContext context) {
        context.state(Pending::new).install = null;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        Pending pending = context.state(Pending::new);
        SimpleCommand run = command.effective();
        String name = run.commandName();
        if (name.equals("rm")) {
            boolean removes = Hygiene.operands(run, 0, Set.of()).stream().map(Word::literalValue)
                    .anyMatch(p -> p != null && cacheFolders.stream().anyMatch(p::startsWith));
            if (removes) {
                pending.install = null;
            }
            return;
        }
        int verb = Hygiene.verb(run, installVerbs);
        if (verb >= 0 && pending.install == null) {
            pending.install = run.args().get(verb);
            pending.tool = name;
        } else if (pending.install != null && name.equals(pending.tool) && cleans(run)) {
            pending.install = null;
        }
    }

    private boolean cleans(SimpleCommand run) {
        List<String> words = Hygiene.operands(run, 0, Set.of()).stream().map(Word::literalValue).toList();
        return !words.isEmpty() && cleanVerbs.contains(words.get(0))
                && (cleanScope == null || words.size() > 1 && cleanScope.equals(words.get(1)));
    }

    /**
     * The last command of a RUN that is one plain {@code a && b && c} list (no heredoc, no other
     * connector, only simple commands), where appending a clean changes nothing but the cache; else null.
     */
    private static Command plainAndListEnd(Snippet snippet) {
        List<Command> body = snippet.script().body();
        if (body.isEmpty() || !snippet.instruction().heredocs().isEmpty() || snippet.onbuildTrigger()) {
            return null;
        }
        for (int i = 0; i < body.size(); i++) {
            Command command = body.get(i);
            if (!(command instanceof SimpleCommand) || i > 0 && command.connector() != Connector.AND) {
                return null;
            }
        }
        return body.get(body.size() - 1);
    }

    @Override
    public void endSnippet(Snippet snippet, RuleContext context) {
        Pending pending = context.state(Pending::new);
        if (pending.install == null || !Hygiene.dockerfileRun(snippet)) {
            return;
        }
        for (String fragment : mountFragments) {
            if (Hygiene.cacheOrTmpfsMount(snippet.instruction(), fragment)) {
                return;
            }
        }
        String clean = pending.tool + " " + cleanVerbs.get(0) + (cleanScope == null ? "" : " " + cleanScope);
        String message = pending.tool + " " + pending.install.literalValue() + " leaves its package cache in the"
                + " image layer; end the same RUN with && " + clean + ", or mount a cache over " + cacheFolders.get(0)
                + ".";
        Command last = plainAndListEnd(snippet);
        if (last == null) {
            context.report(pending.install.range(), message);
        } else {
            context.report(pending.install.range(), message,
                    Fix.safe("End the RUN with && " + clean, Edit.insert(last.range().end(), " && " + clean)));
        }
    }
}
