package dev.vlint.python;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The core metadata of a wheel, read from {@code *.dist-info/METADATA} inside the archive without
 * unpacking anything else. Reading is bounded (entry count, metadata size) so that a hostile or
 * broken archive yields a problem, never an exception or an unbounded read.
 *
 * @param fileName the parsed file name, or null when the name is not a wheel name
 * @param requiresDist the {@code Requires-Dist} values as written
 */
public record WheelMetadata(WheelName fileName, String name, String version, List<String> requiresDist) {
    /** Larger METADATA files are refused; real ones are a few hundred KB at most. */
    public static final int MAX_METADATA_BYTES = 4 * 1024 * 1024;
    /** Archives with more entries than this are not scanned. */
    public static final int MAX_ENTRIES = 200_000;

    public WheelMetadata {
        requiresDist = List.copyOf(requiresDist);
    }

    /** Reads a wheel; problems have an empty range at the start of the file (a wheel has no text). */
    public static Parsed<WheelMetadata> read(Path wheel) {
        WheelName fileName = WheelName.parse(wheel.getFileName().toString()).orElse(null);
        List<ParseProblem> problems = new ArrayList<>();
        if (fileName == null) {
            problems.add(problem("file name is not <name>-<version>[-<build>]-<python>-<abi>-<platform>.whl"));
        }
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            ZipEntry entry = metadataEntry(zip, fileName);
            if (entry == null) {
                problems.add(problem("no .dist-info/METADATA in the wheel"));
                return new Parsed<>(null, problems);
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
            }
            if (bytes.length > MAX_METADATA_BYTES) {
                problems.add(problem(entry.getName() + " is larger than " + MAX_METADATA_BYTES + " bytes"));
                return new Parsed<>(null, problems);
            }
            return new Parsed<>(parseMetadata(fileName, new String(bytes, StandardCharsets.UTF_8), problems), problems);
        } catch (IOException | RuntimeException e) {
            problems.add(problem("cannot read the wheel: " + e.getMessage()));
            return new Parsed<>(null, problems);
        }
    }

    /** The METADATA entry, preferring the dist-info folder named after the file. */
    private static ZipEntry metadataEntry(ZipFile zip, WheelName fileName) {
        if (zip.size() > MAX_ENTRIES) {
            throw new IllegalStateException("more than " + MAX_ENTRIES + " entries");
        }
        if (fileName != null) {
            ZipEntry expected = zip.getEntry(fileName.distribution() + "-" + fileName.version() + ".dist-info/METADATA");
            if (expected != null) {
                return expected;
            }
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.getName().matches("[^/]+\\.dist-info/METADATA")) {
                return entry;
            }
        }
        return null;
    }

    /** Reads the header block of an email-style METADATA file (the body is the description). */
    private static WheelMetadata parseMetadata(WheelName fileName, String text, List<ParseProblem> problems) {
        String name = null;
        String version = null;
        List<String> requires = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                continue; // a folded continuation of a header we do not read
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
            switch (line.substring(0, colon).strip().toLowerCase(Locale.ROOT)) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "requires-dist" -> requires.add(value);
                default -> { }
            }
        }
        if (name == null || version == null) {
            problems.add(problem("METADATA lacks " + (name == null ? "Name" : "Version")));
        }
        return new WheelMetadata(fileName, name, version, requires);
    }

    private static ParseProblem problem(String message) {
        return new ParseProblem(TextRange.at(0), message);
    }
}
