# Every target first runs the idempotent setup (Node, pnpm, dependencies, system packages).
SHELL := /bin/bash
ENV := source scripts/env.sh &&

.PHONY: bench setup build run-dev stop-dev run-mesh stop-mesh mesh-key test test-compose lint typecheck format proto proto-check backup restore

setup:
	@bash scripts/setup.sh

run-dev: setup build
	@$(ENV) node scripts/dev/up.ts

stop-dev:
	@$(ENV) node scripts/dev/down.ts

# N complete twins on this machine (data/mesh/twin-K, ports + 1000×K), bootstrapped to each other on 127.0.0.1.
run-mesh: setup build
	@$(ENV) N=$(or $(N),3) node scripts/mesh/up.ts

stop-mesh:
	@$(ENV) node scripts/mesh/down.ts

# A swarm key for a private mesh, in data/mesh/swarm.key (see the README's mesh section).
mesh-key: setup
	@$(ENV) node scripts/mesh/key.ts

test: setup lint typecheck proto-check build
	@$(ENV) vitest run

# docker-compose.yml for real, alone: a private Docker engine builds every image and runs the stack (tests/compose).
test-compose: setup
	@$(ENV) vitest run --project compose

# Production bundle of the UI (frontend/dist), as the frontend image builds it.
build: setup
	@$(ENV) cd frontend && node_modules/.bin/vite build --logLevel warn

lint: setup
	@$(ENV) biome check .

format: setup
	@$(ENV) biome check --write .

typecheck: setup
	@$(ENV) tsc -p tsconfig.json --noEmit && tsc -p frontend/tsconfig.json --noEmit

proto: setup
	@$(ENV) node scripts/gen-proto.ts

# The generated types must match proto/: regenerate and compare.
proto-check: setup
	@$(ENV) node scripts/gen-proto.ts && git diff --exit-code --stat -- packages/contracts/src/gen packages/runtime/src/gen && \
		test -z "$$(git ls-files --others --exclude-standard -- packages/contracts/src/gen packages/runtime/src/gen)" || \
		{ echo "generated proto types are stale: run 'make proto' and commit the result"; exit 1; }

backup: setup
	@$(ENV) node scripts/ops/backup.ts

restore: setup
	@$(ENV) node scripts/ops/restore.ts "$(BACKUP)"

# Each benchmark prints one JSON object (figures in the README's performance table).
bench: setup
	@$(ENV) for b in chat gateway tools memory ingest mesh agents; do node bench/$$b/run.ts; done && node bench/mesh/consensus.ts && node bench/mesh/redaction.ts
