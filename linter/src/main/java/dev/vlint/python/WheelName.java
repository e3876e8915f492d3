package dev.vlint.python;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a wheel file name,
 * {@code {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}.
 *
 * @param buildTag the optional build tag (starts with a digit), or null
 * @param pythonTag e.g. {@code cp312} or {@code py3}; may be a compressed set like {@code py2.py3}
 * @param platformTag e.g. {@code manylinux_2_28_x86_64} or {@code any}
 */
public record WheelName(String distribution, String version, String buildTag, String pythonTag, String abiTag,
        String platformTag) {

    private static final Pattern NAME = Pattern.compile(
            "([^-]+)-([^-]+)(?:-(\\d[^-]*))?-([^-]+)-([^-]+)-([^-]+)\\.whl");

    /** Parses a file name (not a path); empty when it is not a well-formed wheel name. */
    public static Optional<WheelName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new WheelName(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)));
    }

    /** Whether the version has a PEP 440 local part such as {@code +cu128}. */
    public boolean hasLocalVersion() {
        return version.contains("+");
    }
}
