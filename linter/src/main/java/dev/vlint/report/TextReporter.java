package dev.vlint.report;

import dev.vlint.fix.Applicability;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.Severity;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Compiler-style output: {@code path:line:col: level[ID] message}, then the source line with the
 * range underlined ({@code ^~~~}), the related locations and the available fixes. Suppressed
 * findings are left out; the totals are the caller's to print (vlint puts them on stderr). Tabs
 * are expanded to the next multiple of {@value #TAB_WIDTH} and wide (East Asian, emoji)
 * characters take two cells, so the underline stays under the range.
 */
public final class TextReporter implements Reporter {
    static final int TAB_WIDTH = 4;
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private final boolean color;

    /** @param color whether to use ANSI colours (for a terminal) */
    public TextReporter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(RunResult result, Writer out) throws IOException {
        for (Finding finding : result.active()) {
            writeFinding(finding, out);
        }
        out.flush();
    }

    private void writeFinding(Finding finding, Writer out) throws IOException {
        SourceFile file = finding.file();
        Position start = finding.start();
        String level = finding.severity().label();
        out.write(style(BOLD, file.path() + ":" + start.line() + ":" + start.column() + ":") + " "
                + style(levelColor(finding.severity()), level + "[" + finding.ruleId() + "]") + " "
                + finding.message() + "\n");

        int lineIndex = start.line() - 1;
        String lineText = file.lineText(lineIndex);
        int from = start.column() - 1;
        int to = finding.range().isEmpty() ? from
                : Math.min(finding.range().end() - file.lineStart(lineIndex), lineText.length());
        String gutter = String.valueOf(start.line());
        String blank = " ".repeat(gutter.length());
        out.write(style(DIM, gutter + " | ") + render(lineText) + "\n");
        out.write(style(DIM, blank + " | ") + " ".repeat(width(lineText, 0, from))
                + style(levelColor(finding.severity()), underline(width(lineText, from, to))) + "\n");

        for (RelatedLocation related : finding.related()) {
            Position at = related.file().position(related.range().start());
            out.write(blank + " = note: " + related.file().path() + ":" + at.line() + ":" + at.column() + ": "
                    + related.message() + "\n");
        }
        for (Fix fix : finding.fixes()) {
            out.write(blank + " = fix (" + applicability(fix.applicability()) + "): " + fix.title() + "\n");
        }
    }

    private static String underline(int cells) {
        return "^" + "~".repeat(Math.max(0, cells - 1));
    }

    private static String applicability(Applicability applicability) {
        return applicability.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private String style(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String levelColor(Severity severity) {
        return switch (severity) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case NOTE -> "\u001b[1;36m";
        };
    }

    /** The line as a terminal should show it: tabs expanded, control characters made visible. */
    static String render(String line) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (cp == '\t') {
                int spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else if (Character.isISOControl(cp)) {
                out.append('?');
                column++;
            } else {
                out.appendCodePoint(cp);
                column += cellWidth(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Terminal cells taken by {@code line[from, to)} when the line is rendered from its start. */
    static int width(String line, int from, int to) {
        return cellsUpTo(line, to) - cellsUpTo(line, from);
    }

    private static int cellsUpTo(String line, int end) {
        int column = 0;
        for (int i = 0; i < end && i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (cp == '\t') {
                column += TAB_WIDTH - column % TAB_WIDTH;
            } else {
                column += Character.isISOControl(cp) ? 1 : cellWidth(cp);
            }
            i += Character.charCount(cp);
        }
        return column;
    }

    /** 0 for combining marks and format characters, 2 for wide characters, else 1. */
    static int cellWidth(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
