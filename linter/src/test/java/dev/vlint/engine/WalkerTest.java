package dev.vlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.config.Config;
import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalkerTest {
    private static final String DOCKERFILE = """
            ARG BASE=ubuntu
            FROM $BASE AS build
            RUN sudo apt-get install -y gcc && echo done
            ONBUILD RUN apt-get update
            FROM build
            COPY . /src
            RUN if true; then apt-get clean; fi
            """;

    private static RuleMeta metaOf(String id, FileKind... kinds) {
        return new RuleMeta(id, "walk-" + id, Severity.NOTE, "test", Fixability.NONE, Set.of(kinds), List.of());
    }

    /** Reports every RUN it is shown, with its stage index (-1 before the first FROM). */
    private static final class RunRule implements Rule, DockerfileVisitor {
        @Override
        public RuleMeta meta() {
            return metaOf("VL901", FileKind.DOCKERFILE);
        }

        @Override
        public Set<String> keywords() {
            return Set.of("RUN");
        }

        @Override
        public void instruction(Instruction instruction, Stage stage, RuleContext context) {
            context.report(instruction.keywordRange(), "RUN in stage " + (stage == null ? -1 : stage.index()));
        }
    }

    /** Reports the keyword of every instruction, and the start and end of the file. */
    private static final class EveryInstruction implements Rule, DockerfileVisitor {
        @Override
        public RuleMeta meta() {
            return metaOf("VL902", FileKind.DOCKERFILE);
        }

        @Override
        public void startFile(Dockerfile dockerfile, RuleContext context) {
            context.report(dockerfile.instructions().get(0).keywordRange(), "start");
        }

        @Override
        public void instruction(Instruction instruction, Stage stage, RuleContext context) {
            context.report(instruction.keywordRange(), instruction.keyword() + (stage == null ? " global" : ""));
        }
    }

    /** Reports apt-get commands wherever shell runs. */
    private static final class AptRule implements Rule, ShellVisitor {
        @Override
        public RuleMeta meta() {
            return metaOf("VL903", FileKind.DOCKERFILE, FileKind.SHELL, FileKind.WORKFLOW);
        }

        @Override
        public Set<String> commandNames() {
            return Set.of("apt-get");
        }

        @Override
        public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
            context.report(command.effective().name().range(), "apt-get " + command.effective().args().get(0).literalValue());
        }
    }

    /** Throws on its second instruction. */
    private static final class Fragile implements Rule, DockerfileVisitor {
        @Override
        public RuleMeta meta() {
            return metaOf("VL904", FileKind.DOCKERFILE);
        }

        @Override
        public void instruction(Instruction instruction, Stage stage, RuleContext context) {
            if (stage != null) {
                throw new IllegalStateException("bug");
            }
            context.report(instruction.keywordRange(), "before the bug");
        }
    }

    private static Project project(ProjectFile... files) {
        return new Project(Path.of("/p"), List.of(files), Config.DEFAULT);
    }

    private static ProjectFile file(String path, FileKind kind, String text) {
        return new ProjectFile(Path.of("/p").resolve(path), kind, SourceFile.of(path, text));
    }

    private static List<String> messages(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId))
                .map(f -> f.start().line() + " " + f.message()).toList();
    }

    @Test
    void dockerfileVisitorsSeeTheInstructionsTheyAskForWithTheirStage() {
        List<Finding> findings = new Linter(List.of(new RunRule(), new EveryInstruction()))
                .lint(project(file("Dockerfile", FileKind.DOCKERFILE, DOCKERFILE)), 1);
        assertEquals(List.of("3 RUN in stage 0", "4 RUN in stage 0", "7 RUN in stage 1"), messages(findings, "VL901"),
                "the ONBUILD trigger is visited as a RUN");
        assertEquals(List.of("1 start", "1 ARG global", "2 FROM", "3 RUN", "4 ONBUILD", "4 RUN", "5 FROM", "6 COPY",
                "7 RUN"), messages(findings, "VL902"));
    }

    @Test
    void shellVisitorsSeeCommandsInRunWorkflowsAndScriptsAlike() {
        List<Finding> findings = new Linter(List.of(new AptRule())).lint(project(
                file("Dockerfile", FileKind.DOCKERFILE, DOCKERFILE),
                file("build.sh", FileKind.SHELL, "#!/bin/sh\necho x\nsudo apt-get upgrade\n"),
                file(".github/workflows/ci.yml", FileKind.WORKFLOW, """
                        on: push
                        jobs:
                          build:
                            runs-on: ubuntu-latest
                            steps:
                              - run: apt-get purge x
                        """)), 1);
        assertEquals(List.of("6 apt-get purge", "3 apt-get install", "7 apt-get clean", "3 apt-get upgrade"),
                messages(findings, "VL903"), "an ONBUILD trigger runs in other builds, not this one");
    }

    @Test
    void aFailingVisitorIsReportedOnceAndTheOthersGoOn() {
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        List<Finding> findings = new Linter(List.of(new Fragile(), new RunRule())).lint(
                project(file("Dockerfile", FileKind.DOCKERFILE, DOCKERFILE)), 1, new Linter.Progress() {
                    @Override
                    public void filesDone(int done, int total) {}

                    @Override
                    public void ruleFailed(String ruleId, ProjectFile file, RuntimeException error) {
                        failed.add(ruleId + " " + file.path() + " " + error.getMessage());
                    }
                });
        assertEquals(List.of("VL904 Dockerfile bug"), failed);
        assertEquals(List.of("1 before the bug"), messages(findings, "VL904"));
        assertEquals(3, messages(findings, "VL901").size());
    }
}
