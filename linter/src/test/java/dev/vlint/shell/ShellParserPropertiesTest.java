package dev.vlint.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.shell.Command.BraceGroup;
import dev.vlint.shell.Command.CaseCommand;
import dev.vlint.shell.Command.CaseItem;
import dev.vlint.shell.Command.ForCommand;
import dev.vlint.shell.Command.FunctionDef;
import dev.vlint.shell.Command.IfBranch;
import dev.vlint.shell.Command.IfCommand;
import dev.vlint.shell.Command.Subshell;
import dev.vlint.shell.Command.WhileCommand;
import dev.vlint.shell.WordPart.CommandSubstitution;
import dev.vlint.shell.WordPart.DoubleQuoted;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ShellParserPropertiesTest {
    private static final String SHELL_CHARS = "abcdeifthnsoupl \t\n\\'\"`$(){}[];&|<>#=-*!0123,.:+%@/\r";
    private static final String GAP = "\\\n    ";

    @Property(tries = 400)
    void randomShellishTextNeverBreaksTheParser(@ForAll("shellish") String text) {
        checkWithGaps(text);
    }

    @Property(tries = 300)
    void mutatedRealScriptsNeverBreakTheParser(@ForAll("mutatedScripts") String text) {
        checkWithGaps(text);
    }

    @Property(tries = 20)
    void deepNestingIsCutOffWithAProblem(@ForAll("openers") String opener) {
        String text = opener.repeat(3000) + "echo x";
        checkWithGaps(text);
        Parsed<ShellScript> parsed = ShellParser.parse(MappedText.slice(SourceFile.of("t.sh", text),
                new TextRange(0, text.length())));
        assertTrue(parsed.problems().stream().anyMatch(p -> p.message().contains("nested too deeply")));
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of("( ", "$( ", "\"$(", "{ ", "if ", "! ", "<(", "f() ");
    }

    @Provide
    Arbitrary<String> shellish() {
        Arbitrary<String> chars = Arbitraries.strings().withChars(SHELL_CHARS.toCharArray()).ofMaxLength(120);
        Arbitrary<String> tokens = Arbitraries.of("if ", "then ", "fi", "for x in ", "do ", "done", "case ", " in ",
                "esac", "$(", "${", "$((", "))", "<<EOF\n", "\nEOF\n", "<<-'E'\n", "&&", "||", ";;", "{ ", " }",
                "f() ", "`", "'", "\"", "\n", " ", "echo ", "#", "\\\n", "2>&1", "<<<", "(", ")", "a=(", "b+=(")
                .list().ofMaxSize(40).map(list -> String.join("", list));
        return Arbitraries.oneOf(chars, tokens);
    }

    @Provide
    Arbitrary<String> mutatedScripts() {
        String fixture = fixture();
        return Arbitraries.longs().map(seed -> mutate(fixture, new Random(seed)));
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, SHELL_CHARS.charAt(random.nextInt(SHELL_CHARS.length())));
                default -> out.delete(at, Math.min(out.length(), at + random.nextInt(40)));
            }
        }
        return out.toString();
    }

    private static String fixture() {
        try (InputStream in = ShellParserPropertiesTest.class.getResourceAsStream("/shell/build-wheel.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Embeds the text in a file with a continuation gap every few characters, then parses it. */
    private static void checkWithGaps(String text) {
        StringBuilder file = new StringBuilder("RUN ");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (i > 0 && i % 9 == 0) {
                file.append(GAP);
            }
            offsets.add(file.length());
            file.append(text.charAt(i));
        }
        SourceFile source = SourceFile.of("Dockerfile", file.toString());
        MappedText.Builder builder = new MappedText.Builder();
        for (int i = 0; i < text.length(); i++) {
            builder.append(text.charAt(i), offsets.get(i));
        }
        MappedText mapped = builder.build(file.length());
        TextRange span = new TextRange(4, file.length());

        Parsed<ShellScript> parsed = ShellParser.parse(mapped);
        assertNotNull(parsed.model());
        for (ParseProblem problem : parsed.problems()) {
            assertFalse(problem.message().startsWith("internal"), problem + " for " + text);
            assertInside(span, problem.range(), text);
        }
        ShellScript script = parsed.model();
        assertInside(span, script.range(), text);
        script.comments().forEach(c -> assertInside(span, c.range(), text));
        List<SimpleCommand> commands = script.commands();
        for (int i = 1; i < commands.size(); i++) {
            assertTrue(commands.get(i - 1).range().start() <= commands.get(i).range().start(), text);
        }
        script.body().forEach(c -> checkCommand(span, c, text));
        for (SimpleCommand command : commands) {
            command.effective();
            command.variableAssignments();
            command.optionValues("-f").forEach(w -> assertInside(span, w.range(), text));
            command.optionValues("--platform").forEach(w -> assertInside(span, w.range(), text));
        }
        source.position(script.range().end());
    }

    private static void checkCommands(TextRange span, List<Command> commands, String text) {
        commands.forEach(c -> checkCommand(span, c, text));
    }

    private static void checkCommand(TextRange span, Command command, String text) {
        assertInside(span, command.range(), text);
        if (command instanceof SimpleCommand simple) {
            simple.assignments().forEach(a -> {
                assertInside(span, a.range(), text);
                checkWord(span, a.value(), text);
            });
            simple.words().forEach(w -> checkWord(span, w, text));
            checkRedirections(span, simple.redirections(), text);
        } else if (command instanceof Subshell sub) {
            checkCommands(span, sub.body(), text);
            checkRedirections(span, sub.redirections(), text);
        } else if (command instanceof BraceGroup group) {
            checkCommands(span, group.body(), text);
            checkRedirections(span, group.redirections(), text);
        } else if (command instanceof IfCommand ifCommand) {
            for (IfBranch branch : ifCommand.branches()) {
                checkCommands(span, branch.condition(), text);
                checkCommands(span, branch.body(), text);
            }
            checkCommands(span, ifCommand.elseBody(), text);
        } else if (command instanceof ForCommand loop) {
            if (loop.items() != null) {
                loop.items().forEach(w -> checkWord(span, w, text));
            }
            checkCommands(span, loop.body(), text);
        } else if (command instanceof WhileCommand loop) {
            checkCommands(span, loop.condition(), text);
            checkCommands(span, loop.body(), text);
        } else if (command instanceof CaseCommand caseCommand) {
            for (CaseItem item : caseCommand.items()) {
                assertInside(span, item.range(), text);
                item.patterns().forEach(w -> checkWord(span, w, text));
                checkCommands(span, item.body(), text);
            }
        } else if (command instanceof FunctionDef function && function.body() != null) {
            checkCommand(span, function.body(), text);
        }
    }

    private static void checkRedirections(TextRange span, List<Redirection> redirections, String text) {
        for (Redirection redirection : redirections) {
            assertInside(span, redirection.range(), text);
            if (redirection.target() != null) {
                checkWord(span, redirection.target(), text);
            }
            if (redirection.hereDoc() != null) {
                assertInside(span, redirection.hereDoc().bodyRange(), text);
            }
        }
    }

    private static void checkWord(TextRange span, Word word, String text) {
        assertInside(span, word.range(), text);
        word.literalValue();
        word.value(name -> "v");
        checkParts(span, word.parts(), text);
    }

    private static void checkParts(TextRange span, List<WordPart> parts, String text) {
        for (WordPart part : parts) {
            assertInside(span, part.range(), text);
            if (part instanceof DoubleQuoted quoted) {
                checkParts(span, quoted.parts(), text);
            } else if (part instanceof CommandSubstitution substitution) {
                checkCommands(span, substitution.body(), text);
            }
        }
    }

    private static void assertInside(TextRange span, TextRange range, String text) {
        assertTrue(range.start() >= span.start() && range.end() <= span.end(),
                range + " outside " + span + " for: " + text);
    }
}
