package dev.vlint.fixers;

import dev.vlint.project.FileModels;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.ProjectFile;
import java.util.List;

/**
 * Parses a file the way the rules would and lists the problems; a fix after which a file has a
 * problem it did not have before is rolled back.
 */
@FunctionalInterface
public interface ParseCheck {
    /** Checks nothing: every fix keeps the file parseable. */
    ParseCheck NONE = file -> List.of();

    /** Parses each file with the parser of its kind, as VL001 does. */
    ParseCheck PRIMARY = FileModels::problems;

    List<ParseProblem> problems(ProjectFile file);
}
