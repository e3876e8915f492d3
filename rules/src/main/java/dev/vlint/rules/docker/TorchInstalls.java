package dev.vlint.rules.docker;

import dev.vlint.kb.BaseImages.ImageFacts;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.rule.RuleContext;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where torch comes from in a build: the base image (knowledge base) or a pip/uv install of it. */
final class TorchInstalls {
    private TorchInstalls() {}

    /**
     * A torch that is in the image.
     *
     * @param version the pinned or known version, null when unpinned
     * @param index the CUDA-specific index it came from ({@code .../whl/cu130}), else null
     * @param origin how to tell the user where it came from
     */
    record Torch(String version, String index, String origin) {
        String describe() {
            return "torch" + (version == null ? "" : " " + version) + (index == null ? "" : " from " + index)
                    + " (" + origin + ")";
        }
    }

    /** The torch of the image the sequence starts from, if the knowledge base knows it. */
    static Optional<Torch> ofBaseImage(RuleContext context, Sequence sequence) {
        if (sequence.steps().isEmpty()) {
            return Optional.empty();
        }
        for (String image : BuildSteps.imagesOf(context, sequence.steps().get(0).snippet())) {
            Optional<String> torch = KnowledgeBase.bundled().images().resolve(image).flatMap(ImageFacts::torch);
            if (torch.isPresent()) {
                return Optional.of(new Torch(torch.get(), null, "base image " + image));
            }
        }
        return Optional.empty();
    }

    /**
     * The torch a pip/uv install puts in, or empty when it does not install torch. With
     * {@code pinnedOnly}, only a pinned torch or one from a CUDA-specific index counts.
     */
    static Optional<Torch> installedBy(PipCommand pip, int line, boolean pinnedOnly) {
        if (!pip.installs()) {
            return Optional.empty();
        }
        for (Word operand : pip.operands()) {
            String value = pip.step().value(operand);
            String name = PipCommand.requirementName(value);
            if (name == null || !name.toLowerCase(Locale.ROOT).equals("torch")) {
                continue;
            }
            String rest = value.substring(name.length()).trim();
            String version = rest.startsWith("==") && !rest.contains(",") ? rest.substring(2).trim() : null;
            String index = cudaIndex(pip);
            if (pinnedOnly && version == null && index == null) {
                return Optional.empty();
            }
            return Optional.of(new Torch(version, index, "installed on line " + line));
        }
        return Optional.empty();
    }

    private static String cudaIndex(PipCommand pip) {
        for (String option : List.of("--index-url", "-i", "--extra-index-url", "--extra-index", "--index")) {
            for (Word word : pip.step().effective().optionValues(option)) {
                String url = pip.step().value(word);
                if (url != null && url.matches(".*/whl/(cu\\d+|rocm[\\d.]+|nightly/cu\\d+)/?")) {
                    return url;
                }
            }
        }
        String backend = pip.step().effective().optionValue("--torch-backend") == null ? null
                : pip.step().value(pip.step().effective().optionValue("--torch-backend"));
        return backend != null && backend.startsWith("cu") ? "--torch-backend " + backend : null;
    }
}
