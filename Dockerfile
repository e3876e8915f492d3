# syntax=docker/dockerfile:1
# The vlint image, built from the release archive (no JDK, no Maven inside):
#   mvn -B package && docker build -t vlint:0.1.0 .
# It lints the folder mounted at /src: docker run --rm -v "$PWD:/src" vlint:0.1.0 .
# For several platforms, put each platform's archive into cli/target first (the release workflow does).

FROM debian:bookworm-slim AS unpack
ARG VLINT_VERSION=0.1.0
ARG TARGETARCH
COPY cli/target/vlint-${VLINT_VERSION}-linux-*.tar.gz /tmp/archives/
# Docker names the platforms amd64 and arm64, the archives x64 and aarch64.
RUN case "${TARGETARCH}" in \
      amd64) arch=x64 ;; \
      arm64) arch=aarch64 ;; \
      *) echo "no vlint archive for ${TARGETARCH}" >&2; exit 1 ;; \
    esac \
    && mkdir -p /opt \
    && tar -xzf "/tmp/archives/vlint-${VLINT_VERSION}-linux-${arch}.tar.gz" -C /opt \
    && mv "/opt/vlint-${VLINT_VERSION}" /opt/vlint \
    && /opt/vlint/bin/vlint --version

FROM debian:bookworm-slim
LABEL org.opencontainers.image.title="vlint" \
      org.opencontainers.image.description="Lints Dockerfiles, workflows, StartOS sources, Python packaging files and shell scripts"
COPY --from=unpack /opt/vlint /opt/vlint
RUN ln -s /opt/vlint/bin/vlint /usr/local/bin/vlint \
    && useradd -l -m -u 10001 vlint
USER vlint
WORKDIR /src
ENTRYPOINT ["/opt/vlint/bin/vlint"]
