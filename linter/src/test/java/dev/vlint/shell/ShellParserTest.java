package dev.vlint.shell;

import static dev.vlint.shell.ShellTestSupport.command;
import static dev.vlint.shell.ShellTestSupport.end;
import static dev.vlint.shell.ShellTestSupport.join;
import static dev.vlint.shell.ShellTestSupport.names;
import static dev.vlint.shell.ShellTestSupport.parseFile;
import static dev.vlint.shell.ShellTestSupport.script;
import static dev.vlint.shell.ShellTestSupport.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.FileKind;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.project.ProjectFile;
import dev.vlint.shell.Command.BraceGroup;
import dev.vlint.shell.Command.CaseCommand;
import dev.vlint.shell.Command.ForCommand;
import dev.vlint.shell.Command.FunctionDef;
import dev.vlint.shell.Command.IfCommand;
import dev.vlint.shell.Command.Subshell;
import dev.vlint.shell.Command.WhileCommand;
import dev.vlint.shell.WordPart.Arithmetic;
import dev.vlint.shell.WordPart.CommandSubstitution;
import dev.vlint.shell.WordPart.DoubleQuoted;
import dev.vlint.shell.WordPart.Escaped;
import dev.vlint.shell.WordPart.Literal;
import dev.vlint.shell.WordPart.Parameter;
import dev.vlint.shell.WordPart.SingleQuoted;
import dev.vlint.source.MappedText;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    @Test
    void dockerfileContinuationsMapBackToTheirLines() {
        String text = "FROM ubuntu\n"
                + "RUN apt-get update && \\\n"
                + "    pip install foo && \\\n"
                + "    rm -rf /opt/hpcx\n";
        SourceFile file = SourceFile.of("Dockerfile", text);
        // The Dockerfile parser removes "\\\n" and the next line's indentation.
        int body = text.indexOf("apt-get");
        int cont1 = text.indexOf("\\\n", body);
        int line2 = text.indexOf("pip");
        int cont2 = text.indexOf("\\\n", line2);
        int line3 = text.indexOf("rm -rf");
        MappedText run = join(file, List.of(new TextRange(body, cont1), new TextRange(line2, cont2),
                new TextRange(line3, text.length() - 1)));
        assertEquals("apt-get update && pip install foo && rm -rf /opt/hpcx", run.text());

        Parsed<ShellScript> parsed = ShellParser.parse(run);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        List<SimpleCommand> commands = parsed.model().commands();
        assertEquals(List.of("apt-get", "pip", "rm"), names(parsed.model()));
        assertEquals(List.of(Connector.NONE, Connector.AND, Connector.AND),
                commands.stream().map(SimpleCommand::connector).toList());

        Word target = commands.get(2).args().get(1);
        assertEquals("/opt/hpcx", target.literalValue());
        assertEquals(new Position(4, 12), start(file, target.range()));
        assertEquals(new Position(4, 21), end(file, target.range()));
        // A command spanning a continuation starts on its own line, not on the RUN line.
        assertEquals(new Position(3, 5), start(file, commands.get(1).range()));
        assertEquals(new Position(2, 5), start(file, commands.get(0).range()));
    }

    @Test
    void yamlBlockScalarLinesMapThroughRemovedIndentation() {
        String text = "jobs:\n"
                + "  build:\n"
                + "    steps:\n"
                + "      - run: |\n"
                + "          git clone --depth 1 https://x/vllm.git\n"
                + "          cd vllm\n"
                + "          echo ok\n"
                + "          git checkout   abc123\n";
        SourceFile file = SourceFile.of("w.yml", text);
        List<TextRange> pieces = new ArrayList<>();
        for (int line = 4; line < 8; line++) {
            int lineStart = file.lineStart(line) + 10;
            pieces.add(new TextRange(lineStart, file.lineEnd(line) + 1)); // keep the newline
        }
        MappedText block = join(file, pieces);
        assertTrue(block.text().startsWith("git clone --depth 1"));

        ShellScript script = ShellParser.parse(block).model();
        SimpleCommand checkout = script.commands().get(3);
        assertEquals(Connector.NEWLINE, checkout.connector());
        Word sha = checkout.args().get(1);
        assertEquals("abc123", sha.literalValue());
        assertEquals(new Position(8, 26), start(file, sha.range()));
        assertEquals(new Position(8, 32), end(file, sha.range()));
        assertEquals("1", command(script, "git").optionValue("--depth").literalValue());
    }

    @Test
    void quotesAndEscapesAreSplitIntoParts() {
        ShellScript script = script("echo 'a b' \"c $HOME ${USER:-me}\" e\\ f *.whl\n");
        List<Word> args = script.commands().get(0).args();
        assertEquals(4, args.size());
        assertInstanceOf(SingleQuoted.class, args.get(0).parts().get(0));
        assertEquals("a b", args.get(0).literalValue());

        Word quoted = args.get(1);
        assertTrue(quoted.hasExpansion());
        assertNull(quoted.literalValue());
        DoubleQuoted dq = assertInstanceOf(DoubleQuoted.class, quoted.parts().get(0));
        assertEquals(List.of(Literal.class, Parameter.class, Literal.class, Parameter.class),
                dq.parts().stream().map(Object::getClass).toList());
        assertEquals("c /root me", quoted.value(Map.of("HOME", "/root")::get));
        assertEquals("c /root ada", quoted.value(Map.of("HOME", "/root", "USER", "ada")::get));
        assertNull(quoted.value(name -> null), "unknown $HOME has no value");

        Word escaped = args.get(2);
        assertEquals("e f", escaped.literalValue());
        assertInstanceOf(Escaped.class, escaped.parts().get(1));
        assertEquals("*.whl", args.get(3).literalValue());
        assertEquals("\"c $HOME ${USER:-me}\"", quoted.raw());
    }

    @Test
    void parameterOperationsRenderLikeTheShell() {
        ShellScript script = script("echo ${A:-dflt} ${A-dflt} ${A:+alt} ${#A} ${A%.*} $1 ${@}");
        List<Word> args = script.commands().get(0).args();
        Map<String, String> empty = Map.of("A", "");
        Map<String, String> set = Map.of("A", "x.y", "1", "first", "@", "all");
        assertEquals(List.of("dflt", "", "", "0"), args.subList(0, 4).stream().map(w -> w.value(empty::get)).toList());
        assertEquals(List.of("x.y", "x.y", "alt", "3", "first", "all"),
                List.of(0, 1, 2, 3, 5, 6).stream().map(i -> args.get(i).value(set::get)).toList());
        assertNull(args.get(4).value(set::get), "pattern removal is not evaluated");
        Parameter length = assertInstanceOf(Parameter.class, args.get(3).parts().get(0));
        assertTrue(length.length());
        assertEquals("A", length.name());
        assertEquals(":-dflt", ((Parameter) args.get(0).parts().get(0)).operation());
    }

    @Test
    void dollarQuotesAndLiteralDollars() {
        ShellScript script = script("printf $'a\\tb' \"cost: $\" $ \"$'x'\"");
        List<Word> args = script.commands().get(0).args();
        assertEquals("a\tb", args.get(0).literalValue());
        assertEquals("cost: $", args.get(1).literalValue());
        assertEquals("$", args.get(2).literalValue());
        assertEquals("$'x'", args.get(3).literalValue());
    }

    @Test
    void nestedSubstitutionsAreParsedAndTheirCommandsFound() {
        String text = "DIR=$(dirname \"$(readlink -f \"$0\")\") && echo `date +%s` $((1 + 2))\n";
        ShellScript script = script(text);
        assertEquals(List.of("null", "dirname", "readlink", "echo", "date"), names(script));

        SimpleCommand assignment = script.commands().get(0);
        assertEquals("DIR", assignment.assignments().get(0).name());
        CommandSubstitution outer = assertInstanceOf(CommandSubstitution.class,
                assignment.assignments().get(0).value().parts().get(0));
        assertEquals(new TextRange(text.indexOf("$(dirname"), text.indexOf(" && echo")), outer.range());

        SimpleCommand readlink = command(script, "readlink");
        assertEquals(text.indexOf("readlink"), readlink.range().start());
        SimpleCommand date = command(script, "date");
        assertEquals(new TextRange(text.indexOf("+%s"), text.indexOf("+%s") + 3), date.args().get(0).range());

        Word arithmetic = command(script, "echo").args().get(1);
        assertEquals("1 + 2", assertInstanceOf(Arithmetic.class, arithmetic.parts().get(0)).expression());
    }

    @Test
    void hereDocumentsAreSkippedAndKeepTheirBodies() {
        String text = "cat <<EOF > /etc/app.conf && echo done\n"
                + "name=$NAME\n"
                + "EOF\n"
                + "cat <<-'END' | sh\n"
                + "\techo $literal\n"
                + "\tEND\n"
                + "echo after\n";
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        ShellScript script = parsed.model();
        assertEquals(List.of("cat", "echo", "cat", "sh", "echo"), names(script));

        Redirection first = script.commands().get(0).redirections().get(0);
        assertEquals("<<", first.operator());
        HereDoc doc = first.hereDoc();
        assertEquals("EOF", doc.delimiter());
        assertFalse(doc.quoted());
        assertEquals("name=$NAME\n", doc.text());
        assertEquals(new TextRange(text.indexOf("name="), text.indexOf("EOF\n")), doc.bodyRange());
        assertEquals("/etc/app.conf", script.commands().get(0).redirections().get(1).target().literalValue());

        HereDoc second = script.commands().get(2).redirections().get(0).hereDoc();
        assertTrue(second.quoted());
        assertTrue(second.stripTabs());
        assertEquals("END", second.delimiter());
        assertEquals("\techo $literal\n", second.text());
        assertEquals(Connector.PIPE, script.commands().get(3).connector());
        assertEquals(Connector.NEWLINE, script.commands().get(4).connector());
    }

    @Test
    void twoHereDocumentsOnOneLine() {
        String text = "paste <<A <<B\none\nA\ntwo\nB\nls\n";
        ShellScript script = script(text);
        List<Redirection> redirections = script.commands().get(0).redirections();
        assertEquals("one\n", redirections.get(0).hereDoc().text());
        assertEquals("two\n", redirections.get(1).hereDoc().text());
        assertEquals(List.of("paste", "ls"), names(script));
    }

    @Test
    void hereDocumentWithoutItsDelimiterRunsToTheEndAsInBash() {
        // bash -n accepts both (with a warning): the body is the rest of the input.
        String text = "cat <<EOF\nabc\nEOF \n";
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        assertEquals(List.of(), parsed.problems());
        assertEquals("abc\nEOF \n", parsed.model().commands().get(0).redirections().get(0).hereDoc().text());
        assertEquals(List.of(), parseFile(SourceFile.of("t.sh", "cat <<EOF")).problems());
    }

    @Test
    void arrayElementsAreWordsWithCommentsQuotesAndSubstitutions() {
        String text = "SKIP=(\n  a-1 # it's skipped\n  \"s/(4, 5))/(1))/\" 'x)' \"{\\\"n\\\":$(f && echo ok)}\"\n)\n"
                + "more+=(\"b\\\")\" [k]=v)\necho done\n";
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        assertEquals(List.of(), parsed.problems());
        List<SimpleCommand> commands = parsed.model().commands();
        assertEquals(text.substring(text.indexOf('('), text.indexOf("\nmore")),
                commands.get(0).assignments().get(0).value().raw());
        assertTrue(commands.get(1).assignments().get(0).append());
        assertEquals("echo", commands.get(commands.size() - 1).commandName());
    }

    @Test
    void arraySyntaxErrorsAreProblemsAsInBash() {
        assertEquals(List.of("unexpected ';' in array"), problems("a=(x;y)\n"));
        assertEquals(List.of("unterminated array: missing ')'"), problems("a=(x y\n"));
    }

    private static List<String> problems(String text) {
        return parseFile(SourceFile.of("t.sh", text)).problems().stream().map(ParseProblem::message).toList();
    }

    @Test
    void redirectionsHereStringsAndDescriptorDuplication() {
        ShellScript script = script("make 2>&1 >>log.txt <<<\"$IN\" &>/dev/null");
        List<Redirection> r = script.commands().get(0).redirections();
        assertEquals(List.of(">&", ">>", "<<<", "&>"), r.stream().map(Redirection::operator).toList());
        assertEquals("2", r.get(0).fd());
        assertEquals("1", r.get(0).target().literalValue());
        assertNull(r.get(1).fd());
        assertEquals("log.txt", r.get(1).target().literalValue());
        assertTrue(r.get(2).target().hasExpansion());
        assertTrue(script.commands().get(0).args().isEmpty());
    }

    @Test
    void compoundCommands() {
        String text = "if [ -f a ]; then\n  rm a\nelif test -d b; then rm -r b\nelse\n  echo none\nfi\n"
                + "for f in *.whl; do pip install \"$f\"; done\n"
                + "while read -r line; do echo \"$line\"; done < list.txt\n"
                + "until false; do break; done\n"
                + "case \"$ARCH\" in\n  amd64|x86_64) A=x ;;\n  *) A=y ;;\nesac\n"
                + "(cd sub && make)\n"
                + "{ echo a; echo b; } > out\n"
                + "build() { cmake ..; }\n"
                + "function clean { rm -rf build; }\n";
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        List<Command> body = parsed.model().body();
        assertEquals(List.of(IfCommand.class, ForCommand.class, WhileCommand.class, WhileCommand.class,
                CaseCommand.class, Subshell.class, BraceGroup.class, FunctionDef.class, FunctionDef.class),
                body.stream().map(Object::getClass).toList());

        IfCommand ifCommand = (IfCommand) body.get(0);
        assertEquals(2, ifCommand.branches().size());
        assertEquals(1, ifCommand.elseBody().size());
        assertEquals(new TextRange(0, text.indexOf("fi\n") + 2), ifCommand.range());

        ForCommand loop = (ForCommand) body.get(1);
        assertEquals("f", loop.variable());
        assertEquals("*.whl", loop.items().get(0).literalValue());
        assertEquals(Connector.NEWLINE, loop.connector());

        WhileCommand whileLoop = (WhileCommand) body.get(2);
        assertEquals("list.txt", whileLoop.redirections().get(0).target().literalValue());
        assertTrue(((WhileCommand) body.get(3)).until());

        CaseCommand caseCommand = (CaseCommand) body.get(4);
        assertEquals(2, caseCommand.items().size());
        assertEquals(List.of("amd64", "x86_64"), caseCommand.items().get(0).patterns().stream()
                .map(Word::literalValue).toList());
        assertEquals("*", caseCommand.items().get(1).patterns().get(0).literalValue());

        assertEquals(1, ((BraceGroup) body.get(6)).redirections().size());
        assertEquals("build", ((FunctionDef) body.get(7)).name());
        assertEquals("clean", ((FunctionDef) body.get(8)).name());

        assertEquals(List.of("[", "rm", "test", "rm", "echo", "pip", "read", "echo", "false", "break", "null",
                "null", "cd", "make", "echo", "echo", "cmake", "rm"), names(parsed.model()));
    }

    @Test
    void testExpressionsAndArithmeticCommandsKeepTheirOperators() {
        String text = "[[ -f a && $x < 3 || ( -d b ) ]] && echo yes\n(( n > 2 )) && echo big\n[[ -z x\nls";
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        List<SimpleCommand> commands = parsed.model().commands();
        assertEquals(List.of("[[", "echo", "null", "echo", "[[", "ls"), names(parsed.model()));
        assertEquals(List.of("-f", "a", "&&", "$x", "<", "3", "||", "(", "-d", "b", ")", "]]"),
                commands.get(0).args().stream().map(Word::raw).toList());
        assertTrue(commands.get(0).redirections().isEmpty());
        Word arithmetic = commands.get(2).name();
        assertEquals(" n > 2 ", assertInstanceOf(Arithmetic.class, arithmetic.parts().get(0)).expression());
        assertEquals(1, parsed.problems().size());
        assertEquals(new TextRange(text.lastIndexOf("[["), text.lastIndexOf("[[") + 2),
                parsed.problems().get(0).range());
    }

    @Test
    void hereDocumentInsideACommandSubstitution() {
        String text = "CONF=$(cat <<EOF\nkey=1\nEOF\n)\necho \"$CONF\"\n";
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        assertEquals(List.of("null", "cat", "echo"), names(parsed.model()));
        assertEquals("key=1\n", command(parsed.model(), "cat").redirections().get(0).hereDoc().text());
    }

    @Test
    void windowsLineEndingsDoNotLeakIntoWords() {
        String text = "cd /src\r\ncat <<EOF\r\nx\r\nEOF\r\nmake install\r\n";
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        assertEquals(List.of("cd", "cat", "make"), names(parsed.model()));
        assertEquals("/src", parsed.model().commands().get(0).args().get(0).literalValue());
        assertEquals("install", parsed.model().commands().get(2).args().get(0).literalValue());
    }

    @Test
    void modelKeyParsesWholeShellFiles() {
        SourceFile source = SourceFile.of("scripts/build.sh", "#!/bin/sh\npip install x\n");
        ProjectFile file = new ProjectFile(Path.of("scripts/build.sh"), FileKind.SHELL, source);
        ShellScript script = file.parse(ShellParser.KEY).model();
        assertEquals(List.of("pip"), names(script));
        assertEquals("#!/bin/sh", script.comments().get(0).text());
        assertEquals(new TextRange(0, source.text().length()), script.range());
    }

    @Test
    void processSubstitutionIsAWordWithCommands() {
        String text = "diff <(pip freeze) >(tee log) out.txt";
        ShellScript script = script(text);
        assertEquals(List.of("diff", "pip", "tee"), names(script));
        SimpleCommand diff = script.commands().get(0);
        assertEquals(3, diff.args().size());
        assertTrue(diff.redirections().isEmpty());
        assertEquals(new TextRange(5, 18), diff.args().get(0).range());
    }

    @Test
    void doubleParenthesesThatDoNotCloseTogetherAreNestedSubshells() {
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", "((cd a; make) | tee log)\nx=$( (date) )\n"));
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        assertInstanceOf(Subshell.class, parsed.model().body().get(0));
        assertEquals(List.of("cd", "make", "tee", "null", "date"), names(parsed.model()));
    }

    @Test
    void pipelinesAndListsCarryConnectors() {
        ShellScript script = script("a | b |& c; d & e || f\ng");
        assertEquals(List.of(Connector.NONE, Connector.PIPE, Connector.PIPE, Connector.SEMICOLON,
                Connector.BACKGROUND, Connector.OR, Connector.NEWLINE),
                script.commands().stream().map(SimpleCommand::connector).toList());
    }

    @Test
    void andChainsMayBreakLinesAfterTheOperator() {
        ShellScript script = script("apt-get update &&\n  # keep going\n  apt-get install -y git \\\n    curl\n");
        List<SimpleCommand> commands = script.commands();
        assertEquals(2, commands.size());
        assertEquals(Connector.AND, commands.get(1).connector());
        assertEquals(List.of("install", "-y", "git", "curl"),
                commands.get(1).args().stream().map(Word::literalValue).toList());
        assertEquals(1, script.comments().size());
    }

    @Test
    void commentsHaveRangesAndHashInsideWordsIsNotAComment() {
        String text = "echo a#b # trailing\n# pip install foo\n  #indented\n";
        ShellScript script = script(text);
        assertEquals("a#b", script.commands().get(0).args().get(0).literalValue());
        assertEquals(List.of("# trailing", "# pip install foo", "#indented"),
                script.comments().stream().map(Comment::text).toList());
        assertEquals(new TextRange(text.indexOf("# pip"), text.indexOf("# pip") + 17),
                script.comments().get(1).range());
        assertEquals(1, script.commands().size());
    }

    @Test
    void brokenInputYieldsProblemsAndParsingRecovers() {
        assertProblem("echo 'abc\n", "unterminated single quote", 5);
        assertProblem("echo \"abc\n", "unterminated double quote", 5);
        assertProblem("x=$(date\n", "unterminated command substitution", 2);
        assertProblem("( cd a\n", "unterminated subshell", 0);
        assertProblem("echo ${X\n", "unterminated parameter expansion", 5);
        assertProblem("if true; then echo\n", "'if' without 'fi'", 0);
        assertProblem("for x in a b\n", "'for' without 'do'", 0);
        assertProblem("echo hi &&\n", "missing command after operator", 8);
        assertProblem("fi\n", "unexpected 'fi'", 0);
        assertProblem("echo > \n", "without a target", 5);

        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", "echo ) ; ls\nrm -rf /x\n"));
        assertEquals(new TextRange(5, 6), parsed.problems().get(0).range());
        assertEquals(List.of("echo", "ls", "rm"), names(parsed.model()));
    }

    private static void assertProblem(String text, String message, int offset) {
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        ParseProblem problem = parsed.problems().stream().filter(p -> p.message().contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " -> " + parsed.problems()));
        assertEquals(offset, problem.range().start(), text);
    }

    @Test
    void optionsInAllTheirForms() {
        String text = "docker buildx build --platform linux/amd64,linux/arm64 -f docker/Dockerfile --push .";
        SimpleCommand docker = script(text).commands().get(0);
        assertEquals("linux/amd64,linux/arm64", docker.optionValue("--platform").literalValue());
        assertEquals("docker/Dockerfile", docker.optionValue("-f").literalValue());
        assertTrue(docker.hasFlag("--push"));
        assertFalse(docker.hasFlag("--load"));

        String joined = "docker build --platform=a,b -fDockerfile.gpu \"--tag=x\" --label=$L .";
        SimpleCommand build = script(joined).commands().get(0);
        Word platform = build.optionValue("--platform");
        assertEquals("a,b", platform.literalValue());
        assertEquals(new TextRange(joined.indexOf("a,b"), joined.indexOf("a,b") + 3), platform.range());
        assertEquals("a,b", platform.raw());
        Word file = build.optionValue("-f");
        assertEquals("Dockerfile.gpu", file.literalValue());
        assertEquals(joined.indexOf("Dockerfile.gpu"), file.range().start());
        assertEquals("x", build.optionValue("--tag").literalValue());
        assertEquals("v", build.optionValue("--label").value(Map.of("L", "v")::get));
        assertNull(build.optionValue("--file"));
    }

    @Test
    void cmakeDefinesAndShortFlagClusters() {
        String text = "cmake -DCMAKE_CUDA_ARCHITECTURES=\"80;90\" -D CMAKE_BUILD_TYPE=Release .. && rm -rf -- -x";
        ShellScript script = script(text);
        SimpleCommand cmake = command(script, "cmake");
        assertEquals(List.of("CMAKE_CUDA_ARCHITECTURES=80;90", "CMAKE_BUILD_TYPE=Release"),
                cmake.optionValues("-D").stream().map(Word::literalValue).toList());
        assertEquals(text.indexOf("CMAKE_CUDA"), cmake.optionValues("-D").get(0).range().start());
        SimpleCommand rm = command(script, "rm");
        assertTrue(rm.hasFlag("-r"));
        assertTrue(rm.hasFlag("-f"));
        assertFalse(rm.hasFlag("-x"), "arguments after -- are not flags");
        SimpleCommand sed = script("sed -i.bak -e 's/a/b/' f --quiet").commands().get(0);
        assertTrue(sed.hasFlag("-i"));
        assertTrue(sed.hasFlag("-e"));
        assertFalse(sed.hasFlag("-q"), "long options are not short clusters");
        assertFalse(sed.hasFlag("-n"));
    }

    @Test
    void wrappersArePeeledOff() {
        ShellScript script = script("sudo -u app -E python3 -m pip install --no-deps foo\n"
                + "env -i A=1 B=2 time nohup /usr/local/bin/pip install bar\n"
                + "python -c 'print(1)'\n"
                + "exec \"$@\"\n");
        List<SimpleCommand> commands = script.commands();
        SimpleCommand pip = commands.get(0).effective();
        assertEquals("pip", pip.commandName());
        assertEquals("install", pip.args().get(0).literalValue());
        assertTrue(pip.hasFlag("--no-deps"));

        SimpleCommand second = commands.get(1).effective();
        assertEquals("pip", second.commandName());
        assertEquals(List.of("A", "B"), second.assignments().stream().map(Assignment::name).toList());

        assertEquals("python", commands.get(2).effective().commandName());
        assertEquals(commands.get(2), commands.get(2).effective());
        assertNull(commands.get(3).effective().commandName());
        assertTrue(commands.get(3).effective().name().hasExpansion());
    }

    @Test
    void assignmentsPrefixesAndExports() {
        String text = "CC=gcc CXX=g++ make -j4\n"
                + "export SETUPTOOLS_SCM_PRETEND_VERSION_FOR_VLLM=0.6.3 PATH\n"
                + "V=1 W=\"$V.2\"\n"
                + "arr=(a \"b c\") && PATH+=:/opt/bin\n";
        ShellScript script = script(text);
        List<SimpleCommand> commands = script.commands();
        SimpleCommand make = commands.get(0);
        assertEquals("make", make.commandName());
        assertEquals(List.of("CC", "CXX"), make.assignments().stream().map(Assignment::name).toList());
        assertTrue(make.variableAssignments().isEmpty());

        List<Assignment> exported = commands.get(1).variableAssignments();
        assertEquals(1, exported.size());
        Assignment scm = exported.get(0);
        assertEquals("SETUPTOOLS_SCM_PRETEND_VERSION_FOR_VLLM", scm.name());
        assertEquals("0.6.3", scm.value().literalValue());
        assertEquals(new TextRange(text.indexOf("0.6.3"), text.indexOf("0.6.3") + 5), scm.value().range());
        assertEquals(text.indexOf("SETUPTOOLS"), scm.range().start());

        assertEquals(2, commands.get(2).variableAssignments().size());
        Assignment array = commands.get(3).assignments().get(0);
        assertEquals("(a \"b c\")", array.value().literalValue());
        assertTrue(commands.get(4).assignments().get(0).append());
    }

    @Test
    void variablesResolveToTheLastAssignmentBeforeTheCommand() {
        ShellScript script = script("V=1.0\nURL=https://x/v$V\nget $URL\nV=2.0\nget \"$URL/$V\"\n"
                + "PATH+=:/a\necho $PATH $HOME\n");
        ShellVariables vars = ShellVariables.of(script);
        List<SimpleCommand> gets = script.commands().stream().filter(c -> "get".equals(c.commandName())).toList();
        assertEquals("https://x/v1.0", gets.get(0).args().get(0).value(vars.resolverAt(gets.get(0))));
        assertEquals("https://x/v1.0/2.0", gets.get(1).args().get(0).value(vars.resolverAt(gets.get(1))));
        SimpleCommand echo = command(script, "echo");
        assertEquals("/bin:/a", echo.args().get(0).value(
                vars.resolverAt(echo.range().start(), Map.of("PATH", "/bin")::get)));
        assertNull(echo.args().get(1).value(vars.resolverAt(echo)));
        assertEquals(4, vars.assignments().size());
    }

    @Test
    void selfReferencingAssignmentsResolveWithoutBlowingUp() {
        // Each line reads X twice; without memoizing, resolving the last one would take 2^60 steps.
        ShellScript script = script("X=abc\n" + "X=${#X}${#X}\n".repeat(60) + "echo $X\n");
        SimpleCommand echo = command(script, "echo");
        assertEquals("22", echo.args().get(0).value(ShellVariables.of(script).resolverAt(echo)));
    }

    @Test
    void fullScriptFixture() throws Exception {
        String text;
        try (var in = getClass().getResourceAsStream("/shell/build-wheel.sh")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        SourceFile file = SourceFile.of("build-wheel.sh", text);
        Parsed<ShellScript> parsed = parseFile(file);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        ShellScript script = parsed.model();

        SimpleCommand rm = command(script, "rm");
        assertEquals(22, start(file, rm.range()).line());
        assertEquals("/opt/hpcx", rm.args().get(1).literalValue());

        List<SimpleCommand> git = script.commands().stream().filter(c -> "git".equals(c.commandName())).toList();
        assertEquals(2, git.size());
        assertEquals("1", git.get(0).optionValue("--depth").literalValue());
        assertEquals(18, start(file, git.get(1).range()).line());
        assertTrue(script.comments().stream().anyMatch(c -> c.text().equals("# git checkout main")));

        SimpleCommand pip = script.commands().stream().map(SimpleCommand::effective)
                .filter(c -> "pip".equals(c.commandName())).findFirst().orElseThrow();
        assertFalse(pip.hasFlag("--no-deps"));
        assertEquals("requirements.txt", pip.optionValue("-r").literalValue());

        SimpleCommand cmake = command(script, "cmake");
        Word arch = cmake.optionValues("-D").get(0);
        assertEquals("CMAKE_CUDA_ARCHITECTURES=80;90", arch.literalValue());
        assertEquals(new Position(36, 7), start(file, arch.range()));

        SimpleCommand docker = command(script, "docker");
        ShellVariables vars = ShellVariables.of(script);
        assertEquals("linux/amd64,linux/arm64", docker.optionValue("--platform").value(vars.resolverAt(docker)));
        assertEquals("docker/Dockerfile", docker.optionValue("-f").literalValue());

        assertTrue(command(script, "sed").hasFlag("-i"));
        assertEquals("0.6.3", vars.lastBefore("SETUPTOOLS_SCM_PRETEND_VERSION_FOR_VLLM", docker.range().start())
                .value().literalValue());
        assertEquals("v0.6.3", new Word[] {vars.lastBefore("VLLM_REF", text.length()).value()}[0]
                .value(name -> null));
        assertTrue(script.commands().stream().anyMatch(c -> "nproc".equals(c.commandName())));
        assertTrue(script.commands().stream().anyMatch(c -> "log".equals(c.commandName())));
    }
}
