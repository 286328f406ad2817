# One image for api, worker and migrations; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
# Dev dependencies stay: the migrate service runs the Prisma CLI (see README "Development").
RUN npm run build

FROM node:20-bookworm-slim
# CJK font for rendering; Debian tesseract data is the OCR yardstick and an offline language source.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-zenhei tesseract-ocr-eng tesseract-ocr-chi-sim \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
CMD ["node", "dist/apps/api/src/main.js"]
