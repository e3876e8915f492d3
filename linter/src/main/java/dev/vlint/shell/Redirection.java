package dev.vlint.shell;

import dev.vlint.source.TextRange;

/**
 * A redirection such as {@code > out}, {@code 2>&1}, {@code <<<"text"} or {@code <<EOF}.
 * {@code fd} is the explicit descriptor ("2") or null; {@code operator} is e.g. {@code ">>"},
 * {@code ">&"}, {@code "<<-"}; {@code target} is the word after the operator (the delimiter
 * word for here-documents), null when missing; {@code hereDoc} is set only for {@code <<}/{@code <<-}.
 */
public record Redirection(String fd, String operator, Word target, HereDoc hereDoc, TextRange range) {}
