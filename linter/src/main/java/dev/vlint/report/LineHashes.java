package dev.vlint.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code primaryLocationLineHash} that GitHub's upload action computes for every line of a
 * file (github/codeql-action {@code src/fingerprints.ts}), so that alerts survive edits elsewhere
 * in the file. Each line's hash is a rolling polynomial hash (base 37, 64-bit wrap-around) over
 * the next 100 characters of the file starting at that line, skipping spaces and tabs, with
 * {@code \r\n} and {@code \r} read as {@code \n}, an end-of-file marker (65535) after the text and
 * zeros after that. The value is {@code <hex>:<n>} where n counts earlier lines with the same hash.
 */
public final class LineHashes {
    private static final int BLOCK_SIZE = 100;
    private static final long MOD = 37;
    private static final char EOF = 65535;
    private static final long FIRST_MOD = power(MOD, BLOCK_SIZE);

    private final int[] window = new int[BLOCK_SIZE];
    private final int[] lineNumbers = new int[BLOCK_SIZE];
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<String> hashes = new ArrayList<>();
    private long hash;
    private int index;
    private int lineNumber;
    private boolean lineStart = true;
    private boolean previousCr;

    private LineHashes() {
        Arrays.fill(lineNumbers, -1);
    }

    /**
     * Hashes of all lines of {@code text} (the file as read from disk, byte order mark included),
     * element 0 being line 1. The text has as many lines as {@code \r\n|\r|\n} splits it into.
     */
    public static List<String> of(String text) {
        LineHashes hasher = new LineHashes();
        for (int i = 0; i < text.length(); i++) {
            hasher.process(text.charAt(i));
        }
        hasher.process(EOF);
        for (int i = 0; i < BLOCK_SIZE; i++) {
            if (hasher.lineNumbers[hasher.index] != -1) {
                hasher.output();
            }
            hasher.update(0);
        }
        return List.copyOf(hasher.hashes);
    }

    private void process(char c) {
        if (c == ' ' || c == '\t' || (previousCr && c == '\n')) {
            previousCr = false;
            return;
        }
        int current = c;
        if (c == '\r') {
            current = '\n';
            previousCr = true;
        } else {
            previousCr = false;
        }
        if (lineNumbers[index] != -1) {
            output();
        }
        if (lineStart) {
            lineStart = false;
            lineNumber++;
            lineNumbers[index] = lineNumber;
        }
        if (current == '\n') {
            lineStart = true;
        }
        update(current);
    }

    private void update(int current) {
        int begin = window[index];
        window[index] = current;
        hash = MOD * hash + current - FIRST_MOD * begin;
        index = (index + 1) % BLOCK_SIZE;
    }

    /** Lines are output in order, so the list index is the line number minus one. */
    private void output() {
        String value = Long.toHexString(hash);
        int n = counts.merge(value, 1, Integer::sum);
        hashes.add(value + ":" + n);
        lineNumbers[index] = -1;
    }

    private static long power(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
