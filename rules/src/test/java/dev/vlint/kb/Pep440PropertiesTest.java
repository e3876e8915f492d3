package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws that must hold for any version built from PEP 440's parts. */
class Pep440PropertiesTest {

    private static Pep440.Version v(String s) {
        return Pep440.parse(s).orElseThrow(() -> new AssertionError("not PEP 440: " + s));
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> release = Arbitraries.integers().between(0, 30).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> pre = Arbitraries.of("", "a1", "b2", "rc0", "-alpha.3", ".pre4");
        Arbitrary<String> post = Arbitraries.of("", ".post1", "-2", "rev3");
        Arbitrary<String> dev = Arbitraries.of("", ".dev0", "-dev5");
        Arbitrary<String> local = Arbitraries.of("", "+cu128", "+abc.7", "+local_01");
        return Combinators.combine(release, pre, post, dev, local).as((r, a, b, c, d) -> r + a + b + c + d);
    }

    @Property
    void normalizedFormParsesToAnEqualVersion(@ForAll("versions") String text) {
        Pep440.Version parsed = v(text);
        Pep440.Version again = v(parsed.toString());
        assertEquals(parsed, again);
        assertEquals(parsed.toString(), again.toString());
    }

    @Property
    void orderingIsAntisymmetric(@ForAll("versions") String a, @ForAll("versions") String b) {
        assertEquals(Integer.signum(v(a).compareTo(v(b))), -Integer.signum(v(b).compareTo(v(a))));
    }

    @Property
    void exactSpecifierMatchesItsOwnVersion(@ForAll("versions") String text) {
        Pep440.Version parsed = v(text);
        assertTrue(Pep440.SpecifierSet.parse("==" + parsed).orElseThrow().contains(parsed));
        assertTrue(Pep440.SpecifierSet.parse(">=" + parsed.withoutLocal()).orElseThrow().contains(parsed));
    }
}
