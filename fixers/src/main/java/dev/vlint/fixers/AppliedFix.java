package dev.vlint.fixers;

/**
 * A fix that is in the final text.
 *
 * @param line 1-based line of the finding in the text the fix was applied to
 */
public record AppliedFix(String path, String ruleId, String title, int line) {}
