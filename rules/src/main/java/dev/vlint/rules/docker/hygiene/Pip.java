package dev.vlint.rules.docker.hygiene;

import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.Set;

/** pip install command lines as hadolint's pip rules read them. */
final class Pip {
    private Pip() {}

    /** pip install options that take a value in the next word. */
    static final Set<String> VALUE_OPTIONS = Set.of("--abi", "-b", "--build", "-e", "--editable", "--extra-index-url",
            "-f", "--find-links", "-i", "--index-url", "--implementation", "--no-binary", "--only-binary", "--platform",
            "--prefix", "--progress-bar", "--proxy", "--python", "--python-version", "--root", "--root-user-action",
            "--src", "-t", "--target", "--trusted-host", "--upgrade-strategy", "-r", "--requirement", "-c",
            "--constraint", "--cache-dir", "--log", "--timeout", "--retries", "--cert", "--client-cert",
            "--exists-action", "-C", "--config-settings", "--global-option", "--report", "--resume-retries",
            "--keyring-provider", "--use-feature", "--use-deprecated", "--install-option", "--build-option", "--group",
            "--log-file");

    /**
     * The {@code install} word of a pip install ({@code pip}, {@code pip3}, {@code pip3.11},
     * {@code python -m pip}; with {@code pipx} only when {@code withPipx}), or null.
     */
    static Word install(SimpleCommand run, boolean withPipx) {
        String name = run.commandName();
        if (name == null || !name.startsWith("pip") || name.startsWith("pipenv")
                || !withPipx && name.startsWith("pipx") || run.args().isEmpty()) {
            return null;
        }
        Word first = run.args().get(0);
        return "install".equals(first.literalValue()) ? first : null;
    }
}
