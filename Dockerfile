# syntax=docker/dockerfile:1
# One recipe for every backend service, chosen with build args (see docker-compose.yml):
#   SERVICE       memory | tools | build | orchestrator | gateway | telemetry
#   APT_PACKAGES  extra Debian packages the service needs at run time (bubblewrap for tools, rustc for build)
# The build stage installs only that service's dependencies (and compiles native addons); the runtime stage
# copies the result into a slim image that runs as the unprivileged `node` user.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g pnpm@11.28.11
ENV ONNXRUNTIME_NODE_INSTALL_CUDA=skip
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# Every production package of the workspace, downloaded into pnpm's store once from the lockfile alone: this layer
# and the ones above are the same for all six services, so they are built once and shared.
RUN pnpm fetch --prod
# Every package and service folder, so workspace packages a service imports (contracts, runtime, knowledge; the
# sandbox of tools for build) are there; only the chosen service's dependency tree is installed, from the store.
COPY packages packages
COPY services services
ARG SERVICE
RUN pnpm install --offline --frozen-lockfile --prod --filter "@pagi/${SERVICE}..."
COPY proto proto
RUN rm -rf services/*/test packages/*/test

FROM ${NODE_IMAGE}
ARG APT_PACKAGES=""
RUN if [ -n "${APT_PACKAGES}" ]; then \
      apt-get update && apt-get install -y --no-install-recommends ${APT_PACKAGES} && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app
ARG SERVICE
COPY --from=build --chown=node:node /app /app
COPY --chown=node:node config config
COPY --chown=node:node knowledge_bases knowledge_bases
RUN mkdir -p data tools_repo && chown node:node data tools_repo
ENV NODE_ENV=production PAGI_ROOT=/app BIND_HOST=0.0.0.0 SERVICE=${SERVICE}
# Memory freed after a burst of large buffers (uploads) goes back to the system (see scripts/stack/catalog.ts).
ENV MALLOC_MMAP_THRESHOLD_=32768 MALLOC_TRIM_THRESHOLD_=131072
USER node
CMD ["sh", "-c", "exec node services/${SERVICE}/src/main.ts"]
