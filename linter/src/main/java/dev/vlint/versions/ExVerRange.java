package dev.vlint.versions;

/**
 * Checks ExVer version ranges ({@code >=1.0:0 && <2.0:0}, {@code ^1.2.3}, {@code !(...)},
 * {@code *}) against the start-sdk grammar's {@code VersionRange} rule. The grammar is a PEG,
 * so this follows it rule by rule with the same ordered choices and backtracking; that includes
 * its quirks, e.g. {@code 1.0.0-rc0} is accepted as two atoms ({@code 1.0.0-rc} and {@code 0})
 * joined by an implicit "and". The error offset is the farthest point any rule reached, as
 * Peggy reports it.
 */
public final class ExVerRange {
    private static final String[] OPERATORS = {">=", "<=", ">", "<", "=", "!=", "^", "~"};
    private static final int MAX_DEPTH = 200;

    private final String s;
    private int farthest;
    private int depth;

    private ExVerRange(String s) {
        this.s = s;
    }

    /** Null when {@code text} is a valid range, else where it stops being one. */
    public static ExVer.Error check(String text) {
        ExVerRange parser = new ExVerRange(text);
        int end = parser.range(0);
        if (end == text.length()) {
            return null;
        }
        int at = Math.max(parser.farthest, Math.max(end, 0));
        String found = at < text.length() ? "'" + text.charAt(at) + "'" : "end of text";
        return new ExVer.Error(at, "invalid version range: unexpected " + found);
    }

    private int range(int p) {
        int end = atom(p);
        while (end >= 0) {
            int q = ws(end);
            int op = s.startsWith("||", q) || s.startsWith("&&", q) ? ws(q + 2) : q;
            int next = atom(op);
            if (next < 0) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** Atoms nest through parentheses and {@code !}; the depth bound keeps the stack safe. */
    private int atom(int p) {
        if (depth >= MAX_DEPTH) {
            return fail(p);
        }
        depth++;
        int end = parens(p);
        if (end < 0) {
            end = anchor(p);
        }
        if (end < 0) {
            end = not(p);
        }
        if (end < 0) {
            end = literal(p, "*");
        }
        if (end < 0) {
            end = literal(p, "!"); // None
        }
        depth--;
        return end;
    }

    private int parens(int p) {
        int q = literal(p, "(");
        if (q < 0) {
            return -1;
        }
        q = range(ws(q));
        return q < 0 ? -1 : literal(ws(q), ")");
    }

    private int anchor(int p) {
        int q = p;
        for (String op : OPERATORS) {
            if (s.startsWith(op, p)) {
                q = p + op.length();
                break;
            }
        }
        return versionSpec(ws(q));
    }

    private int not(int p) {
        int q = literal(p, "!");
        return q < 0 ? -1 : atom(ws(q));
    }

    private int versionSpec(int p) {
        int q = flavor(p);
        q = version(q < 0 ? p : q);
        if (q < 0) {
            return -1;
        }
        int colon = literal(q, ":");
        int downstream = colon < 0 ? -1 : version(colon);
        return downstream < 0 ? q : downstream;
    }

    private int flavor(int p) {
        int q = literal(p, "#");
        if (q < 0) {
            return -1;
        }
        int end = q;
        while (end < s.length() && s.charAt(end) >= 'a' && s.charAt(end) <= 'z') {
            end++;
        }
        return end == q ? fail(end) : literal(end, ":");
    }

    private int version(int p) {
        int q = digits(p);
        if (q < 0) {
            return -1;
        }
        while (true) {
            int dot = literal(q, ".");
            int next = dot < 0 ? -1 : digits(dot);
            if (next < 0) {
                break;
            }
            q = next;
        }
        int dash = literal(q, "-");
        int pre = dash < 0 ? -1 : segment(dash);
        if (pre < 0) {
            return q;
        }
        while (true) {
            int dot = literal(pre, ".");
            int next = dot < 0 ? -1 : segment(dot);
            if (next < 0) {
                return pre;
            }
            pre = next;
        }
    }

    private int segment(int p) {
        int q = p < s.length() && s.charAt(p) == '.' ? p + 1 : p;
        int end = digits(q);
        if (end < 0) {
            end = q;
            while (end < s.length() && ExVer.isLetter(s.charAt(end))) {
                end++;
            }
            if (end == q) {
                return fail(q);
            }
        }
        return end;
    }

    private int digits(int p) {
        int end = p;
        while (end < s.length() && ExVer.isDigit(s.charAt(end))) {
            end++;
        }
        return end == p ? fail(p) : end;
    }

    private int literal(int p, String text) {
        return s.startsWith(text, p) ? p + text.length() : fail(p);
    }

    private int ws(int p) {
        int q = p;
        while (q < s.length() && " \t\n\r".indexOf(s.charAt(q)) >= 0) {
            q++;
        }
        return q;
    }

    private int fail(int p) {
        farthest = Math.max(farthest, p);
        return -1;
    }
}
