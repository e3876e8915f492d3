package dev.vlint.cli;

import dev.vlint.engine.Linter;
import java.io.PrintWriter;

/**
 * {@code vlint: linted 1200/5000 files} on one line of a terminal, rewritten in place with
 * {@code \r}, for runs that are long: over {@value #MANY_FILES} files or over a second. Updates
 * are at most every {@value #INTERVAL_NANOS} ns so the terminal does not slow the run.
 */
final class ProgressLine implements Linter.Progress {
    static final int MANY_FILES = 300;
    private static final long SLOW_NANOS = 1_000_000_000L;
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastShown;
    private int shownLength;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void filesDone(int done, int total) {
        long now = System.nanoTime();
        boolean longRun = total > MANY_FILES || now - started > SLOW_NANOS;
        if (!longRun || (shownLength > 0 && now - lastShown < INTERVAL_NANOS && done < total)) {
            return;
        }
        String text = "vlint: linted " + done + "/" + total + " files";
        err.print("\r" + text);
        err.flush();
        shownLength = text.length();
        lastShown = now;
    }

    /** Blanks the line, if one was shown, so what follows starts on a clean line. */
    synchronized void clear() {
        if (shownLength > 0) {
            err.print("\r" + " ".repeat(shownLength) + "\r");
            err.flush();
            shownLength = 0;
        }
    }
}
