package dev.vlint.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a run's findings in one output format. */
public interface Reporter {
    void write(RunResult result, Writer out) throws IOException;
}
