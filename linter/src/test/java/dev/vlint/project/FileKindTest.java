package dev.vlint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileKindTest {
    @Test
    void requirementsFiles() {
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("requirements.txt", ""));
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("docker/requirements-dev.txt", ""));
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("requirements/build/cuda.txt", ""));
        assertEquals(FileKind.REQUIREMENTS, FileKind.classify("py/requirements/common.txt", ""));
        assertEquals(FileKind.OTHER, FileKind.classify("docs/notes.txt", ""));
        assertEquals(FileKind.ACTION, FileKind.classify("action.yml", ""));
        assertEquals(FileKind.ACTION, FileKind.classify(".github/actions/setup/action.yaml", ""));
        assertEquals(FileKind.OTHER, FileKind.classify(".github/actions/setup/actions.yml", ""));
    }

    @Test
    void dockerfilesByNameButNotSourcesNamedAfterThem() {
        for (String path : new String[] {"Dockerfile", "docker/Dockerfile.cpu", "Dockerfile.ubuntu22.04",
                "build/cuda.Dockerfile", "Containerfile", "Containerfile.rhel", "Dockerfile_amd", "Dockerfile-cuda",
                "Dockerfile_2_28", "x.dockerfile", "dockerfile.dev", "InternVL_Dockerfile"}) {
            assertEquals(FileKind.DOCKERFILE, FileKind.classify(path, ""), path);
        }
        for (String path : new String[] {"src/dev/vlint/dockerfile/Dockerfile.java", "Dockerfile.md",
                "Dockerfile.dockerignore", "Dockerfile.j2", "docs/Dockerfile.yaml", "Dockerfile-uv.jinja",
                "dockerfiles", "docs/dockerfile-guide.rst"}) {
            assertEquals(FileKind.OTHER, FileKind.classify(path, ""), path);
        }
    }

    @Test
    void workflowsScriptsAndPackagingFiles() {
        assertEquals(FileKind.WORKFLOW, FileKind.classify(".github/workflows/ci.yml", ""));
        assertEquals(FileKind.WORKFLOW, FileKind.classify("sub/.github/workflows/ci.yaml", ""));
        assertEquals(FileKind.OTHER, FileKind.classify(".github/workflows/scripts/test_config.yaml", ""),
                "GitHub reads no workflow from a folder below .github/workflows");
        assertEquals(FileKind.OTHER, FileKind.classify(".github/dependabot.yml", ""));
        assertEquals(FileKind.SHELL, FileKind.classify("scripts/build", "#!/usr/bin/env bash\nset -e\n"));
        assertEquals(FileKind.OTHER, FileKind.classify("scripts/tool", "#!/usr/bin/env python3\n"));
        assertEquals(FileKind.STARTOS_TS, FileKind.classify("startos/versions/current.ts", ""));
        assertEquals(FileKind.PYPROJECT, FileKind.classify("vllm/pyproject.toml", ""));
        assertEquals(FileKind.BAKE, FileKind.classify("docker-bake.hcl", ""));
    }

    @Test
    void whatABuildNamesIsADockerfileUnlessClearlyNot() {
        assertEquals(FileKind.DOCKERFILE, FileKind.namedByBuild("docker/gpu.build"));
        assertEquals(FileKind.BAKE, FileKind.namedByBuild("shared/versions.hcl"));
        assertEquals(FileKind.OTHER, FileKind.namedByBuild("scripts/build.py"));
        assertEquals(FileKind.OTHER, FileKind.namedByBuild("README.md"));
    }
}
