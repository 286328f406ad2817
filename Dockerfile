# One image for api, worker and migrations; docker-compose.yml picks the command.
# Works with the classic builder and BuildKit alike (Compose v1 builds with whichever the docker CLI has).

FROM node:20-bookworm-slim AS build
# HTTPS through a TLS-inspecting proxy: EXTRA_CA_CERTS names a PEM file inside the build context (docker
# builds see nothing else); its certificates join the system bundle, which Node and npm trust through
# NODE_EXTRA_CA_CERTS. Unset, the placeholder adds nothing.
ARG EXTRA_CA_CERTS=
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY ${EXTRA_CA_CERTS:-tools/docker-bases/no-extra-ca.pem} /tmp/extra-ca.pem
RUN tools_ca=/usr/local/share/ca-certificates/listinglens-extra.crt \
  && if grep -q 'BEGIN CERTIFICATE' /tmp/extra-ca.pem; then cp /tmp/extra-ca.pem "$tools_ca"; fi \
  && update-ca-certificates >/dev/null && rm /tmp/extra-ca.pem
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  ONNXRUNTIME_NODE_INSTALL=skip CHECKPOINT_DISABLE=1 NX_DAEMON=false NX_NO_CLOUD=true
WORKDIR /app
# What `npm ci` needs, first, so its layer is reused until the lock or the patches change: postinstall
# applies patches/ and runs `prisma generate` (schema, config and the offline wrapper).
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY patches ./patches
COPY prisma ./prisma
COPY tools/prisma.mjs tools/prisma-unref-timers.cjs ./tools/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
  # The migrate service's Prisma CLI stays: it is a peer dependency of @prisma/client, so not "dev".
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf dist/test dist/bench
# onnxruntime-node ships its CPU binaries for every platform (288 MB); keep this one's (45 MB on x64).
RUN arch=$(node -p process.arch) \
  && for d in node_modules/onnxruntime-node/bin/napi-v*/*; do [ "${d##*/}" = linux ] || rm -rf "$d"; done \
  && for d in node_modules/onnxruntime-node/bin/napi-v*/linux/*; do [ "${d##*/}" = "$arch" ] || rm -rf "$d"; done \
  && ls node_modules/onnxruntime-node/bin/napi-v*/linux/"$arch"/onnxruntime_binding.node

FROM node:20-bookworm-slim
# ca-certificates (and the extra ones from the build stage); a CJK font for rendering; Debian's tesseract
# data (OCR_PROFILE=fast and an offline language source).
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates fonts-wqy-zenhei \
     tesseract-ocr-eng tesseract-ocr-chi-sim \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/share/ca-certificates/ /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null
ENV NODE_ENV=production NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt CHECKPOINT_DISABLE=1
WORKDIR /app
# Owned by root, readable by all: the app running as node cannot change its own code or models. The OCR
# language folder and worker script are written under /tmp (os.tmpdir()), writable by node.
COPY --from=build /app/package.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/tools ./tools
USER node
CMD ["node", "dist/apps/api/src/main.js"]
