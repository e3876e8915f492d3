package dev.vlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.project.FileKind;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule owning another tool's ids (here XX0001 and up) makes each of them a rule id. */
class RuleIndexMembersTest {
    private static final Rule OWNER = new Rule() {
        private final RuleMeta meta = new RuleMeta("VL900", "other-tool", Severity.WARNING, "runs a tool",
                Fixability.NONE, Set.of(FileKind.SHELL), List.of());

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public Optional<RuleMeta> member(String id) {
            return id.toUpperCase().matches("XX\\d{4}") ? Optional.of(new RuleMeta(id.toUpperCase(),
                    id.toLowerCase(), Severity.WARNING, "a code of the tool", Fixability.NONE, meta.kinds(), List.of()))
                    : Optional.empty();
        }
    };
    private static final RuleIndex INDEX = new RuleIndex(List.of(StubRules.rule("VL101"), OWNER));

    @Test
    void memberIdsAreFoundAndOwned() {
        assertEquals(Optional.of("XX0042"), INDEX.id("xx0042"));
        assertEquals(Optional.of("VL900"), INDEX.owner("XX0042").map(rule -> rule.meta().id()));
        assertEquals(Optional.empty(), INDEX.owner("VL101"));
        assertEquals(Optional.of("VL101"), INDEX.id("vl101"));
        assertEquals(Optional.empty(), INDEX.id("XX42"));
    }

    @Test
    void reportsListTheMembersTheirFindingsUse() {
        SourceFile file = SourceFile.of("a.sh", "x\n");
        List<Finding> findings = List.of(new Finding("XX0002", Severity.NOTE, "m", file, new TextRange(0, 1)),
                new Finding("VL101", Severity.ERROR, "m", file, new TextRange(0, 1)),
                new Finding("XX0001", Severity.ERROR, "m", file, new TextRange(0, 1)),
                new Finding("XX0002", Severity.NOTE, "m", file, new TextRange(0, 1)));
        List<RuleMeta> listed = INDEX.withMembersOf(findings);
        assertEquals(List.of("VL101", "VL900", "XX0001", "XX0002"), listed.stream().map(RuleMeta::id).toList());
        assertEquals(Severity.ERROR, listed.get(2).severity());
        assertEquals(Severity.NOTE, listed.get(3).severity());
    }
}
