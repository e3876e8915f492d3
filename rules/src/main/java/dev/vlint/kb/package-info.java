/**
 * The knowledge base: facts about CUDA architectures, PyTorch releases, base images, GitHub
 * runners, known Python projects and package caches, loaded from the YAML files next to these
 * classes (each fact names its source), plus the version arithmetic rules need.
 *
 * <p>Rules start from {@link dev.vlint.kb.KnowledgeBase#bundled()} (or a knowledge base with a
 * configuration overlay) and ask its parts: {@code cudaArchs()}, {@code torch()}, {@code images()},
 * {@code runners()}, {@code projects()}, {@code packageCaches()}. Arch lists are parsed with
 * {@link dev.vlint.kb.ArchList}; Python versions with {@link dev.vlint.kb.Pep440}; CUDA and torch
 * release numbers are ordered with {@link dev.vlint.kb.Versions}.
 */
package dev.vlint.kb;
