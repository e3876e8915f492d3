package dev.vlint.fixers;

import dev.vlint.source.SourceFile;

/** Keeps the line breaks of a file as they were when fixes insert or remove text. */
final class LineBreaks {
    private LineBreaks() {}

    /** In a CRLF file, turns each lone {@code \n} of inserted text into {@code \r\n}. */
    static String conform(String inserted, String lineBreak) {
        if (!lineBreak.equals("\r\n") || inserted.indexOf('\n') < 0) {
            return inserted;
        }
        StringBuilder out = new StringBuilder(inserted.length() + 8);
        for (int i = 0; i < inserted.length(); i++) {
            char c = inserted.charAt(i);
            if (c == '\n' && (i == 0 || inserted.charAt(i - 1) != '\r')) {
                out.append('\r');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A file that ended with a line break still ends with one. A file that did not is left as the
     * fixes made it, since adding the final line break may be the point of a fix.
     */
    static String keepFinalNewline(SourceFile original, String text) {
        if (endsWithBreak(original.text()) && !text.isEmpty() && !endsWithBreak(text)) {
            return text + original.lineBreak();
        }
        return text;
    }

    private static boolean endsWithBreak(String text) {
        return text.endsWith("\n") || text.endsWith("\r");
    }
}
