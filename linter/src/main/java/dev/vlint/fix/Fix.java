package dev.vlint.fix;

import java.util.List;

/** A repair of one finding: edits to the finding's file, applied together or not at all. */
public record Fix(String title, Applicability applicability, List<Edit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }

    public static Fix safe(String title, Edit... edits) {
        return new Fix(title, Applicability.SAFE, List.of(edits));
    }

    public static Fix unsafe(String title, Edit... edits) {
        return new Fix(title, Applicability.UNSAFE, List.of(edits));
    }
}
