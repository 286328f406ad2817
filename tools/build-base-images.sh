#!/usr/bin/env bash
# Stand-in base images for a machine that reaches Debian's packages but no container registry.
#
# The Dockerfile and docker-compose.yml name node:20-bookworm-slim, postgres:15 and redis:7. Where a
# registry is reachable, Docker pulls the official images and this script is not needed. Where none is
# (this project's build machines), this builds local images under those same names from Debian packages,
# so `docker compose up --build` runs unchanged:
#   listinglens-base/debian:bookworm  debootstrap --variant=minbase from the Debian mirror apt already uses
#   node:20-bookworm-slim             + this machine's Node 20 (/usr/bin/node, its npm) at /usr/local, user node (1000)
#   postgres:15                       + Debian's postgresql-15 and an entrypoint doing what compose relies on:
#                                       POSTGRES_USER/PASSWORD/DB on first start, pg_isready, PGDATA in a volume
#   redis:7                           + Debian's redis-server 7, run as redis in /data with the arguments given
# Idempotent: an image that already exists is kept (FORCE=1 rebuilds all four). Needs root, docker, debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD/tools/docker-bases

DEBIAN_IMAGE=listinglens-base/debian:bookworm
NODE_IMAGE=node:20-bookworm-slim
POSTGRES_IMAGE=postgres:15
REDIS_IMAGE=redis:7

have() { [ "${FORCE:-0}" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }
log() { echo "build-base-images: $*" >&2; }

# The mirror apt uses here (deb822 sources first, then a one-line sources.list); deb.debian.org otherwise.
mirror() {
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)
  [ -n "$uri" ] || uri=$(grep -hsE '^deb (\[[^]]*\] )?https?://' /etc/apt/sources.list | grep -v security |
    sed -E 's/^deb (\[[^]]*\] )?//' | awk '{print $1}' | head -1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

if have "$DEBIAN_IMAGE"; then
  log "$DEBIAN_IMAGE exists"
else
  command -v debootstrap >/dev/null || { log "needs debootstrap: apt-get install -y debootstrap"; exit 1; }
  rootfs=$(mktemp -d /var/tmp/listinglens-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  log "debootstrap bookworm from $(mirror) (about a minute)"
  debootstrap --variant=minbase bookworm "$rootfs" "$(mirror)" >/dev/null
  # Like the official slim images: no apt caches or lists in the image.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["bash"]' \
    - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

if have "$NODE_IMAGE"; then
  log "$NODE_IMAGE exists"
else
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  case "$(node -p 'process.versions.node')" in 20.*) ;; *) log "needs Node 20 on this machine (have $(node -v))"; exit 1 ;; esac
  ctx=$(mktemp -d)
  cp "$node_bin" "$ctx/node"
  cp -a "$npm_dir" "$ctx/npm"
  cp "$here/node.Dockerfile" "$ctx/Dockerfile"
  log "$NODE_IMAGE from $node_bin ($(node -v)) and npm $(npm -v 2>/dev/null)"
  docker build -q --build-arg BASE="$DEBIAN_IMAGE" -t "$NODE_IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
fi

if have "$POSTGRES_IMAGE"; then
  log "$POSTGRES_IMAGE exists"
else
  log "$POSTGRES_IMAGE from Debian's postgresql-15"
  docker build -q --build-arg BASE="$DEBIAN_IMAGE" -f "$here/postgres.Dockerfile" -t "$POSTGRES_IMAGE" "$here" >/dev/null
fi

if have "$REDIS_IMAGE"; then
  log "$REDIS_IMAGE exists"
else
  log "$REDIS_IMAGE from Debian's redis-server"
  docker build -q --build-arg BASE="$DEBIAN_IMAGE" -f "$here/redis.Dockerfile" -t "$REDIS_IMAGE" "$here" >/dev/null
fi
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^($DEBIAN_IMAGE|$NODE_IMAGE|$POSTGRES_IMAGE|$REDIS_IMAGE) " >&2
