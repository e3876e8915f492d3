package dev.vlint.fixers;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.ProjectFile;
import java.util.List;

/**
 * Parses a file the way the rules would and lists the problems; a fix after which a file has a
 * problem it did not have before is rolled back. Typically dispatches on {@link ProjectFile#kind()}
 * to the parser's {@code KEY}: {@code file.parse(KEY).problems()}.
 */
@FunctionalInterface
public interface ParseCheck {
    /** Checks nothing: every fix keeps the file parseable. */
    ParseCheck NONE = file -> List.of();

    List<ParseProblem> problems(ProjectFile file);
}
