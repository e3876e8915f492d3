package dev.vlint.fixers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EditApplierTest {
    private static Fix replace(int start, int end, String text) {
        return Fix.safe("replace " + start + ".." + end, new Edit(new TextRange(start, end), text));
    }

    @Test
    void appliesEditsWhateverTheirOrderInsideAFix() {
        Fix fix = Fix.safe("two", new Edit(new TextRange(6, 7), "Y"), new Edit(new TextRange(0, 1), "A"));

        EditApplier.Result result = EditApplier.apply("abcdefgh", List.of(fix));

        assertEquals("AbcdefYh", result.text());
        assertEquals(List.of(fix), result.applied());
    }

    @Test
    void overlappingFixIsDeferredWhole() {
        Fix first = replace(2, 5, "X");
        Fix second = Fix.safe("both", new Edit(new TextRange(0, 1), "Z"), new Edit(new TextRange(4, 6), "Q"));

        EditApplier.Result result = EditApplier.apply("abcdefgh", List.of(first, second));

        assertEquals("abXfgh", result.text());
        assertEquals(List.of(first), result.applied());
        assertEquals(List.of(second), result.deferred());
    }

    @Test
    void twoInsertionsAtOneOffsetConflict() {
        Fix first = Fix.safe("one", Edit.insert(3, "1"));
        Fix second = Fix.safe("two", Edit.insert(3, "2"));

        EditApplier.Result result = EditApplier.apply("abcdef", List.of(first, second));

        assertEquals("abc1def", result.text());
        assertEquals(List.of(second), result.deferred());
    }

    @Test
    void insertionAtTheStartOfAReplacementConflicts() {
        EditApplier.Result result = EditApplier.apply("abcdef",
                List.of(replace(3, 5, "X"), Fix.safe("insert", Edit.insert(3, "1"))));

        assertEquals("abcXf", result.text());
        assertEquals(1, result.deferred().size());
    }

    @Test
    void touchingEditsDoNotConflict() {
        EditApplier.Result result = EditApplier.apply("abcdef",
                List.of(replace(0, 2, "X"), replace(2, 4, "Y"), Fix.safe("insert", Edit.insert(4, "1"))));

        assertEquals("XY1ef", result.text());
        assertEquals(3, result.applied().size());
    }

    @Test
    void aDeclarationPendingFromAnEarlierFixIsNotMadeAgain() {
        Fix first = Fix.safe("first", Edit.declaration(0, "ARG A\n", "ARG A"), new Edit(new TextRange(2, 3), "X"));
        Fix second = Fix.safe("second", Edit.declaration(4, "ARG A\n", "ARG A"), new Edit(new TextRange(5, 6), "Y"));

        EditApplier.Result result = EditApplier.apply("ab.cd.", List.of(first, second));

        assertEquals("ARG A\nabXcdY", result.text());
        assertEquals(List.of(first, second), result.applied());
    }

    @Test
    void declarationsOfDifferentThingsAreBothMade() {
        Fix first = Fix.safe("first", Edit.declaration(0, "ARG A\n", "ARG A"));
        Fix second = Fix.safe("second", Edit.declaration(3, "ARG B\n", "ARG B"));

        assertEquals("ARG A\nab.ARG B\ncd", EditApplier.apply("ab.cd", List.of(first, second)).text());
    }

    @Test
    void fixesThatCanNeverApplyAreInvalid() {
        Fix outside = replace(4, 9, "X");
        Fix selfOverlapping = Fix.safe("self", new Edit(new TextRange(0, 2), "A"), new Edit(new TextRange(1, 3), "B"));

        EditApplier.Result result = EditApplier.apply("abcdef", List.of(outside, selfOverlapping));

        assertEquals("abcdef", result.text());
        assertEquals(List.of(outside, selfOverlapping), result.invalid());
    }

    @Property(tries = 300)
    void textOutsideEditsIsUntouchedAndOrderDoesNotMatter(@ForAll("cases") Case c) {
        EditApplier.Result result = EditApplier.apply(c.text, c.fixes);
        assertEquals(c.fixes.size(), result.applied().size(), "non-overlapping fixes all apply");

        // Walk the output: each gap between edits must be the original text, each edit its replacement.
        List<Edit> edits = new ArrayList<>(c.fixes.stream().map(f -> f.edits().get(0)).toList());
        edits.sort(Comparator.comparing(Edit::range));
        int in = 0;
        int out = 0;
        for (Edit edit : edits) {
            String gap = c.text.substring(in, edit.range().start());
            assertEquals(gap, result.text().substring(out, out + gap.length()));
            out += gap.length();
            assertEquals(edit.replacement(), result.text().substring(out, out + edit.replacement().length()));
            out += edit.replacement().length();
            in = edit.range().end();
        }
        assertEquals(c.text.substring(in), result.text().substring(out));

        List<Fix> shuffled = new ArrayList<>(c.fixes);
        Collections.shuffle(shuffled, new Random(c.seed));
        assertEquals(result.text(), EditApplier.apply(c.text, shuffled).text());
    }

    @Property(tries = 300)
    void acceptedFixesNeverConflict(@ForAll("anyFixes") Case c) {
        EditApplier.Result result = EditApplier.apply(c.text, c.fixes);
        List<Edit> accepted = result.applied().stream().flatMap(f -> f.edits().stream()).toList();
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i + 1; j < accepted.size(); j++) {
                assertEquals(false, EditApplier.conflict(accepted.get(i), accepted.get(j)));
            }
        }
        assertEquals(c.fixes.size(), result.applied().size() + result.deferred().size() + result.invalid().size());
    }

    record Case(String text, List<Fix> fixes, long seed) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> texts = Arbitraries.strings().withChars("ab\r\n é").ofMaxLength(40);
        return Combinators.combine(texts, Arbitraries.longs()).as((text, seed) -> disjointEdits(text, seed));
    }

    @Provide
    Arbitrary<Case> anyFixes() {
        Arbitrary<String> texts = Arbitraries.strings().withChars("xyz\n").ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(texts, Arbitraries.longs()).as((text, seed) -> {
            Random random = new Random(seed);
            List<Fix> fixes = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                int start = random.nextInt(text.length() + 1);
                int end = start + random.nextInt(text.length() + 2 - start);
                fixes.add(replace(start, end, "r" + i));
            }
            return new Case(text, fixes, seed);
        });
    }

    /** Cuts the text at random sorted points; some pieces become edits (insertions included). */
    private static Case disjointEdits(String text, long seed) {
        Random random = new Random(seed);
        List<Fix> fixes = new ArrayList<>();
        int pos = 0;
        while (pos <= text.length()) {
            int start = pos + random.nextInt(text.length() - pos + 1);
            int end = start + random.nextInt(Math.min(4, text.length() - start) + 1);
            fixes.add(replace(start, end, random.nextBoolean() ? "" : "<" + fixes.size() + ">"));
            // Leave at least one character before the next edit so insertions never share an offset.
            pos = end + 1;
            if (random.nextInt(3) == 0) {
                break;
            }
        }
        return new Case(text, fixes, seed);
    }
}
