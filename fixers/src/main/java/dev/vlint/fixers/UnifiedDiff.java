package dev.vlint.fixers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A unified diff of two texts ({@code diff -u} format, 3 lines of context), built with Myers' algorithm. */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff from {@code oldText} to {@code newText}, labelled {@code a/path} and {@code b/path}; empty when equal. */
    public static String diff(String path, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<Op> ops = script(lines(oldText), lines(newText));
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int lastChange = i;
            int j = i + 1;
            while (j < ops.size()) {
                if (ops.get(j).kind != ' ') {
                    lastChange = j;
                } else if (j - lastChange > 2 * CONTEXT) {
                    break;
                }
                j++;
            }
            int end = Math.min(ops.size(), lastChange + 1 + CONTEXT);
            hunk(ops.subList(start, end), out);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(List<Op> ops, StringBuilder out) {
        int oldCount = 0;
        int newCount = 0;
        for (Op op : ops) {
            oldCount += op.kind != '+' ? 1 : 0;
            newCount += op.kind != '-' ? 1 : 0;
        }
        out.append("@@ -").append(range(ops.get(0).oldIndex, oldCount))
                .append(" +").append(range(ops.get(0).newIndex, newCount)).append(" @@\n");
        for (Op op : ops) {
            boolean terminated = op.line.endsWith("\n");
            out.append(op.kind).append(op.line, 0, op.line.length() - (terminated ? 1 : 0)).append('\n');
            if (!terminated) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    /** GNU style: {@code l,n}, just {@code l} when n is 1, and the line before the hunk when n is 0. */
    private static String range(int firstIndex, int count) {
        if (count == 1) {
            return String.valueOf(firstIndex + 1);
        }
        return (count == 0 ? firstIndex : firstIndex + 1) + "," + count;
    }

    /** Lines with their {@code \n}; the last one lacks it when the text does not end with one. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /**
     * One line of the edit script.
     *
     * @param kind {@code ' '} kept, {@code '-'} removed, {@code '+'} added
     * @param oldIndex 0-based index in the old lines of this line, or of the next old line for an addition
     * @param newIndex the same in the new lines
     */
    private record Op(char kind, String line, int oldIndex, int newIndex) {}

    /**
     * Myers' greedy shortest edit script, recovered from the saved frontier of every step. Step d
     * saves only diagonals -d-1..d+1, so memory grows with the square of the number of changes,
     * not with the file length.
     */
    private static List<Op> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x = down(v, offset, k, d) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, a, b);
                }
            }
        }
        throw new IllegalStateException("unreachable: an edit script of length n + m always exists");
    }

    /** Whether the path to diagonal k comes from k + 1 (an addition) rather than k - 1 (a removal). */
    private static boolean down(int[] v, int offset, int k, int d) {
        return k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
    }

    private static List<Op> backtrack(List<int[]> trace, List<String> a, List<String> b) {
        List<Op> reversed = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int vOffset = d + 1;
            int k = x - y;
            int prevK = d == 0 ? 0 : down(v, vOffset, k, d) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[vOffset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed.add(new Op(' ', a.get(x), x, y));
            }
            if (d > 0) {
                if (x == prevX) {
                    y--;
                    reversed.add(new Op('+', b.get(y), x, y));
                } else {
                    x--;
                    reversed.add(new Op('-', a.get(x), x, y));
                }
            }
            x = prevX;
            y = prevY;
        }
        List<Op> ops = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            ops.add(reversed.get(i));
        }
        return ops;
    }
}
