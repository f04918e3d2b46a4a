# syntax=docker/dockerfile:1
# One recipe for every backend service, chosen with build args (see docker-compose.yml):
#   SERVICE       memory | tools | build | orchestrator | gateway | telemetry
#   APT_PACKAGES  extra Debian packages the service needs at run time (bubblewrap for tools, rustc for build)
# Every layer up to the sources is the same for all six services, so it is built once and shared; each service adds
# only its own production install and run-time packages on top. (A second stage would copy node_modules into a fresh
# image for every service: on overlay2 that copy alone cost about 40 s per image.) The compilers the native addons
# need are purged in the same layer as the install, so the running image has none; it runs as the unprivileged `node`.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE}
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g pnpm@11.28.11
ENV ONNXRUNTIME_NODE_INSTALL_CUDA=skip
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# Every production package of the workspace, downloaded into pnpm's store once from the lockfile alone.
RUN pnpm fetch --prod
# Every package and service folder, so workspace packages a service imports (contracts, runtime, knowledge; the
# sandbox of tools for build) are there; only the chosen service's dependency tree is installed, from the store.
COPY packages packages
COPY services services
COPY proto proto
ARG SERVICE
ARG APT_PACKAGES=""
RUN pnpm install --offline --frozen-lockfile --prod --filter "@pagi/${SERVICE}..." \
 && rm -rf services/*/test packages/*/test \
 && apt-get purge -y --auto-remove python3 make g++ \
 && if [ -n "${APT_PACKAGES}" ]; then \
      apt-get update && apt-get install -y --no-install-recommends ${APT_PACKAGES}; \
    fi \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p data tools_repo && chown node:node data tools_repo
# The orchestrator rewrites the tool policy when the fleet agrees on a change: config belongs to the service's user,
# as do the starter knowledge bases, which the knowledge base manages like dropped files.
COPY --chown=node:node config config
COPY --chown=node:node knowledge_bases knowledge_bases
ENV NODE_ENV=production PAGI_ROOT=/app BIND_HOST=0.0.0.0 SERVICE=${SERVICE}
# Memory freed after a burst of large buffers (uploads) goes back to the system (see scripts/stack/catalog.ts).
ENV MALLOC_MMAP_THRESHOLD_=32768 MALLOC_TRIM_THRESHOLD_=131072
USER node
CMD ["sh", "-c", "exec node services/${SERVICE}/src/main.ts"]
