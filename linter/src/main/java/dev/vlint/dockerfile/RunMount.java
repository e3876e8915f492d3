package dev.vlint.dockerfile;

import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code RUN --mount=...} flag. Options are read like BuildKit reads them: comma separated
 * CSV fields (a field may be double-quoted), each {@code key=value} or a bare key.
 */
public record RunMount(Flag flag, List<MountOption> options) {

    public RunMount {
        options = List.copyOf(options);
    }

    /** Parses the value of a {@code --mount} flag. */
    public static RunMount of(Flag flag) {
        MappedText value = flag.valueText();
        String s = value.text();
        List<MountOption> options = new ArrayList<>();
        int i = 0;
        while (i <= s.length()) {
            int fieldStart = i;
            StringBuilder field = new StringBuilder();
            List<Integer> indexes = new ArrayList<>();
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                while (i < s.length()) {
                    char c = s.charAt(i);
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        indexes.add(i);
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        field.append(c);
                        indexes.add(i);
                        i++;
                    }
                }
                while (i < s.length() && s.charAt(i) != ',') {
                    field.append(s.charAt(i));
                    indexes.add(i);
                    i++;
                }
            } else {
                while (i < s.length() && s.charAt(i) != ',') {
                    field.append(s.charAt(i));
                    indexes.add(i);
                    i++;
                }
            }
            int fieldEnd = i;
            if (field.length() > 0) {
                options.add(option(value, field.toString(), indexes, fieldStart, fieldEnd));
            }
            i++;
        }
        return new RunMount(flag, options);
    }

    private static MountOption option(MappedText value, String field, List<Integer> indexes, int start, int end) {
        int eq = field.indexOf('=');
        String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
        String val = eq < 0 ? "" : field.substring(eq + 1);
        TextRange range = value.fileRange(start, end);
        TextRange keyRange = eq < 0 ? range : span(value, indexes, 0, eq);
        TextRange valueRange = eq < 0 ? TextRange.at(range.end()) : span(value, indexes, eq + 1, field.length());
        return new MountOption(key, val, range, keyRange, valueRange);
    }

    private static TextRange span(MappedText value, List<Integer> indexes, int from, int to) {
        if (from >= to) {
            int at = from < indexes.size() ? indexes.get(from) : indexes.get(indexes.size() - 1) + 1;
            return TextRange.at(value.fileOffset(at));
        }
        return value.fileRange(indexes.get(from), indexes.get(to - 1) + 1);
    }

    /** The mount type; BuildKit's default is {@code bind}. */
    public String type() {
        return option("type").map(o -> o.value().toLowerCase(Locale.ROOT)).orElse("bind");
    }

    /** The last option with this key or one of its aliases ({@code source|src}, {@code target|dst|destination}, {@code readonly|ro}, {@code readwrite|rw}). */
    public Optional<MountOption> option(String key) {
        List<String> names = aliases(key.toLowerCase(Locale.ROOT));
        MountOption found = null;
        for (MountOption o : options) {
            if (names.contains(o.key())) {
                found = o;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<String> id() {
        return option("id").map(MountOption::value);
    }

    public Optional<String> target() {
        return option("target").map(MountOption::value);
    }

    public Optional<String> source() {
        return option("source").map(MountOption::value);
    }

    public Optional<String> from() {
        return option("from").map(MountOption::value);
    }

    public Optional<String> sharing() {
        return option("sharing").map(MountOption::value);
    }

    /** File offset at the end of the flag's value, where a fixer can append {@code ,id=...}. */
    public int endOffset() {
        return flag.range().end();
    }

    private static List<String> aliases(String key) {
        switch (key) {
            case "source", "src":
                return List.of("source", "src");
            case "target", "dst", "destination":
                return List.of("target", "dst", "destination");
            case "readonly", "ro":
                return List.of("readonly", "ro");
            case "readwrite", "rw":
                return List.of("readwrite", "rw");
            default:
                return List.of(key);
        }
    }
}
