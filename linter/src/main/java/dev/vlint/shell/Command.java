package dev.vlint.shell;

import dev.vlint.source.TextRange;
import java.util.List;

/**
 * A command in a list: a {@link SimpleCommand} or a compound command. Pipelines and and-or
 * lists are flat lists whose members carry the {@link Connector} to their predecessor.
 */
public sealed interface Command permits SimpleCommand, Command.Subshell, Command.BraceGroup,
        Command.IfCommand, Command.ForCommand, Command.WhileCommand, Command.CaseCommand,
        Command.FunctionDef {

    TextRange range();

    Connector connector();

    /** {@code ( list )} */
    record Subshell(List<Command> body, List<Redirection> redirections, Connector connector, TextRange range)
            implements Command {
        public Subshell {
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code { list; }} */
    record BraceGroup(List<Command> body, List<Redirection> redirections, Connector connector, TextRange range)
            implements Command {
        public BraceGroup {
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** One {@code if}/{@code elif} condition with its {@code then} body. */
    record IfBranch(List<Command> condition, List<Command> body) {
        public IfBranch {
            condition = List.copyOf(condition);
            body = List.copyOf(body);
        }
    }

    /** {@code if ...; then ...; elif ...; else ...; fi}; {@code elseBody} is empty without else. */
    record IfCommand(List<IfBranch> branches, List<Command> elseBody, List<Redirection> redirections,
            Connector connector, TextRange range) implements Command {
        public IfCommand {
            branches = List.copyOf(branches);
            elseBody = List.copyOf(elseBody);
            redirections = List.copyOf(redirections);
        }
    }

    /**
     * {@code for NAME in items; do ...; done}. {@code items} is null when there is no {@code in}
     * (loop over "$@"); {@code variable} is null for the arithmetic form {@code for ((...))}.
     */
    record ForCommand(String variable, List<Word> items, List<Command> body, List<Redirection> redirections,
            Connector connector, TextRange range) implements Command {
        public ForCommand {
            items = items == null ? null : List.copyOf(items);
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code while}/{@code until} (when {@code until} is true) loops. */
    record WhileCommand(boolean until, List<Command> condition, List<Command> body, List<Redirection> redirections,
            Connector connector, TextRange range) implements Command {
        public WhileCommand {
            condition = List.copyOf(condition);
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** One {@code pattern|pattern) body ;;} item of a case command. */
    record CaseItem(List<Word> patterns, List<Command> body, TextRange range) {
        public CaseItem {
            patterns = List.copyOf(patterns);
            body = List.copyOf(body);
        }
    }

    /** {@code case WORD in ... esac}; {@code subject} is null when missing. */
    record CaseCommand(Word subject, List<CaseItem> items, List<Redirection> redirections, Connector connector,
            TextRange range) implements Command {
        public CaseCommand {
            items = List.copyOf(items);
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code name() { ...; }} or {@code function name { ...; }}; body is null when missing. */
    record FunctionDef(String name, Command body, Connector connector, TextRange range) implements Command {}
}
