package dev.vlint.cli.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.engine.Linter;
import dev.vlint.fixers.FixMode;
import dev.vlint.fixers.FixReport;
import dev.vlint.fixers.FixSession;
import dev.vlint.fixers.ParseCheck;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectLoader;
import dev.vlint.report.RunResult;
import dev.vlint.report.SarifReporter;
import dev.vlint.report.SarifSchemaCheck;
import dev.vlint.report.TextReporter;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.rules.RuleConfigs;
import dev.vlint.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One miniature repository per seed report ({@code fixtures/seeds/<seed>/}): {@code before/} is the
 * failing state, {@code after/} the state the report ended with, {@code seed.yaml} names the rules
 * whose failures the report fixed. Checks that every such failure is caught before and gone after,
 * and approves the full findings (text and SARIF) and the {@code --fix} diff as snapshots kept in
 * the seed's folder.
 */
class SeedReportTest {
    private static final Path SEEDS =
            Path.of(System.getProperty("vlint.root", "..")).resolve("fixtures/seeds").toAbsolutePath().normalize();
    private static final List<Rule> RULES = BuiltinRules.all();

    @TestFactory
    Stream<DynamicContainer> everySeedReport() throws IOException {
        try (Stream<Path> seeds = Files.list(SEEDS)) {
            return seeds.filter(Files::isDirectory).sorted().toList().stream().map(seed -> DynamicContainer.dynamicContainer(
                    seed.getFileName().toString(), seed.toUri(), Stream.of(
                            DynamicTest.dynamicTest("addressed failures fire before and not after", () -> checkAddressed(seed)),
                            DynamicTest.dynamicTest("findings (text)", () -> approve(seed, "findings", text(lint(seed)))),
                            DynamicTest.dynamicTest("findings (sarif)", () -> approveSarif(seed)),
                            DynamicTest.dynamicTest("safe fixes, then nothing left to fix", () -> approveFixes(seed)))));
        }
    }

    private static void checkAddressed(Path seed) throws IOException {
        Set<String> addressed = new TreeSet<>();
        new ObjectMapper(new YAMLFactory()).readTree(seed.resolve("seed.yaml").toFile()).path("addressed")
                .forEach(id -> addressed.add(id.asText()));
        assertTrue(!addressed.isEmpty(), "seed.yaml names the rules the report's fixes addressed");
        Set<String> before = ruleIds(new Linter(RULES).lint(load(seed.resolve("before"))));
        Set<String> after = ruleIds(new Linter(RULES).lint(load(seed.resolve("after"))));
        for (String id : addressed) {
            assertTrue(before.contains(id), id + " does not catch the failure in before/ (found " + before + ")");
            assertTrue(!after.contains(id), id + " still fires on the corrected after/");
        }
    }

    private static void approveSarif(Path seed) throws IOException {
        List<Finding> findings = lint(seed);
        StringWriter sarif = new StringWriter();
        new SarifReporter("seed").write(result(findings), sarif);
        assertEquals(List.of(), SarifSchemaCheck.violations(sarif.toString()));
        approve(seed, "findings.sarif", sarif.toString());
    }

    private static void approveFixes(Path seed) {
        Project project = load(seed.resolve("before"));
        FixReport fixed = FixSession.run(project, RULES, FixMode.SAFE, ParseCheck.PRIMARY);
        assertEquals(List.of(), fixed.rolledBack(), "fixes that broke parsing");
        Map<String, SourceFile> texts = new HashMap<>();
        fixed.files().forEach(f -> texts.put(f.original().path(), f.fixed()));
        FixReport again = FixSession.run(FixSession.withTexts(project, texts), RULES, FixMode.SAFE, ParseCheck.PRIMARY);
        assertEquals(List.of(), again.applied(), "a second --fix still changed something");
        approve(seed, "fix", fixed.diff() + "\n# " + fixed.summary() + "\n");
    }

    private static List<Finding> lint(Path seed) {
        return new Linter(RULES).lint(load(seed.resolve("before")));
    }

    private static String text(List<Finding> findings) throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter(false).write(result(findings), out);
        return out.toString();
    }

    private static RunResult result(List<Finding> findings) {
        return new RunResult(findings, RULES.stream().map(Rule::meta).toList(), "0.1.0");
    }

    private static Set<String> ruleIds(List<Finding> findings) {
        return findings.stream().filter(f -> !f.suppressed()).map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Project load(Path root) {
        Config config;
        try {
            config = RuleConfigs.ofFolder(root);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        Project project = ProjectLoader.load(root, List.of(root), config, notes::add);
        assertEquals(List.of(), notes, "loader notes");
        return project;
    }

    /** Approves {@code text} against {@code <seed>/<name>.approved.txt}; a mismatch leaves a .received.txt. */
    private static void approve(Path seed, String name, String text) {
        Approvals.verify(text, new Options(new QuietReporter()).forFile().withNamer(new SeedNamer(seed, name)));
    }

    private record SeedNamer(Path dir, String name) implements ApprovalNamer {
        @Override
        public File getApprovedFile(String extension) {
            return dir.resolve(name + ".approved" + extension).toFile();
        }

        @Override
        public File getReceivedFile(String extension) {
            return dir.resolve(name + ".received" + extension).toFile();
        }

        @Override
        public ApprovalNamer addAdditionalInformation(String info) {
            return this;
        }

        @Override
        public String getAdditionalInformation() {
            return "";
        }

        @Override
        public String getApprovalName() {
            return name;
        }

        @Override
        public String getSourceFilePath() {
            return dir.toString() + File.separator;
        }
    }
}
