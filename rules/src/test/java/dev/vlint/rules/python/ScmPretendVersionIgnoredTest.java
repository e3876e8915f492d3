package dev.vlint.rules.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScmPretendVersionIgnoredTest {
    @Test
    void suffixFollowsSetuptoolsScmNormalization() {
        assertEquals("VLLM", ScmPretendVersionIgnored.envSuffix("vllm"));
        assertEquals("MY_PKG_NAME", ScmPretendVersionIgnored.envSuffix("my.pkg-name"));
        assertEquals("FLASH_ATTN", ScmPretendVersionIgnored.envSuffix("Flash__Attn"));
    }
}
