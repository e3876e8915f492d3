package dev.vlint.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 versions and specifiers, following the rules of the 'packaging' library: parsing with
 * normalization ("1.0-RC.1" -> "1.0rc1", "v1.0" -> "1.0", "1.0-1" -> "1.0.post1"), ordering
 * (dev < pre < final < post; local labels after the public version), and specifier matching
 * (==, !=, <=, >=, <, >, ~=, ===, "==2.7.*").
 */
public final class Pep440 {
    private Pep440() {}

    private static final Pattern VERSION = Pattern.compile(
            "v?"
                    + "(?:(?<epoch>\\d+)!)?"
                    + "(?<release>\\d+(?:\\.\\d+)*)"
                    + "(?:[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>\\d+)?)?"
                    + "(?:-(?<postImplicit>\\d+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN>\\d+)?)?"
                    + "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>\\d+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    /** Parses and normalizes a version; empty when it is not PEP 440. */
    public static Optional<Version> parse(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<Long> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(Long.parseLong(part));
        }
        Pre pre = null;
        if (m.group("preL") != null) {
            String label = switch (m.group("preL").toLowerCase(Locale.ROOT)) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                default -> "rc";
            };
            pre = new Pre(label, number(m.group("preN")));
        }
        Long post = null;
        if (m.group("postImplicit") != null) {
            post = Long.parseLong(m.group("postImplicit"));
        } else if (m.group("postL") != null) {
            post = number(m.group("postN"));
        }
        Long dev = m.group("devL") != null ? number(m.group("devN")) : null;
        List<String> local = new ArrayList<>();
        if (m.group("local") != null) {
            for (String seg : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
                local.add(seg.matches("\\d+") ? String.valueOf(Long.parseLong(seg)) : seg);
            }
        }
        long epoch = m.group("epoch") == null ? 0 : Long.parseLong(m.group("epoch"));
        return Optional.of(new Version(epoch, List.copyOf(release), pre, post, dev, List.copyOf(local)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** A pre-release marker: label "a", "b" or "rc" and its number. */
    public record Pre(String label, long number) {
        int rank() {
            return switch (label) {
                case "a" -> 0;
                case "b" -> 1;
                default -> 2;
            };
        }
    }

    /**
     * A normalized version. Equality follows PEP 440 ordering, so "1.0" equals "1.0.0".
     *
     * @param pre null when not a pre-release
     * @param post null when not a post-release
     * @param dev null when not a dev release
     * @param local the local label's segments ("cu128"; "79aa17489c", "nv25", "2"), empty if none
     */
    public record Version(long epoch, List<Long> release, Pre pre, Long post, Long dev, List<String> local)
            implements Comparable<Version> {

        public boolean isPrerelease() {
            return pre != null || dev != null;
        }

        public boolean isPostrelease() {
            return post != null;
        }

        public boolean hasLocal() {
            return !local.isEmpty();
        }

        /** "cu128" for "2.7.0+cu128"; empty when there is no local label. */
        public Optional<String> localLabel() {
            return local.isEmpty() ? Optional.empty() : Optional.of(String.join(".", local));
        }

        public Version withoutLocal() {
            return new Version(epoch, release, pre, post, dev, List.of());
        }

        /** Epoch and release only: "2.7.0" for "2.7.0a0+abc". */
        public Version baseVersion() {
            return new Version(epoch, release, null, null, null, List.of());
        }

        /** Release component {@code i}, 0 when the version is shorter. */
        public long releasePart(int i) {
            return i < release.size() ? release.get(i) : 0;
        }

        @Override
        public int compareTo(Version o) {
            int c = Long.compare(epoch, o.epoch);
            if (c != 0) {
                return c;
            }
            int n = Math.max(release.size(), o.release.size());
            for (int i = 0; i < n; i++) {
                c = Long.compare(releasePart(i), o.releasePart(i));
                if (c != 0) {
                    return c;
                }
            }
            c = Integer.compare(preKey(), o.preKey());
            if (c == 0 && pre != null && o.pre != null) {
                c = Long.compare(pre.number, o.pre.number);
            }
            if (c != 0) {
                return c;
            }
            // Missing post sorts first, missing dev sorts last.
            c = Long.compare(post == null ? -1 : post, o.post == null ? -1 : o.post);
            if (c != 0) {
                return c;
            }
            c = Long.compare(dev == null ? Long.MAX_VALUE : dev, o.dev == null ? Long.MAX_VALUE : o.dev);
            return c != 0 ? c : compareLocal(local, o.local);
        }

        /** 1.0.dev0 sorts before 1.0a0: a dev release without pre or post counts as the lowest pre. */
        private int preKey() {
            if (pre == null && post == null && dev != null) {
                return -1;
            }
            return pre == null ? 3 : pre.rank();
        }

        private static int compareLocal(List<String> a, List<String> b) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                boolean an = a.get(i).matches("\\d+");
                boolean bn = b.get(i).matches("\\d+");
                int c;
                if (an && bn) {
                    c = Long.compare(Long.parseLong(a.get(i)), Long.parseLong(b.get(i)));
                } else if (an != bn) {
                    c = an ? 1 : -1; // numeric segments sort after alphanumeric ones
                } else {
                    c = a.get(i).compareTo(b.get(i));
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Version v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            List<Long> trimmed = new ArrayList<>(release);
            while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1) == 0) {
                trimmed.remove(trimmed.size() - 1);
            }
            return Objects.hash(epoch, trimmed, pre, post, dev, local);
        }

        /** The normalized form: "1!2.0rc1.post2.dev3+cu.128". */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (epoch != 0) {
                sb.append(epoch).append('!');
            }
            for (int i = 0; i < release.size(); i++) {
                sb.append(i == 0 ? "" : ".").append(release.get(i));
            }
            if (pre != null) {
                sb.append(pre.label).append(pre.number);
            }
            if (post != null) {
                sb.append(".post").append(post);
            }
            if (dev != null) {
                sb.append(".dev").append(dev);
            }
            if (!local.isEmpty()) {
                sb.append('+').append(String.join(".", local));
            }
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ specifiers

    private static final Pattern SPECIFIER = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S+?)\\s*");

    /** One clause such as ">=2.7", "==2.7.*", "~=2.7.1", "!=2.8.0+cu128". */
    public record Specifier(String operator, String version) {

        /** Parses one clause; empty when the operator or the version is not valid PEP 440. */
        public static Optional<Specifier> parse(String text) {
            Matcher m = SPECIFIER.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            String op = m.group(1);
            String v = m.group(2);
            if (op.equals("===")) {
                return Optional.of(new Specifier(op, v));
            }
            boolean wildcard = v.endsWith(".*");
            String core = wildcard ? v.substring(0, v.length() - 2) : v;
            Optional<Version> parsed = Pep440.parse(core);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            Version pv = parsed.get();
            boolean equality = op.equals("==") || op.equals("!=");
            if (wildcard && (!equality || pv.hasLocal() || pv.pre != null || pv.post != null || pv.dev != null)) {
                return Optional.empty();
            }
            if (pv.hasLocal() && !equality) {
                return Optional.empty();
            }
            if (op.equals("~=") && pv.release.size() < 2) {
                return Optional.empty();
            }
            return Optional.of(new Specifier(op, wildcard ? pv + ".*" : pv.toString()));
        }

        private boolean isWildcard() {
            return version.endsWith(".*");
        }

        private Version target() {
            String v = isWildcard() ? version.substring(0, version.length() - 2) : version;
            return Pep440.parse(v).orElseThrow();
        }

        /** Whether this clause mentions a pre-release, which lets pre-releases match. */
        public boolean allowsPrereleases() {
            return switch (operator) {
                case "==", ">=", "<=", "~=" -> target().isPrerelease();
                case "===" -> Pep440.parse(version).map(Version::isPrerelease).orElse(false);
                default -> false;
            };
        }

        /** Whether {@code v} satisfies this clause, ignoring the pre-release policy. */
        public boolean matches(Version v) {
            if (operator.equals("===")) {
                return v.toString().equalsIgnoreCase(version);
            }
            Version t = target();
            Version pub = v.withoutLocal();
            return switch (operator) {
                case "==" -> isWildcard() ? prefixMatch(v, t) : (t.hasLocal() ? v.equals(t) : pub.equals(t));
                case "!=" -> !(isWildcard() ? prefixMatch(v, t) : (t.hasLocal() ? v.equals(t) : pub.equals(t)));
                case "<=" -> pub.compareTo(t) <= 0;
                case ">=" -> pub.compareTo(t) >= 0;
                case "<" -> pub.compareTo(t) < 0
                        && !(!t.isPrerelease() && v.isPrerelease() && v.baseVersion().equals(t.baseVersion()));
                case ">" -> pub.compareTo(t) > 0
                        && !(!t.isPostrelease() && v.isPostrelease() && v.baseVersion().equals(t.baseVersion()));
                case "~=" -> pub.compareTo(t) >= 0
                        && prefixMatch(v, new Version(t.epoch, t.release.subList(0, t.release.size() - 1),
                                null, null, null, List.of()));
                default -> false;
            };
        }

        /** "2.7.*" matches 2.7, 2.7.0a0 and 2.7.1.post1: equal epoch and leading release parts. */
        private static boolean prefixMatch(Version v, Version prefix) {
            if (v.epoch != prefix.epoch) {
                return false;
            }
            for (int i = 0; i < prefix.release.size(); i++) {
                if (v.releasePart(i) != prefix.release.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return operator + version;
        }
    }

    /** Comma-separated clauses, all of which must match ("" matches everything). */
    public record SpecifierSet(List<Specifier> specifiers) {

        public static Optional<SpecifierSet> parse(String text) {
            List<Specifier> specs = new ArrayList<>();
            if (!text.isBlank()) {
                for (String part : text.split(",")) {
                    if (part.isBlank()) {
                        continue; // packaging tolerates empty clauses such as a trailing comma
                    }
                    Optional<Specifier> s = Specifier.parse(part);
                    if (s.isEmpty()) {
                        return Optional.empty();
                    }
                    specs.add(s.get());
                }
            }
            return Optional.of(new SpecifierSet(Collections.unmodifiableList(specs)));
        }

        /**
         * Whether every clause matches. Pre-releases match like any other version, which is how
         * PEP 440 treats an installed version (and what packaging 26 does by default).
         */
        public boolean contains(Version v) {
            return specifiers.stream().allMatch(s -> s.matches(v));
        }

        /**
         * With {@code allowPrereleases} false, a pre-release matches only if some clause names a
         * pre-release: PEP 440's rule for candidates from an index (pip without {@code --pre}).
         */
        public boolean contains(Version v, boolean allowPrereleases) {
            boolean named = specifiers.stream().anyMatch(Specifier::allowsPrereleases);
            if (v.isPrerelease() && !allowPrereleases && !named) {
                return false;
            }
            return contains(v);
        }

        @Override
        public String toString() {
            return String.join(",", specifiers.stream().map(Specifier::toString).toList());
        }
    }
}
