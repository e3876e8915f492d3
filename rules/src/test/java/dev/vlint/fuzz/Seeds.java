package dev.vlint.fuzz;

import dev.vlint.project.FileKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs the fuzz suite mutates: every lintable file under {@code fixtures/} (found by the
 * same path rules the loader uses), plus one small sample of each kind so every parser is covered
 * even while the fixture set is empty.
 */
final class Seeds {
    /** A file to lint: its path relative to the lint root (which decides its kind) and its bytes. */
    record Seed(String path, FileKind kind, byte[] bytes) {
        @Override
        public String toString() {
            return path + " (" + bytes.length + " bytes)";
        }
    }

    private static final List<Seed> ALL = load();

    private Seeds() {}

    static List<Seed> all() {
        return ALL;
    }

    /** One built-in sample per kind. */
    static List<Seed> samples() {
        return List.of(
                sample("Dockerfile", """
                        # syntax=docker/dockerfile:1
                        ARG BASE=python:3.12-slim
                        FROM ${BASE} AS build
                        RUN apt-get update \\
                            && apt-get install -y --no-install-recommends gcc \\
                            && rm -rf /var/lib/apt/lists/*
                        RUN <<EOF bash
                        set -eux
                        pip install "torch>=2.3" --index-url https://download.pytorch.org/whl/cu124
                        EOF
                        FROM ${BASE}
                        COPY --from=build /usr/local /usr/local
                        CMD ["python", "-m", "app"]
                        """),
                sample(".github/workflows/ci.yml", """
                        name: ci
                        on: [push]
                        defaults: &defaults
                          runs-on: ubuntu-24.04
                        jobs:
                          build:
                            <<: *defaults
                            strategy:
                              matrix: {py: ['3.11', '3.12']}
                            steps:
                              - uses: actions/checkout@v4
                              - uses: docker/build-push-action@v6
                                with: {push: false, tags: "x:${{ github.sha }}"}
                              - run: |
                                  echo "${{ matrix.py }}" | tee out.txt
                                  if [ -f out.txt ]; then cat out.txt; fi
                        """),
                sample("scripts/run.sh", """
                        #!/usr/bin/env bash
                        set -euo pipefail
                        f() { local x="${1:-a}"; echo "$(basename "$x")"; }
                        for i in 1 2; do f "$i" | grep -q 1 && echo ok; done
                        cat <<'EOF' > /tmp/x
                        $HOME stays
                        EOF
                        case "$1" in a) echo a ;; *) exec "$@" ;; esac
                        """),
                sample("startos/manifest.ts", """
                        import { setupManifest } from '@start9labs/start-sdk'
                        export const manifest = setupManifest({
                          id: 'demo', version: '1.2.3:0', title: `Demo ${1}`,
                          images: { main: { source: { dockerTag: 'demo:1' } } }, // comment
                        })
                        export const v1 = VersionInfo.of({ version: '1.2.3:0', releaseNotes: 'x' })
                        """),
                sample("pyproject.toml", """
                        [build-system]
                        requires = ["setuptools>=68", "torch==2.4.0"]
                        build-backend = "setuptools.build_meta"
                        [project]
                        name = "demo"
                        version = "0.1.0"
                        dependencies = ["numpy<2", 'triton; platform_machine == "x86_64"']
                        [tool.uv.sources]
                        torch = { index = "pytorch-cu124" }
                        """),
                sample("setup.py", """
                        from setuptools import setup
                        from torch.utils.cpp_extension import BuildExtension, CUDAExtension
                        setup(name="ext", ext_modules=[CUDAExtension("ext", ["a.cu"],
                              extra_compile_args={"nvcc": ["-gencode=arch=compute_90,code=sm_90"]})],
                              cmdclass={"build_ext": BuildExtension})
                        """),
                sample("requirements.txt", """
                        --extra-index-url https://download.pytorch.org/whl/cu124
                        torch==2.4.0+cu124
                        numpy>=1.26,<2 ; python_version >= "3.10"
                        -r other.txt
                        flash-attn @ https://example.com/flash_attn-2.6.3-cp311-cp311-linux_x86_64.whl
                        """),
                sample("docker-bake.hcl", """
                        variable "TAG" { default = "latest" }
                        group "default" { targets = ["app"] }
                        target "app" {
                          dockerfile = "Dockerfile"
                          platforms = ["linux/amd64", "linux/arm64"]
                          tags = ["demo:${TAG}"]
                        }
                        """));
    }

    private static Seed sample(String path, String text) {
        return new Seed(path, FileKind.classify(path, text), text.getBytes(StandardCharsets.UTF_8));
    }

    static Path fixturesRoot() {
        return Path.of(System.getProperty("vlint.root", "..")).resolve("fixtures").toAbsolutePath().normalize();
    }

    private static List<Seed> load() {
        List<Seed> seeds = new ArrayList<>(samples());
        Path root = fixturesRoot();
        if (!Files.isDirectory(root)) {
            return seeds;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
                FileKind kind = FileKind.classify(path, head);
                if (kind != FileKind.OTHER && kind != FileKind.WHEEL && bytes.length < 1_000_000) {
                    seeds.add(new Seed(path, kind, bytes));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(seeds);
    }
}
