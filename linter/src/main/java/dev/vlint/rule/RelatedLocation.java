package dev.vlint.rule;

import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;

/** Another place that explains a finding, e.g. the workflow step that builds for two platforms. */
public record RelatedLocation(SourceFile file, TextRange range, String message) {}
