package dev.vlint.fixers;

/**
 * A fix that was taken out again because the file no longer parsed with it.
 *
 * @param line 1-based line of the first new parse problem, in the text with the fix applied
 * @param problem the parser's message for that problem
 */
public record RolledBackFix(String path, String ruleId, String title, int line, String problem) {
    public String message() {
        return path + ": fix \"" + title + "\" for " + ruleId + " broke parsing at line " + line + " (" + problem
                + "); not applied";
    }
}
