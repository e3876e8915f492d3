package dev.vlint.engine;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.DockerfileVisitor;
import java.util.List;

/** Walks a Dockerfile's instructions once, dispatching each by keyword. */
final class DockerfileWalker implements Walker<DockerfileVisitor> {
    @Override
    public Class<DockerfileVisitor> visitorType() {
        return DockerfileVisitor.class;
    }

    @Override
    public boolean walks(FileKind kind) {
        return kind == FileKind.DOCKERFILE;
    }

    @Override
    public void walk(ProjectFile file, Visitors<DockerfileVisitor> visitors) {
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        if (dockerfile == null) {
            return;
        }
        Visitors.ByKey<String, DockerfileVisitor> byKeyword = visitors.byKey(DockerfileVisitor::keywords);
        visitors.each((visitor, context) -> visitor.startFile(dockerfile, context));
        List<Stage> stages = dockerfile.stages();
        int next = 0; // the next stage whose FROM has not been reached
        Stage stage = null;
        for (Instruction instruction : dockerfile.instructions()) {
            if (next < stages.size() && stages.get(next).from() == instruction) {
                stage = stages.get(next++);
            }
            visit(instruction, stage, byKeyword, false);
        }
        visitors.each((visitor, context) -> visitor.endFile(dockerfile, context));
    }

    private static void visit(Instruction instruction, Stage stage, Visitors.ByKey<String, DockerfileVisitor> byKeyword,
            boolean trigger) {
        byKeyword.each(instruction.keyword(), (visitor, context) -> {
            if (!trigger || visitor.visitsTriggers()) {
                visitor.instruction(instruction, stage, context);
            }
        });
        if (instruction.trigger() != null) {
            visit(instruction.trigger(), stage, byKeyword, true);
        }
    }
}
