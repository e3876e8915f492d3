package dev.vlint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic monorepo of N lintable files: one folder per service with Dockerfiles
 * (multi-stage, heredocs, long RUN chains, copies of the repository's fixture Dockerfiles),
 * workflows, shell scripts, StartOS manifests and pyproject files. The same seed and count
 * always give the same files.
 *
 * <p>Runs without a build: {@code java bench/src/main/java/dev/vlint/bench/CorpusGenerator.java
 * OUT_DIR FILES [SEED] [FIXTURES_DIR]}.
 */
public final class CorpusGenerator {
    private static final String[] BASES = {
        "python:3.12-slim", "ubuntu:24.04", "debian:bookworm-slim", "nvidia/cuda:12.4.1-devel-ubuntu22.04",
        "nvcr.io/nvidia/pytorch:24.05-py3", "alpine:3.20", "node:22-bookworm", "golang:1.23",
    };
    private static final String[] PACKAGES = {
        "build-essential", "ca-certificates", "curl", "git", "libssl-dev", "libffi-dev", "ninja-build",
        "cmake", "pkg-config", "python3-dev", "python3-pip", "wget", "unzip", "jq", "libgl1",
        "libglib2.0-0", "ffmpeg", "libsndfile1", "openssh-client", "tini", "gnupg", "zstd",
    };
    private static final String[] PY_DEPS = {
        "torch>=2.3", "numpy<2", "fastapi==0.111.0", "uvicorn[standard]>=0.30", "pydantic>=2,<3",
        "transformers~=4.44", "requests", "httpx>=0.27", "triton; platform_machine == 'x86_64'",
        "flash-attn>=2.6", "safetensors", "sentencepiece", "ninja", "packaging>=24",
    };
    private static final String[] ACTIONS = {
        "actions/checkout@v4", "docker/setup-buildx-action@v3", "docker/login-action@v3",
        "docker/build-push-action@v6", "actions/setup-python@v5", "actions/cache@v4",
        "docker/metadata-action@v5", "actions/upload-artifact@v4",
    };

    private final Random random;
    private final List<String> fixtureDockerfiles;

    CorpusGenerator(long seed, List<String> fixtureDockerfiles) {
        this.random = new Random(seed);
        this.fixtureDockerfiles = fixtureDockerfiles;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator OUT_DIR FILES [SEED] [FIXTURES_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path fixtures = Path.of(args.length > 3 ? args[3] : "fixtures");
        int written = new CorpusGenerator(seed, fixtureDockerfiles(fixtures)).write(out, files);
        System.err.println("wrote " + written + " files under " + out);
    }

    /** Every Dockerfile under the fixtures folder, as extra realistic (and odd) inputs. */
    static List<String> fixtureDockerfiles(Path fixtures) throws IOException {
        if (!Files.isDirectory(fixtures)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(fixtures)) {
            List<String> texts = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase();
                if (name.equals("dockerfile") || name.startsWith("dockerfile.")) {
                    texts.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return texts;
        }
    }

    /** Writes {@code count} files under {@code out} and returns how many were written. */
    int write(Path out, int count) {
        // Per service: Dockerfile(s), a workflow, a script, sometimes a manifest and a pyproject.
        int written = 0;
        for (int service = 0; written < count; service++) {
            Path dir = out.resolve(String.format("services/svc-%05d", service));
            String name = "svc-" + service;
            written += emit(dir.resolve("Dockerfile"), dockerfile(name), count - written);
            if (random.nextInt(3) == 0) {
                written += emit(dir.resolve("Dockerfile.gpu"), random.nextBoolean() ? gpuDockerfile() : fixtureOr(name),
                        count - written);
            }
            written += emit(dir.resolve(".github/workflows/build-" + service + ".yml"), workflow(name), count - written);
            written += emit(dir.resolve("scripts/entrypoint.sh"), script(name), count - written);
            if (random.nextInt(4) == 0) {
                written += emit(dir.resolve("startos/manifest.ts"), manifest(name), count - written);
            }
            written += emit(dir.resolve("pyproject.toml"), pyproject(name), count - written);
        }
        return written;
    }

    private static int emit(Path file, String text, int room) {
        if (room <= 0) {
            return 0;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fixtureOr(String name) {
        return fixtureDockerfiles.isEmpty() ? dockerfile(name) : pick(fixtureDockerfiles);
    }

    private String dockerfile(String name) {
        int variant = random.nextInt(10);
        if (variant == 0) {
            return fixtureOr(name);
        }
        StringBuilder b = new StringBuilder();
        if (random.nextBoolean()) {
            b.append("# syntax=docker/dockerfile:1.7\n");
        }
        String base = pick(BASES);
        b.append("ARG BASE=").append(base).append('\n');
        b.append("ARG PYTHON_VERSION=3.").append(10 + random.nextInt(3)).append("\n\n");
        b.append("FROM ${BASE} AS deps\n");
        b.append("ENV DEBIAN_FRONTEND=noninteractive \\\n    PIP_NO_CACHE_DIR=1 \\\n    LANG=C.UTF-8\n");
        b.append("RUN apt-get update \\\n");
        int packages = 4 + random.nextInt(variant == 1 ? 60 : 12); // variant 1: a very long RUN chain
        for (int i = 0; i < packages; i++) {
            b.append("    && apt-get install -y --no-install-recommends ").append(pick(PACKAGES)).append(" \\\n");
        }
        b.append("    && rm -rf /var/lib/apt/lists/*\n\n");
        b.append("FROM deps AS build\nWORKDIR /src\nCOPY pyproject.toml ./\n");
        if (random.nextBoolean()) {
            b.append("RUN --mount=type=cache,target=/root/.cache/pip <<EOF\nset -eux\n");
            for (int i = 0; i < 3 + random.nextInt(8); i++) {
                b.append("pip install '").append(pick(PY_DEPS)).append("'\n");
            }
            b.append("python -c 'import sys; print(sys.version)'\nEOF\n");
        } else {
            b.append("RUN pip install --upgrade pip wheel && \\\n    pip install -r requirements.txt && \\\n")
                    .append("    python -m build --wheel --outdir /dist .\n");
        }
        b.append("COPY . .\n");
        b.append("RUN for f in scripts/*.sh; do chmod +x \"$f\"; done\n\n");
        b.append("FROM ${BASE} AS runtime\n");
        b.append("LABEL org.opencontainers.image.title=\"").append(name).append("\"\n");
        b.append("COPY --from=build /dist /dist\n");
        b.append("COPY <<'CONF' /etc/").append(name).append(".conf\nport=").append(8000 + random.nextInt(1000))
                .append("\nworkers=$WORKERS\nCONF\n");
        b.append("RUN useradd -m app && pip install /dist/*.whl\nUSER app\n");
        b.append("EXPOSE ").append(8000 + random.nextInt(1000)).append('\n');
        b.append("HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8080/health || exit 1\n");
        b.append(random.nextBoolean() ? "CMD [\"python\", \"-m\", \"" + name.replace('-', '_') + "\"]\n"
                : "ENTRYPOINT /usr/local/bin/entrypoint.sh\n");
        return b.toString();
    }

    private String gpuDockerfile() {
        String cuda = "12." + random.nextInt(7) + ".1";
        return "ARG CUDA=" + cuda + "\n"
                + "FROM nvidia/cuda:${CUDA}-devel-ubuntu22.04 AS build\n"
                + "ARG TORCH_CUDA_ARCH_LIST=\"8.0;8.6;9.0+PTX\"\n"
                + "ENV TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST} MAX_JOBS=4\n"
                + "RUN pip install torch==2.4.0 --index-url https://download.pytorch.org/whl/cu124 \\\n"
                + "    && pip install flash-attn --no-build-isolation\n"
                + "RUN <<BUILD bash\nset -euo pipefail\nnvcc --version\npython setup.py bdist_wheel\nBUILD\n"
                + "FROM nvidia/cuda:${CUDA}-runtime-ubuntu22.04\n"
                + "COPY --from=build /src/dist/*.whl /tmp/\n"
                + "RUN pip install /tmp/*.whl && rm /tmp/*.whl\n";
    }

    private String workflow(String name) {
        StringBuilder b = new StringBuilder();
        b.append("name: build ").append(name).append("\n");
        b.append("on:\n  push:\n    branches: [main]\n  pull_request:\n\n");
        b.append("permissions:\n  contents: read\n  packages: write\n\n");
        b.append("env:\n  IMAGE: ghcr.io/example/").append(name).append("\n\n");
        b.append("jobs:\n  build:\n    runs-on: ubuntu-24.04\n");
        b.append("    strategy:\n      matrix:\n        platform: [linux/amd64, linux/arm64]\n");
        b.append("        python: ['3.10', '3.11', '3.12']\n");
        b.append("    steps:\n");
        for (int i = 0; i < 2 + random.nextInt(ACTIONS.length - 2); i++) {
            String action = ACTIONS[i];
            b.append("      - uses: ").append(action).append('\n');
            if (action.startsWith("docker/build-push-action")) {
                b.append("        with:\n          context: services/").append(name).append('\n')
                        .append("          platforms: ${{ matrix.platform }}\n")
                        .append("          push: ${{ github.event_name != 'pull_request' }}\n")
                        .append("          tags: ${{ env.IMAGE }}:${{ github.sha }}\n")
                        .append("          cache-from: type=gha\n          cache-to: type=gha,mode=max\n");
            }
        }
        b.append("      - name: test\n        run: |\n");
        for (int i = 0; i < 2 + random.nextInt(6); i++) {
            b.append("          python -m pytest -q tests/part").append(i).append(" || exit 1\n");
        }
        b.append("          echo \"done ${{ matrix.python }}\" >> \"$GITHUB_STEP_SUMMARY\"\n");
        return b.toString();
    }

    private String script(String name) {
        StringBuilder b = new StringBuilder("#!/usr/bin/env bash\nset -euo pipefail\n\n");
        b.append("log() { printf '%s %s\\n' \"$(date -u +%FT%TZ)\" \"$*\" >&2; }\n\n");
        b.append("PORT=\"${PORT:-8080}\"\nWORKERS=${WORKERS:-2}\n");
        b.append("case \"${1:-serve}\" in\n  serve)\n    log \"starting ").append(name).append("\"\n")
                .append("    exec uvicorn app:main --port \"$PORT\" --workers $WORKERS\n    ;;\n")
                .append("  migrate)\n    python -m alembic upgrade head\n    ;;\n  *)\n    exec \"$@\"\n    ;;\nesac\n");
        for (int i = 0; i < random.nextInt(12); i++) {
            b.append("if [ -f /data/step").append(i).append(" ]; then\n  cat /data/step").append(i)
                    .append(" | grep -v '^#' | while read -r line; do echo $line; done\nfi\n");
        }
        b.append("cat > /tmp/config.ini <<EOF\n[server]\nport=$PORT\nEOF\n");
        return b.toString();
    }

    private String manifest(String name) {
        return "import { setupManifest } from '@start9labs/start-sdk'\n\n"
                + "export const manifest = setupManifest({\n"
                + "  id: '" + name + "',\n"
                + "  title: '" + name + "',\n"
                + "  license: 'MIT',\n"
                + "  wrapperRepo: 'https://github.com/example/" + name + "-startos',\n"
                + "  upstreamRepo: 'https://github.com/example/" + name + "',\n"
                + "  description: { short: 'A service', long: 'A longer description of the service.' },\n"
                + "  images: {\n    main: { source: { dockerBuild: { dockerfile: 'Dockerfile' } }, arch: ['x86_64', 'aarch64'] },\n  },\n"
                + "  volumes: ['main'],\n"
                + "  dependencies: {},\n"
                + "})\n";
    }

    private String pyproject(String name) {
        StringBuilder b = new StringBuilder();
        b.append("[build-system]\nrequires = [\"setuptools>=68\", \"wheel\"]\nbuild-backend = \"setuptools.build_meta\"\n\n");
        b.append("[project]\nname = \"").append(name).append("\"\nversion = \"0.")
                .append(random.nextInt(20)).append('.').append(random.nextInt(10)).append("\"\n");
        b.append("requires-python = \">=3.10\"\ndependencies = [\n");
        for (int i = 0; i < 2 + random.nextInt(8); i++) {
            b.append("  \"").append(pick(PY_DEPS).replace("\"", "'")).append("\",\n");
        }
        b.append("]\n\n[project.optional-dependencies]\ndev = [\"pytest>=8\", \"ruff\"]\n\n");
        b.append("[tool.setuptools.packages.find]\nwhere = [\"src\"]\n");
        return b.toString();
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
