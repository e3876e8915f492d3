package dev.vlint.rules.cuda;

import dev.vlint.source.TextRange;
import java.util.Optional;

/**
 * What a Dockerfile stage builds with, as far as the file and the knowledge base tell.
 *
 * @param toolkit the CUDA toolkit (base image, inherited from a parent stage, or ENV CUDA_VERSION)
 * @param torch the torch installed last in the stage, or inherited, or shipped by the base image
 * @param compile the first command that compiles CUDA code against torch, if any
 * @param nativeBuild the first command of this stage that compiles native code (cmake, nvcc, make,
 *     a build against torch, setup.py), which reads the stage's arch lists; if any
 * @param localBuild the first pip/uv build of a local folder or git URL, which compiles only when
 *     that project has native code; if any
 * @param clonesNative the stage, or one it is built on, clones a project known to compile against torch
 * @param buildsVllm whether the stage's commands mention vLLM (for the Float8_e8m0fnu hint)
 */
record StageFacts(Optional<Toolkit> toolkit, Optional<Torch> torch, Optional<Compile> compile,
        Optional<Compile> nativeBuild, Optional<Compile> localBuild, boolean clonesNative, boolean buildsVllm) {

    /** @param origin how the version was found, for messages: "nvidia/cuda:12.6.3-devel-ubuntu22.04" */
    record Toolkit(String cuda, String origin, TextRange range) {}

    /**
     * @param version the pinned or shipped version; empty for an unpinned install (the newest release)
     * @param cuda the CUDA version of the wheel ("12.8" from cu128 or +cu128), if known
     * @param origin for messages: "torch==2.6.0", "torch 2.7.0a0+6c54963f75 from nvcr.io/nvidia/pytorch:25.02-py3"
     */
    record Torch(Optional<String> version, Optional<String> cuda, String origin, TextRange range) {}

    /** @param what the command as written, shortened, for messages */
    record Compile(String what, TextRange range) {}
}
