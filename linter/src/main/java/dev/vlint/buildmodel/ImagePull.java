package dev.vlint.buildmodel;

import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.Set;

/**
 * A {@code docker pull}: the image as written, its platforms ({@code --platform}; empty for the
 * runner's own), and where the command stands.
 */
public record ImagePull(String image, Set<String> platforms, SourceFile file, TextRange range) {}
