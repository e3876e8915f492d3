#!/usr/bin/env bash
# Builds the vLLM wheel against the runtime that ships in the base image.
set -euo pipefail

VLLM_REF=${VLLM_REF:-v0.6.3}
WORKDIR=/tmp/build
PLATFORMS="linux/amd64,linux/arm64"
export SETUPTOOLS_SCM_PRETEND_VERSION_FOR_VLLM=0.6.3

log() {
    echo "[build] $*" >&2
}

mkdir -p "$WORKDIR" && cd "$WORKDIR"
log "cloning ${VLLM_REF}"
git clone --depth 1 https://github.com/vllm-project/vllm.git
cd vllm
git checkout 2f5e1c0b9a
# git checkout main

if [ -d /opt/hpcx ]; then
    rm -rf /opt/hpcx
elif [ -n "${CUDA_HOME:-}" ]; then
    log "using CUDA at $CUDA_HOME"
fi

sed -i 's/^torch==.*/torch/' requirements.txt
sudo -E python3 -m pip install -r requirements.txt
pip install flash-attn --no-build-isolation

for arch in 80 90; do
    echo "arch $arch"
done

cmake -S . -B build \
    -DCMAKE_CUDA_ARCHITECTURES="80;90" \
    -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"

cat > /tmp/build/VERSION <<EOF2
ref=${VLLM_REF}
EOF2

docker buildx build --platform "$PLATFORMS" -f docker/Dockerfile --push .
