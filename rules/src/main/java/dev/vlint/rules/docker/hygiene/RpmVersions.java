package dev.vlint.rules.docker.hygiene;

import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** yum and dnf package words: {@code name-version[-release]}, module streams {@code name:stream}. */
final class RpmVersions {
    private RpmVersions() {}

    /** yum/dnf options that take a value in the next word. */
    private static final Set<String> VALUE_OPTIONS = Set.of("-c", "--config", "--installroot", "--releasever",
            "--enablerepo", "--disablerepo", "--repo", "--repoid", "--setopt", "-x", "--exclude", "-d", "-e",
            "--downloaddir", "--destdir");
    private static final Pattern VERSION_PART = Pattern.compile("[A-Za-z0-9.~^_:+]*");

    /** The package words after {@code install} (also {@code module install}); empty for {@code group install}. */
    static List<Word> packages(SimpleCommand run) {
        List<Word> operands = Hygiene.operands(run, 0, VALUE_OPTIONS);
        int install = -1;
        for (int i = 0; i < operands.size(); i++) {
            if ("install".equals(operands.get(i).literalValue())) {
                install = i;
                break;
            }
        }
        if (install < 0 || operands.subList(0, install).stream()
                .anyMatch(w -> "group".equals(w.literalValue()) || "groups".equals(w.literalValue()))) {
            return List.of();
        }
        return operands.subList(install + 1, operands.size());
    }

    /** hadolint's test: a dash-separated part after the name that looks like a version and starts with a digit. */
    static boolean pinned(String pkg) {
        if (pkg.endsWith(".rpm") || pkg.contains("/") || pkg.startsWith("@")) {
            return true;
        }
        String[] parts = pkg.split("-", -1);
        for (int i = 1; i < parts.length; i++) {
            boolean allValid = true;
            for (int j = i; j < parts.length; j++) {
                allValid &= VERSION_PART.matcher(parts[j]).matches() && !parts[j].isEmpty();
            }
            if (allValid && !parts[i].isEmpty() && Character.isDigit(parts[i].charAt(0))) {
                return true;
            }
        }
        return false;
    }
}
