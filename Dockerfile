# syntax=docker/dockerfile:1
# One image, five entry points: node dist/bin/{orchestrator,inventory,payment,shipping,travel}.js.
# Debian (glibc) rather than Alpine so better-sqlite3 uses its prebuilt binary or builds with the
# toolchain of the build stage; the runtime stage has the same base, so the addon loads there.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
# Fallback toolchain for better-sqlite3 when no prebuilt binary matches this Node ABI.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first: this layer is reused until package.json or the lock file changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY sagas ./sagas
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# Every process of this image listens on HTTP_PORT (each runs in its own container); the health
# check below reads the same variable, so the two cannot disagree.
# V8 otherwise reserves several times the heap it uses; these bounds keep the orchestrator under
# 300 MB RSS with 10,000 sagas in flight (see README, Performance). Override per service if needed.
ENV NODE_ENV=production HTTP_PORT=3000 NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=256"
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Databases live on the /data volume. The default DATABASE_PATH is ./data/<process>.db, so
# /app/data points there too; docker-compose.yml sets DATABASE_PATH=/data/<process>.db explicitly.
RUN mkdir -p /data && chown node:node /data && ln -s /data /app/data
VOLUME ["/data"]
# The node user (uid 1000) of the official image: the code and dependencies stay root-owned and read-only to it.
USER node
EXPOSE 3000
# No curl in slim images: Node's fetch asks the process's own /healthz (liveness).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || '3000') + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bin/orchestrator.js"]
