package dev.vlint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileKindTest {
    @Test
    void requirementsFiles() {
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("requirements.txt", ""));
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("docker/requirements-dev.txt", ""));
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("requirements/build/cuda.txt", ""));
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("py/requirements/common.txt", ""));
        assertEquals(FileKind.OTHER, FileKind.classify("docs/notes.txt", ""));
    }
}
