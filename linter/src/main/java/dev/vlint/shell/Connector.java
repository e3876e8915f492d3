package dev.vlint.shell;

/** The operator that links a command to the command before it in the same list. */
public enum Connector {
    /** First command of a list. */
    NONE,
    NEWLINE,
    SEMICOLON,
    AND,
    OR,
    PIPE,
    /** The previous command was sent to the background with {@code &}. */
    BACKGROUND
}
