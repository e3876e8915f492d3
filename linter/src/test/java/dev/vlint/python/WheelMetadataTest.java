package dev.vlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelMetadataTest {
    private static Path wheel(Path dir, String name, String entry, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("vllm/__init__.py"));
            zip.write("x = 1\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void readsNameVersionAndRequirements(@TempDir Path dir) throws Exception {
        String metadata = """
                Metadata-Version: 2.4
                Name: vllm
                Version: 0.11.0+cu128
                License-Expression: Apache-2.0
                Requires-Dist: torch==2.9.1
                Requires-Dist: numpy ; extra == "dev"
                Description-Content-Type: text/markdown

                Requires-Dist: not-a-header
                """;
        Path file = wheel(dir, "vllm-0.11.0+cu128-cp38-abi3-manylinux_2_28_x86_64.whl",
                "vllm-0.11.0+cu128.dist-info/METADATA", metadata.getBytes(StandardCharsets.UTF_8));
        Parsed<WheelMetadata> parsed = WheelMetadata.read(file);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        WheelMetadata m = parsed.model();
        assertEquals("vllm", m.name());
        assertEquals("0.11.0+cu128", m.version());
        assertEquals(List.of("torch==2.9.1", "numpy ; extra == \"dev\""), m.requiresDist());
        assertEquals("manylinux_2_28_x86_64", m.fileName().platformTag());
    }

    @Test
    void oversizedMetadataIsRefused(@TempDir Path dir) throws Exception {
        byte[] huge = new byte[WheelMetadata.MAX_METADATA_BYTES + 10]; // zeros compress to almost nothing
        Path file = wheel(dir, "bomb-1.0-py3-none-any.whl", "bomb-1.0.dist-info/METADATA", huge);
        Parsed<WheelMetadata> parsed = WheelMetadata.read(file);
        assertNull(parsed.model());
        assertTrue(parsed.problems().get(0).message().contains("larger than"));
    }

    @Test
    void brokenArchivesAndMissingMetadataAreProblems(@TempDir Path dir) throws Exception {
        Path notZip = Files.writeString(dir.resolve("x-1.0-py3-none-any.whl"), "not a zip");
        assertTrue(WheelMetadata.read(notZip).problems().get(0).message().startsWith("cannot read the wheel"));
        Path noMeta = wheel(dir, "y-1.0-py3-none-any.whl", "y-1.0.dist-info/RECORD", new byte[0]);
        assertEquals("no .dist-info/METADATA in the wheel", WheelMetadata.read(noMeta).problems().get(0).message());
        Path badName = wheel(dir, "weird.whl", "z-1.0.dist-info/METADATA", "Name: z\n".getBytes(StandardCharsets.UTF_8));
        Parsed<WheelMetadata> parsed = WheelMetadata.read(badName);
        assertEquals("z", parsed.model().name());
        assertNull(parsed.model().fileName());
        assertEquals(2, parsed.problems().size(), parsed.problems().toString());
    }

    @Test
    void wheelNames() {
        WheelName name = WheelName.parse("torch-2.9.1+cu128-1-cp312-cp312-manylinux_2_28_x86_64.whl").orElseThrow();
        assertEquals("torch", name.distribution());
        assertEquals("2.9.1+cu128", name.version());
        assertEquals("1", name.buildTag());
        assertEquals("cp312", name.pythonTag());
        assertEquals("cp312", name.abiTag());
        assertTrue(name.hasLocalVersion());
        WheelName pure = WheelName.parse("six-1.16.0-py2.py3-none-any.whl").orElseThrow();
        assertNull(pure.buildTag());
        assertEquals("py2.py3", pure.pythonTag());
        assertFalse(pure.hasLocalVersion());
        assertTrue(WheelName.parse("six-1.16.0.tar.gz").isEmpty());
        assertTrue(WheelName.parse("six-1.16.0-py3-any.whl").isEmpty());
    }
}
