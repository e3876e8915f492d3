package dev.vlint.dockerfile;

import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;

/**
 * A here-document of a RUN/COPY/ADD. {@code body} is the content (line breaks kept; for
 * {@code <<-} the leading tabs are removed, as BuildKit does) mapped to the file.
 * {@code markerRange} is the {@code <<EOF} word on the instruction line, {@code range} covers
 * the body and the terminator line. {@code quoted}: part of the delimiter was quoted, so the
 * body is not expanded. {@code fd} is the file descriptor prefix ({@code 3<<EOF}) or -1.
 */
public record Heredoc(String delimiter, boolean quoted, boolean stripTabs, int fd, TextRange markerRange,
        MappedText body, TextRange range, boolean terminated) {}
