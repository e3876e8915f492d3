package dev.vlint.rules.cuda;

import dev.vlint.dockerfile.Stage;
import dev.vlint.kb.ArchList;
import dev.vlint.source.TextRange;

/**
 * One CUDA architecture list found in a file, e.g. {@code ENV TORCH_CUDA_ARCH_LIST="8.0;9.0"}.
 *
 * @param variable what set it: the variable name, or {@code nvcc} for nvcc flags
 * @param value the list as the build sees it, mapped to the file
 * @param stage the Dockerfile stage it belongs to, else null
 * @param matrixAxis for a workflow matrix value, "job/axis" (the axis's values are alternatives), else null
 */
record ArchSetting(String variable, ArchList list, ValueText value, Stage stage, String matrixAxis) {

    TextRange range(ArchList.Entry entry) {
        return value.range(entry.start(), entry.end());
    }

    TextRange range(ArchList.Problem problem) {
        return value.range(problem.start(), problem.end());
    }

    TextRange wholeRange() {
        return value.range(0, value.length());
    }
}
