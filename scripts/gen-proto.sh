#!/usr/bin/env bash
# Regenerates the TypeScript types of every proto/ file into services/kit/src/gen (run by `make proto`).
# The loader options here must match services/kit/src/grpc/proto.ts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
OUT="$ROOT/services/kit/src/gen"
rm -rf "$OUT"
cd "$ROOT/proto"
"$ROOT/services/kit/node_modules/.bin/proto-loader-gen-types" --keepCase --longs=Number --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --outDir="$OUT" --importFileExtension=.ts \
  memory.proto tools.proto build.proto orchestrator.proto --includeDirs . >/dev/null
biome check --write "$OUT" >/dev/null 2>&1 || true
