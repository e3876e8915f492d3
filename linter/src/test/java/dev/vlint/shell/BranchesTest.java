package dev.vlint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BranchesTest {
    private static final Map<String, String> VALUES = Map.of("X", "default", "EMPTY", "", "CUDA", "12.8.1");

    private static SimpleCommand named(ShellScript script, String name) {
        return script.commands().stream().filter(c -> name.equals(c.commandName())).findFirst().orElseThrow();
    }

    private static boolean dead(String text, String name) {
        ShellScript script = ShellTestSupport.script(text);
        Function<String, String> vars = VALUES::get;
        return Branches.of(script).isDead(named(script, name), c -> vars);
    }

    @Test
    void aBranchWhoseConditionIsFalseWithTheseValuesIsDead() {
        assertTrue(dead("if [ \"$X\" != default ]; then use \"$X\"; fi\n", "use"));
        assertFalse(dead("if [ \"$X\" = default ]; then use \"$X\"; fi\n", "use"));
    }

    @Test
    void elifAndElseSeeTheEarlierConditionsFail() {
        String text = "if [ \"$X\" = default ]; then a; elif [ -n \"$EMPTY\" ]; then b; else c; fi\n";
        assertFalse(dead(text, "a"));
        assertTrue(dead(text, "b"));
        assertTrue(dead(text, "c"));
    }

    @Test
    void aTestGuardsTheRestOfItsAndChainOnly() {
        String text = "[ -n \"$EMPTY\" ] && a && b || c\nd\n";
        assertTrue(dead(text, "a"));
        assertTrue(dead(text, "b"));
        assertFalse(dead(text, "c"));
        assertFalse(dead(text, "d"));
    }

    @Test
    void unknownValuesAndUnknownConditionsDecideNothing() {
        assertFalse(dead("if [ \"$UNSET\" != default ]; then a; fi\n", "a"));
        assertFalse(dead("if grep -q x f; then a; fi\n", "a"));
        assertFalse(dead("if [ \"$X\" -gt 1 ]; then a; fi\n", "a"));
    }

    @Test
    void differentBranchesOfOneIfNeverRunTogether() {
        ShellScript script = ShellTestSupport.script(
                "if [ \"$(uname -m)\" = aarch64 ]; then armtool; else x86tool; fi\nafter\n");
        Branches branches = Branches.of(script);
        assertTrue(branches.exclusive(named(script, "armtool"), named(script, "x86tool")));
        assertFalse(branches.exclusive(named(script, "armtool"), named(script, "after")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[ \"$X\" = default ]|true", "[ \"$X\" != default ]|false", "[ ! \"$X\" = default ]|false",
        "[[ $CUDA == 12.8* ]]|true", "[[ $CUDA == \"12.8*\" ]]|false", "[ -z \"$EMPTY\" ]|true",
        "[ \"$EMPTY\" ]|false", "test \"$X\" == default|true",
    })
    void testsAreEvaluated(String test, boolean expected) {
        SimpleCommand command = ShellTestSupport.script(test + "\n").commands().get(0);
        Function<String, String> vars = VALUES::get;
        assertEquals(expected, Branches.evaluate(command, vars));
    }

    @Test
    void installsInEveryBranchCoverEveryPath() {
        ShellScript both = ShellTestSupport.script(
                "if [ \"$A\" = x ]; then pip install torch; else pip install torch==2.8.0; fi\nbuild\n");
        Branches branches = Branches.of(both);
        List<SimpleCommand> installs = both.commands().stream().filter(c -> "pip".equals(c.commandName())).toList();
        assertTrue(branches.onEveryPath(installs));
        assertFalse(branches.onEveryPath(installs.subList(0, 1)));
        assertTrue(branches.conditional(installs.get(0)));
        assertFalse(branches.conditional(named(both, "build")));
        assertFalse(branches.within(named(both, "build"), installs.get(0)));
    }
}
