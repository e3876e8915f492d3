package dev.vlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationTest {
    @Test
    void markerAloneOnItsLineTargetsTheNextNonMarkerLine() {
        SourceFile file = SourceFile.of("Dockerfile", "FROM x\n# expect: VL101\n# expect: VL103 \"/opt/hpcx\"\nRUN a\n");
        assertEquals(List.of(new Expectation("Dockerfile", 4, "VL101", null, null),
                new Expectation("Dockerfile", 4, "VL103", null, "/opt/hpcx")), Expectation.scan(file));
    }

    @Test
    void trailingMarkerTargetsItsOwnLineAndMayNameSeveralRules() {
        SourceFile file = SourceFile.of("v.ts", "a\nversion: '1-rc0:0', // expect: VL301, VL002\n");
        assertEquals(List.of(new Expectation("v.ts", 2, "VL301", null, null),
                new Expectation("v.ts", 2, "VL002", null, null)),
                Expectation.scan(file));
    }

    @Test
    void markerMayNameTheLevelBeforeTheText() {
        SourceFile file = SourceFile.of("x.sh", "git checkout abc1234 # expect: VL107 note \"abc1234\"\n");
        assertEquals(List.of(new Expectation("x.sh", 1, "VL107", "note", "abc1234")), Expectation.scan(file));
    }

    @Test
    void textWithoutMarkerExpectsNothing() {
        assertEquals(List.of(), Expectation.scan(SourceFile.of("x.sh", "# expected: nothing\necho expect\n")));
    }
}
