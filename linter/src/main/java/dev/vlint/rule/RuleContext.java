package dev.vlint.rule;

import dev.vlint.config.Config;
import dev.vlint.fix.Fix;
import dev.vlint.project.ModelKey;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What a rule sees while it checks one file, and where it reports. */
public final class RuleContext {
    private final RuleMeta meta;
    private final ProjectFile file;
    private final Project project;
    private final Consumer<Finding> sink;
    private Object state;

    public RuleContext(RuleMeta meta, ProjectFile file, Project project, Consumer<Finding> sink) {
        this.meta = meta;
        this.file = file;
        this.project = project;
        this.sink = sink;
    }

    public ProjectFile file() {
        return file;
    }

    public Project project() {
        return project;
    }

    public Config config() {
        return project.config();
    }

    /** The file's model under {@code key}, or null when it could not be parsed as one. */
    public <T> T model(ModelKey<T> key) {
        return file.model(key);
    }

    /**
     * What the rule remembers while the engine walks this one file (a rule object itself holds no
     * state, since files are linted in parallel): created by {@code initial} on first use, then the
     * same object for every later call on this file. A rule keeps one kind of state.
     */
    @SuppressWarnings("unchecked")
    public <T> T state(Supplier<T> initial) {
        if (state == null) {
            state = initial.get();
        }
        return (T) state;
    }

    /** Reports at the rule's default severity. */
    public void report(TextRange range, String message, Fix... fixes) {
        report(meta.severity(), range, message, fixes);
    }

    public void report(Severity severity, TextRange range, String message, Fix... fixes) {
        report(new Finding(meta.id(), severity, message, file.source(), range, List.of(), List.of(fixes), null));
    }

    /** Reports a finding built by the rule, e.g. one with related locations. */
    public void report(Finding finding) {
        sink.accept(finding);
    }

    public Finding finding(Severity severity, TextRange range, String message, List<RelatedLocation> related,
            List<Fix> fixes) {
        return new Finding(meta.id(), severity, message, file.source(), range, related, fixes, null);
    }
}
