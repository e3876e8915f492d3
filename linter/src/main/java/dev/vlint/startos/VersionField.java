package dev.vlint.startos;

import dev.vlint.source.TextRange;

/**
 * A version string literal in StartOS sources. {@code range} covers the characters inside the
 * quotes, so a fix can replace exactly the version text.
 */
public record VersionField(Kind kind, String value, TextRange range) {
    public enum Kind {
        /** {@code VersionInfo.of({ version: '...' })} */
        VERSION_INFO,
        /** {@code version} of a manifest object ({@code setupManifest({...})}, {@code manifest = {...}}) */
        MANIFEST
    }
}
