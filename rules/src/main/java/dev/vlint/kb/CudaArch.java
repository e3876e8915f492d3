package dev.vlint.kb;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compute capability with an optional suffix: 8.6, 9.0a (arch-specific), 10.0f (family).
 * Parses "8.6", "86", "sm_86", "compute_90a", "12.0f", "sm_120a".
 */
public record CudaArch(int major, int minor, Suffix suffix) implements Comparable<CudaArch> {

    public enum Suffix {
        NONE(""), A("a"), F("f");

        private final String text;

        Suffix(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Suffix of(String s) {
            return switch (s == null ? "" : s) {
                case "a" -> A;
                case "f" -> F;
                default -> NONE;
            };
        }
    }

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d)([af])?");
    // Without a dot the last digit is the minor: 86 -> 8.6, 120 -> 12.0.
    private static final Pattern PACKED = Pattern.compile("(?:sm_|compute_|lto_)?(\\d{1,2})(\\d)([af])?");

    public CudaArch {
        if (major < 0 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("bad compute capability " + major + "." + minor);
        }
    }

    public static CudaArch of(int major, int minor) {
        return new CudaArch(major, minor, Suffix.NONE);
    }

    /** Parses any of the accepted spellings; empty when the text is none of them. */
    public static Optional<CudaArch> parse(String text) {
        String t = text.trim().toLowerCase();
        Matcher m = DOTTED.matcher(t);
        if (!m.matches()) {
            m = PACKED.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new CudaArch(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Suffix.of(m.group(3))));
    }

    public CudaArch withoutSuffix() {
        return suffix == Suffix.NONE ? this : of(major, minor);
    }

    public CudaArch withSuffix(Suffix s) {
        return new CudaArch(major, minor, s);
    }

    /** "8.6", "9.0a": the TORCH_CUDA_ARCH_LIST form. */
    @Override
    public String toString() {
        return major + "." + minor + suffix.text;
    }

    /** "86", "90a": the CMAKE_CUDA_ARCHITECTURES form. */
    public String number() {
        return "" + major + minor + suffix.text;
    }

    public String sm() {
        return "sm_" + number();
    }

    public String compute() {
        return "compute_" + number();
    }

    // Written out: a record's generated equals and hashCode are linked on their first call, which
    // took several milliseconds of a one-file run's start (the knowledge base keys a map by arch).
    @Override
    public boolean equals(Object o) {
        return o instanceof CudaArch other && major == other.major && minor == other.minor && suffix == other.suffix;
    }

    @Override
    public int hashCode() {
        return (major * 10 + minor) * 3 + suffix.ordinal();
    }

    /** Orders by capability, then suffix (none < a < f). */
    @Override
    public int compareTo(CudaArch o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : suffix.compareTo(o.suffix);
    }
}
