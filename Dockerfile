# Multi-stage: build the UI with dev dependencies, run with production ones only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/client/dist ./client/dist
COPY bin ./bin
COPY server ./server
COPY samples ./samples
COPY tsconfig.json ./
USER node
EXPOSE 3000
CMD ["node", "bin/claimgraph.mjs", "start"]
