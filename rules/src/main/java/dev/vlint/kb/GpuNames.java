package dev.vlint.kb;

/** Checks the GPU names of {@code targets.gpus} in the configuration against the knowledge base. */
public final class GpuNames {
    private GpuNames() {}

    /**
     * Whether {@code name} is a GPU the knowledge base knows ("RTX 5090", "NVIDIA H100 80GB HBM3",
     * "dgx spark") or a real compute capability ("sm_120", "12.0", "90").
     */
    public static boolean isKnown(String name) {
        return KnowledgeBase.bundled().cudaArchs().gpu(name).isPresent();
    }
}
