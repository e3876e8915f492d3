package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values match what the 'packaging' library (26.2) answers for the same input. */
class Pep440Test {

    private static Pep440.Version v(String s) {
        return Pep440.parse(s).orElseThrow(() -> new AssertionError("not PEP 440: " + s));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.0.0rc1 | 1.0.0rc1", "1.0.0-rc.1 | 1.0.0rc1", "1.0.0.rc1 | 1.0.0rc1", "1.0.0-1 | 1.0.0.post1",
            "1.0.0-beta.1 | 1.0.0b1", "v1.0 | 1.0", "1.0.0+cu_128 | 1.0.0+cu.128", "1.0.0+CPU | 1.0.0+cpu",
            "1!2.0 | 1!2.0", "1.0.0rc1.post1.dev2 | 1.0.0rc1.post1.dev2", "1.0ALPHA | 1.0a0", "1.0c1 | 1.0rc1",
            "1.0pre2 | 1.0rc2", "1.0preview3 | 1.0rc3", "1.0-r4 | 1.0.post4", "1.0rev | 1.0.post0",
            "1.0.post | 1.0.post0", "1.0-dev | 1.0.dev0",
            "2.7.0a0+79aa17489c.nv25.02 | 2.7.0a0+79aa17489c.nv25.2", "2.11.0+cu130 | 2.11.0+cu130",
            "01.02.003 | 1.2.3", "1.0.0+abc.007 | 1.0.0+abc.7", "' 1.0 ' | 1.0", "1.0a.1 | 1.0a1",
    })
    void normalizes(String input, String normalized) {
        assertEquals(normalized, v(input).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.20.0:0", "1.0+", "1.0+a..b", "a", "", "1..3", "1.0-rc0:0", "1.0_", "1.0.",
            "+cpu", "1.0+cpu+2", "1.0-1-1"})
    void rejectsInvalid(String input) {
        assertTrue(Pep440.parse(input).isEmpty(), input);
        assertFalse(Pep440.isValid(input));
    }

    @Test
    void ordersLikePackaging() {
        List<String> ordered = List.of("1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1",
                "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15",
                "1.1.dev1", "2.7.0a0", "2.7.0a0+6c54963f75", "2.7.0", "2.7.0+cu126", "2.7.0+cu128", "2.7.1",
                "2.10.0", "1!0.1");
        List<Pep440.Version> shuffled = new ArrayList<>(ordered.stream().map(Pep440Test::v).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertEquals(ordered, shuffled.stream().map(Pep440.Version::toString).toList());
    }

    @Test
    void equalityIgnoresTrailingZeros() {
        assertEquals(v("1.0"), v("1.0.0"));
        assertEquals(v("1.0").hashCode(), v("1.0.0").hashCode());
        assertNotEquals(v("1.0"), v("1.0+cpu"));
    }

    @Test
    void accessors() {
        Pep440.Version ngc = v("2.7.0a0+79aa17489c.nv25.02");
        assertTrue(ngc.isPrerelease());
        assertEquals("2.7.0", ngc.baseVersion().toString());
        assertEquals("2.7.0a0", ngc.withoutLocal().toString());
        assertEquals("79aa17489c.nv25.2", ngc.localLabel().orElseThrow());
        assertTrue(v("1.0.post1").isPostrelease());
        assertTrue(v("1.0.dev1").isPrerelease());
        assertFalse(v("1.0+cpu").isPrerelease());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "==2.7.0 | 2.7.0 | true", "==2.7.0 | 2.7 | true", "==2.7.0 | 2.7.0+cu128 | true",
            "==2.7.0 | 2.7.0a0+79aa17489c.nv25.02 | false", "==2.7.0+cu128 | 2.7.0+cu128 | true",
            "==2.7.0+cu128 | 2.7.0 | false", "==2.7.0+cu128 | 2.7.0+cu126 | false", "==2.7.* | 2.7.1 | true",
            "==2.7.* | 2.7.0a0 | true", "==2.7.* | 2.8.0 | false", "==2.7.* | 2.7.1+cu128 | true",
            "==2.* | 2.11.0 | true", "!=2.8.0 | 2.8.0 | false", "!=2.8.0 | 2.8.0+cu128 | false",
            "!=2.8.0 | 2.8.1 | true", "!=2.8.* | 2.8.3 | false", ">=2.7 | 2.7.0a0 | false", ">=2.7 | 2.7.0 | true",
            ">=2.7 | 2.6.0 | false", ">=2.7 | 2.11.0+cu130 | true", ">=2.7.0a0 | 2.7.0a0+abc | true",
            "<=2.7 | 2.7.0+cu128 | true", "<=2.7 | 2.7.1 | false", "<2.7 | 2.7.0a0 | false", "<2.7 | 2.6.9 | true",
            "<2.7a5 | 2.7a1 | true", "<2.7 | 2.7.0.dev1 | false", ">2.7 | 2.7.1 | true", ">2.7 | 2.7.0.post1 | false",
            ">2.7 | 2.7.0+cu128 | false", ">2.7.post1 | 2.7.post2 | true", ">2.7 | 2.8.0a1 | true",
            "~=2.2 | 2.3 | true", "~=2.2 | 3.0 | false", "~=2.2.1 | 2.2.5 | true", "~=2.2.1 | 2.3.0 | false",
            "~=1.4.5a4 | 1.4.5 | true", "===2.7.0+cu128 | 2.7.0+cu128 | true", "===2.7 | 2.7.0 | false",
            ">=77.0.3,<81.0.0 | 80.9.0 | true", ">=77.0.3,<81.0.0 | 81.0.0 | false",
            ">=77.0.3,<81.0.0 | 75.0 | false", "'' | 1.0 | true", "'' | 1.0rc1 | true",
            ">=1.0.dev0 | 1.0a1 | true", "==1.0.0rc1 | 1.0.0rc1 | true", "' >= 2.7 , != 2.8.0 ' | 2.9.1 | true",
    })
    void specifiersMatchLikePackaging(String spec, String version, boolean expected) {
        Pep440.SpecifierSet set = Pep440.SpecifierSet.parse(spec).orElseThrow(() -> new AssertionError(spec));
        assertEquals(expected, set.contains(v(version)), spec + " contains " + version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ">2.7 | 2.8.0a1 | false", ">=2.7a1 | 2.8.0a1 | true", "'' | 1.0rc1 | false", ">=2.7 | 2.8.0 | true",
            "==2.8.0rc1 | 2.8.0rc1 | true",
    })
    void candidatePrereleasesNeedAClauseThatNamesOne(String spec, String version, boolean expected) {
        assertEquals(expected, Pep440.SpecifierSet.parse(spec).orElseThrow().contains(v(version), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {">=2.7.*", "~=2", "<2.7+cu128", "==2.7.*+cu128", "=>2.7", "==", "2.7", ">=2.7,<",
            "==2.7.0a1.*", "~=2.7.*"})
    void rejectsInvalidSpecifiers(String spec) {
        assertTrue(Pep440.SpecifierSet.parse(spec).isEmpty(), spec);
    }

    @Test
    void emptyClausesAreIgnored() {
        assertEquals(">=2.7", Pep440.SpecifierSet.parse(">=2.7,").orElseThrow().toString());
    }

    @Test
    void specifierToStringIsNormalized() {
        assertEquals(">=2.7,!=2.8.0rc1,==2.9.*",
                Pep440.SpecifierSet.parse(">= 2.7 , != 2.8.0-RC1, ==2.9.*").orElseThrow().toString());
    }
}
