package dev.vlint.engine;

import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import java.util.List;

/** Walks every shell snippet of a file once, dispatching each command by the name it runs under. */
final class ShellWalker implements Walker<ShellVisitor> {
    @Override
    public Class<ShellVisitor> visitorType() {
        return ShellVisitor.class;
    }

    @Override
    public boolean walks(FileKind kind) {
        return kind == FileKind.DOCKERFILE || kind == FileKind.WORKFLOW || kind == FileKind.SHELL;
    }

    @Override
    public void walk(ProjectFile file, Visitors<ShellVisitor> visitors) {
        walk(ShellSnippets.of(file), visitors);
        List<Snippet> triggers = file.kind() == FileKind.DOCKERFILE ? ShellSnippets.ofOnbuildTriggers(file) : List.of();
        if (!triggers.isEmpty()) {
            Visitors<ShellVisitor> wanting = visitors.filter(ShellVisitor::visitsOnbuildTriggers);
            if (!wanting.isEmpty()) {
                walk(triggers, wanting);
            }
        }
    }

    private static void walk(List<Snippet> snippets, Visitors<ShellVisitor> visitors) {
        Visitors.ByKey<String, ShellVisitor> byName = visitors.byKey(ShellVisitor::commandNames);
        for (Snippet snippet : snippets) {
            visitors.each((visitor, context) -> visitor.snippet(snippet, context));
            for (SimpleCommand command : snippet.script().commands()) {
                byName.each(command.effective().commandName(),
                        (visitor, context) -> visitor.command(command, snippet, context));
            }
            visitors.each((visitor, context) -> visitor.endSnippet(snippet, context));
        }
    }
}
