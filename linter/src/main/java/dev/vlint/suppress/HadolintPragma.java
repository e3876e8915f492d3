package dev.vlint.suppress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hadolint ignore comment, read as hadolint reads it: {@code # hadolint ignore=DL3008,SC2086},
 * {@code # hadolint stage ignore=...} (the rest of the stage), {@code # hadolint global ignore=...}
 * (the whole file), optionally followed by {@code # reason}. Spaces around {@code =} and commas are
 * allowed; a list with anything but rule codes is not a pragma at all, as in hadolint.
 *
 * @param scope how far it reaches
 * @param names the rule codes as written
 * @param nameStarts where each code starts in the line
 * @param reason the text of the trailing comment, possibly empty
 */
record HadolintPragma(Scope scope, List<String> names, List<Integer> nameStarts, String reason) {
    enum Scope { NEXT, STAGE, GLOBAL }

    private static final Pattern PRAGMA = Pattern.compile(
            "#[ \\t]*hadolint[ \\t]+(?:(global|stage)[ \\t]+)?ignore[ \\t]*=[ \\t]*([^#]*?)[ \\t]*(?:#(.*))?");
    private static final Pattern LIST = Pattern.compile("[A-Za-z]+[0-9]+(?:[ \\t]*,[ \\t]*[A-Za-z]+[0-9]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z]+[0-9]+");

    /** The pragma starting at {@code at} (a {@code #}) and running to the end of {@code line}, or null. */
    static HadolintPragma parse(String line, int at) {
        Matcher m = PRAGMA.matcher(line).region(at, line.length());
        if (!m.matches() || !LIST.matcher(m.group(2)).matches()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher name = NAME.matcher(line).region(m.start(2), m.end(2));
        while (name.find()) {
            names.add(name.group());
            starts.add(name.start());
        }
        Scope scope = m.group(1) == null ? Scope.NEXT : m.group(1).equals("global") ? Scope.GLOBAL : Scope.STAGE;
        return new HadolintPragma(scope, names, starts, m.group(3) == null ? "" : m.group(3).trim());
    }
}
