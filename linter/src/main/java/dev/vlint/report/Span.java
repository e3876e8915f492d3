package dev.vlint.report;

import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;

/** A range as lines and columns (1-based, UTF-16 columns); the end is exclusive, as in SARIF. */
record Span(int startLine, int startColumn, int endLine, int endColumn) {

    /** Exactly the range, for edits: a range ending after a line break ends at column 1 of the next line. */
    static Span exact(SourceFile file, TextRange range) {
        Position start = file.position(range.start());
        Position end = file.position(range.end());
        return new Span(start.line(), start.column(), end.line(), end.column());
    }

    /**
     * The range as a finding is shown: one that ends just after a line break ends at the end of
     * that line instead, so that it does not spill onto the next line.
     */
    static Span of(SourceFile file, TextRange range) {
        Span exact = exact(file, range);
        if (exact.endLine > exact.startLine && exact.endColumn == 1) {
            int lineIndex = exact.endLine - 2;
            int lineLength = file.lineEnd(lineIndex) - file.lineStart(lineIndex);
            return new Span(exact.startLine, exact.startColumn, exact.endLine - 1, lineLength + 1);
        }
        return exact;
    }
}
