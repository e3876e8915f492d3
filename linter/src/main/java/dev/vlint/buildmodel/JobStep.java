package dev.vlint.buildmodel;

import dev.vlint.workflow.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of a job with what it does to the runner.
 *
 * @param action the {@code uses:} action without its ref, or null for a {@code run:} step
 * @param with the step's {@code with:} inputs (null value for a non-scalar)
 * @param enabled false when its {@code if:} tests an {@code env} value that is unset or false
 * @param removedPaths the absolute paths {@code rm -rf} deletes (in the step or a script it runs)
 * @param pulls the images it pulls
 * @param scripts the project scripts it runs, directly or through other scripts (root-relative paths)
 * @param packageBuilds the folders of the Python projects it builds into distributions
 *     ({@code python -m build}, {@code pip wheel}, {@code uv build}, {@code setup.py bdist_wheel|sdist},
 *     {@code cibuildwheel}; root-relative)
 */
public record JobStep(int index, Step step, Set<Kind> kinds, String action, Map<String, String> with,
        boolean enabled, List<String> removedPaths, List<ImagePull> pulls, List<String> scripts,
        List<String> packageBuilds) {

    /** What a step does that matters for builds; PYPI_PUBLISH uploads distributions to PyPI. */
    public enum Kind { QEMU, DISK_CLEANUP, PULL, PACK, BUILD, PYPI_PUBLISH }

    public JobStep {
        kinds = Set.copyOf(kinds);
        removedPaths = List.copyOf(removedPaths);
        pulls = List.copyOf(pulls);
        scripts = List.copyOf(scripts);
        packageBuilds = List.copyOf(packageBuilds);
    }
}
