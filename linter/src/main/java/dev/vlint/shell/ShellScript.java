package dev.vlint.shell;

import dev.vlint.shell.Command.BraceGroup;
import dev.vlint.shell.Command.CaseCommand;
import dev.vlint.shell.Command.CaseItem;
import dev.vlint.shell.Command.ForCommand;
import dev.vlint.shell.Command.FunctionDef;
import dev.vlint.shell.Command.IfBranch;
import dev.vlint.shell.Command.IfCommand;
import dev.vlint.shell.Command.Subshell;
import dev.vlint.shell.Command.WhileCommand;
import dev.vlint.shell.WordPart.CommandSubstitution;
import dev.vlint.shell.WordPart.DoubleQuoted;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A parsed piece of shell: the top-level command list and every comment. */
public record ShellScript(List<Command> body, List<Comment> comments, TextRange range) {
    public ShellScript {
        body = List.copyOf(body);
        comments = List.copyOf(comments);
    }

    /**
     * Every simple command in source order, including those inside compound commands,
     * function bodies and command substitutions.
     */
    public List<SimpleCommand> commands() {
        List<SimpleCommand> out = new ArrayList<>();
        collect(body, out);
        out.sort(Comparator.comparingInt(c -> c.range().start()));
        return out;
    }

    private static void collect(List<Command> commands, List<SimpleCommand> out) {
        for (Command command : commands) {
            collect(command, out);
        }
    }

    private static void collect(Command command, List<SimpleCommand> out) {
        if (command instanceof SimpleCommand simple) {
            out.add(simple);
            simple.assignments().forEach(a -> collectWord(a.value(), out));
            simple.words().forEach(w -> collectWord(w, out));
            collectRedirections(simple.redirections(), out);
        } else if (command instanceof Subshell sub) {
            collect(sub.body(), out);
            collectRedirections(sub.redirections(), out);
        } else if (command instanceof BraceGroup group) {
            collect(group.body(), out);
            collectRedirections(group.redirections(), out);
        } else if (command instanceof IfCommand ifCommand) {
            for (IfBranch branch : ifCommand.branches()) {
                collect(branch.condition(), out);
                collect(branch.body(), out);
            }
            collect(ifCommand.elseBody(), out);
            collectRedirections(ifCommand.redirections(), out);
        } else if (command instanceof ForCommand loop) {
            if (loop.items() != null) {
                loop.items().forEach(w -> collectWord(w, out));
            }
            collect(loop.body(), out);
            collectRedirections(loop.redirections(), out);
        } else if (command instanceof WhileCommand loop) {
            collect(loop.condition(), out);
            collect(loop.body(), out);
            collectRedirections(loop.redirections(), out);
        } else if (command instanceof CaseCommand caseCommand) {
            if (caseCommand.subject() != null) {
                collectWord(caseCommand.subject(), out);
            }
            for (CaseItem item : caseCommand.items()) {
                item.patterns().forEach(w -> collectWord(w, out));
                collect(item.body(), out);
            }
            collectRedirections(caseCommand.redirections(), out);
        } else if (command instanceof FunctionDef function && function.body() != null) {
            collect(function.body(), out);
        }
    }

    private static void collectRedirections(List<Redirection> redirections, List<SimpleCommand> out) {
        for (Redirection redirection : redirections) {
            if (redirection.target() != null) {
                collectWord(redirection.target(), out);
            }
        }
    }

    private static void collectWord(Word word, List<SimpleCommand> out) {
        collectParts(word.parts(), out);
    }

    private static void collectParts(List<WordPart> parts, List<SimpleCommand> out) {
        for (WordPart part : parts) {
            if (part instanceof CommandSubstitution substitution) {
                collect(substitution.body(), out);
            } else if (part instanceof DoubleQuoted quoted) {
                collectParts(quoted.parts(), out);
            }
        }
    }
}
