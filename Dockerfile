# syntax=docker/dockerfile:1
# One image recipe for every service: `docker build --build-arg SERVICE=memory .`
FROM node:24-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@11.28.11
COPY . .
ENV ONNXRUNTIME_NODE_INSTALL_CUDA=skip
RUN pnpm install --frozen-lockfile --prod=false

FROM node:24-bookworm-slim
ARG SERVICE
ENV SERVICE=${SERVICE} NODE_ENV=production BIND_HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app /app
USER node
CMD ["sh", "-c", "exec node services/${SERVICE}/src/main.ts"]
