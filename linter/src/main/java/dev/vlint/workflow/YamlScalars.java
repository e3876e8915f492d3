package dev.vlint.workflow;

import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a scalar's decoded value back to the file, so that a parser of the value (a shell
 * script in {@code run:}) reports file-exact ranges. The scalar's source is first reduced to
 * candidate characters (block indentation and the header line dropped, quotes and escapes
 * decoded, CRLF as one break), then the value is aligned to them in order; a space the YAML
 * folding made from a line break maps to that break.
 */
public final class YamlScalars {
    private YamlScalars() {}

    private record SourceChar(char c, int offset) {}

    /** The value of a scalar node as mapped text; null for collections and aliases. */
    public static MappedText mappedText(SourceFile file, YamlNode node) {
        if (node == null || !node.isScalar() || node.alias()) {
            return null;
        }
        List<SourceChar> source = switch (node.style()) {
            case LITERAL, FOLDED -> blockChars(file, node.range());
            case DOUBLE_QUOTED -> doubleQuotedChars(file, node.range());
            case SINGLE_QUOTED -> singleQuotedChars(file, node.range());
            default -> plainChars(file, node.range());
        };
        return align(node.value(), source, node.range().end());
    }

    private static MappedText align(String value, List<SourceChar> source, int end) {
        MappedText.Builder builder = new MappedText.Builder();
        int j = 0;
        for (int i = 0; i < value.length(); i++) {
            char v = value.charAt(i);
            int k = j;
            while (k < source.size() && !matches(v, source.get(k).c())) {
                k++;
            }
            if (k < source.size()) {
                builder.append(v, source.get(k).offset());
                j = k + 1;
            } else {
                builder.append(v, Math.max(0, end - 1)); // not found: the value cannot be placed more exactly
            }
        }
        return builder.build(end);
    }

    private static boolean matches(char valueChar, char sourceChar) {
        return valueChar == sourceChar || (valueChar == ' ' && sourceChar == '\n');
    }

    /** Block scalar content: lines after the header, without the block's indentation. */
    private static List<SourceChar> blockChars(SourceFile file, TextRange range) {
        String text = file.text();
        List<SourceChar> out = new ArrayList<>();
        int firstLine = file.lineIndex(range.start()) + 1;
        int indent = -1;
        for (int line = firstLine; line < file.lineCount() && file.lineStart(line) < range.end(); line++) {
            int start = file.lineStart(line);
            int end = Math.min(file.lineEnd(line), range.end());
            int spaces = 0;
            while (start + spaces < end && text.charAt(start + spaces) == ' ') {
                spaces++;
            }
            if (indent < 0 && start + spaces < end) {
                indent = spaces;
            }
            int from = start + Math.min(spaces, Math.max(indent, 0));
            for (int i = from; i < end; i++) {
                out.add(new SourceChar(text.charAt(i), i));
            }
            if (file.lineEnd(line) < range.end()) {
                out.add(new SourceChar('\n', file.lineEnd(line)));
            }
        }
        return out;
    }

    private static List<SourceChar> plainChars(SourceFile file, TextRange range) {
        List<SourceChar> out = new ArrayList<>();
        String text = file.text();
        for (int i = range.start(); i < range.end(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.add(new SourceChar('\n', i));
                if (i + 1 < range.end() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.add(new SourceChar(c, i));
            }
        }
        return out;
    }

    private static List<SourceChar> singleQuotedChars(SourceFile file, TextRange range) {
        List<SourceChar> all = plainChars(file, inner(range));
        List<SourceChar> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(all.get(i));
            if (all.get(i).c() == '\'' && i + 1 < all.size() && all.get(i + 1).c() == '\'') {
                i++; // '' stands for one quote
            }
        }
        return out;
    }

    private static List<SourceChar> doubleQuotedChars(SourceFile file, TextRange range) {
        List<SourceChar> all = plainChars(file, inner(range));
        List<SourceChar> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SourceChar sc = all.get(i);
            if (sc.c() != '\\' || i + 1 == all.size()) {
                out.add(sc);
                continue;
            }
            char e = all.get(++i).c();
            int hexDigits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (hexDigits > 0) {
                StringBuilder hex = new StringBuilder();
                while (hex.length() < hexDigits && i + 1 < all.size()) {
                    hex.append(all.get(++i).c());
                }
                try {
                    for (char c : Character.toChars(Integer.parseInt(hex.toString(), 16))) {
                        out.add(new SourceChar(c, sc.offset()));
                    }
                } catch (IllegalArgumentException badEscape) {
                    out.add(sc); // the YAML parser rejected this already; keep going
                }
                continue;
            }
            char decoded = switch (e) {
                case 'n' -> '\n';
                case 't', '\t' -> '\t';
                case 'r' -> '\r';
                case '0' -> '\0';
                case 'a' -> '\u0007';
                case 'b' -> '\b';
                case 'e' -> '\u001b';
                case 'f' -> '\f';
                case 'v' -> '\u000b';
                case 'N' -> '\u0085';
                case '_' -> '\u00a0';
                case 'L' -> '\u2028';
                case 'P' -> '\u2029';
                case '\n' -> '\u0000'; // escaped line break: joins the lines, stands for nothing
                default -> e; // \\ \" \/ and a space stand for themselves
            };
            if (decoded != '\u0000' || e == '0') {
                out.add(new SourceChar(decoded, sc.offset()));
            }
        }
        return out;
    }

    private static TextRange inner(TextRange quoted) {
        return quoted.length() >= 2 ? new TextRange(quoted.start() + 1, quoted.end() - 1) : quoted;
    }
}
