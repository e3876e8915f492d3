package dev.vlint.kb;

import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.Version;
import org.eclipse.aether.version.VersionScheme;

/**
 * Orders CUDA and torch release numbers ("12.8" < "12.10", "2.7.0a0" < "2.7.0", "12.8" == "12.8.0")
 * with maven-resolver's generic scheme. Python package versions need {@link Pep440} instead.
 */
public final class Versions {
    // Typed as the interface: GenericVersion itself is package-private.
    private static final VersionScheme SCHEME = new GenericVersionScheme();

    private Versions() {}

    public static Version parse(String version) {
        try {
            return SCHEME.parseVersion(version.trim());
        } catch (InvalidVersionSpecificationException e) {
            // The generic scheme accepts any string; this only guards against a future change.
            throw new IllegalArgumentException("not a version: " + version, e);
        }
    }

    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    public static boolean atLeast(String version, String minimum) {
        return compare(version, minimum) >= 0;
    }

    /** "12.8.1" -> "12.8"; "13" -> "13.0". */
    public static String majorMinor(String version) {
        String[] parts = version.trim().split("\\.");
        return parts[0] + "." + (parts.length > 1 ? parts[1] : "0");
    }
}
