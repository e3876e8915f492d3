package dev.vlint.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectRefsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v0.15.1 | 0.15.1", "0.15.1 | 0.15.1", "tags/v0.10.1.1 | 0.10.1.1", "refs/tags/v0.8.5.post1 | 0.8.5.post1",
            "releases/v0.16.0 | 0.16.0", "v0.9.2rc1 | 0.9.2rc1", "main | ", "3d7606935cb1 | ", "${VLLM_REF} | ",
    })
    void releaseOfRef(String ref, String release) {
        assertEquals(release, ProjectRefs.releaseOfRef(ref));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vllm==0.15.1 | 0.15.1", "vllm[audio] == 0.15.1 | 0.15.1", "vllm>=0.10 | ", "vllm | ",
            "vllm==0.15.1; sys_platform == 'linux' | 0.15.1",
    })
    void pinnedVersion(String requirement, String version) {
        assertEquals(version, ProjectRefs.pinnedVersion(requirement));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "git+https://github.com/vllm-project/vllm.git@v0.15.1 | v0.15.1",
            "vllm @ git+https://github.com/vllm-project/vllm@v0.16.0#egg=vllm | v0.16.0",
            "git+ssh://git@github.com/vllm-project/vllm.git@main | main",
            "git+ssh://git@github.com/vllm-project/vllm.git | ",
            "git+https://github.com/vllm-project/vllm.git | ",
    })
    void vcsRef(String requirement, String ref) {
        assertEquals(ref, ProjectRefs.vcsRef(requirement));
    }
}
