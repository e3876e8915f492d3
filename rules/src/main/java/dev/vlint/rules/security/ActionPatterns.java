package dev.vlint.rules.security;

/**
 * The action patterns of {@code .vlint.yaml} ({@code *}, {@code owner/*}, {@code owner/repo},
 * {@code owner/repo/*}, {@code owner/repo/path}), compared without regard to case.
 */
final class ActionPatterns {
    private ActionPatterns() {}

    /**
     * How specifically {@code pattern} matches {@code uses}: 0 when it does not, then 1 for
     * {@code *}, 2 for an owner, 3 for a repository, 4 for one path in a repository.
     */
    static int rank(String pattern, Uses uses) {
        if (pattern.equals("*")) {
            return 1;
        }
        String[] parts = pattern.split("/", 3);
        if (!parts[0].equalsIgnoreCase(uses.owner())) {
            return 0;
        }
        if (parts[1].equals("*")) {
            return 2;
        }
        if (!parts[1].equalsIgnoreCase(uses.repo())) {
            return 0;
        }
        if (parts.length == 2 || parts[2].equals("*")) {
            return 3;
        }
        return parts[2].equalsIgnoreCase(uses.path()) ? 4 : 0;
    }

    static boolean matches(String pattern, Uses uses) {
        return rank(pattern, uses) > 0;
    }
}
