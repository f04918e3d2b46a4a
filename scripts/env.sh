# Sourced by the Makefile and the setup script: puts the project's own Node and pnpm first on PATH.
# shellcheck shell=bash
PAGI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAGI_TOOLS="$PAGI_ROOT/.tools"
export PAGI_ROOT PAGI_TOOLS
if [ -x "$PAGI_TOOLS/node/bin/node" ]; then
  export PATH="$PAGI_TOOLS/node/bin:$PATH"
  # Native addons (better-sqlite3, hnswlib-node) build against these headers instead of downloading them.
  export npm_config_nodedir="$PAGI_TOOLS/node"
fi
[ -d "$PAGI_TOOLS/pnpm/node_modules/.bin" ] && export PATH="$PAGI_TOOLS/pnpm/node_modules/.bin:$PATH"
export PATH="$PAGI_ROOT/node_modules/.bin:$PATH"
# onnxruntime-node must not fetch CUDA binaries at install time.
export ONNXRUNTIME_NODE_INSTALL_CUDA=skip
export COREPACK_INTEGRITY_KEYS=0
