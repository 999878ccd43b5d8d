# Every image docker-compose.yml builds, one target per service (`build: {context: ., target: …}`),
# so the workspace install they all start from is written once. Build context: the repository root,
# so the workspace lockfile is used.

# What `npm ci` needs: the toolchain for native addons and every workspace's manifest (npm ci
# refuses a lockfile whose workspaces it cannot find).
FROM node:24.22.3-bookworm-slim AS manifests
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# onnxruntime-node's install script only fetches GPU libraries (allowScripts skips it on npm 11.16+).
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json .npmrc ./
COPY contracts/package.json contracts/
COPY runtime/package.json runtime/
COPY launch/package.json launch/
COPY content/package.json content/
COPY demo-content/package.json demo-content/
COPY test-kit/package.json test-kit/
COPY embedder/package.json embedder/
COPY search-sync/package.json search-sync/
COPY cms/package.json cms/
COPY site/package.json site/
COPY stack/package.json stack/
COPY bench/package.json bench/

# The services that run from source, without the optional dependencies (the npm-shipped Meilisearch
# binary: compose runs Meilisearch's own image). onnxruntime-node's CPU binding ships in its package.
FROM manifests AS deps
RUN npm ci --no-audit --no-fund --omit=optional

# Strapi builds its admin panel into the image; sharp's platform binaries are optional dependencies.
FROM manifests AS cms-build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY contracts contracts
COPY content content
COPY demo-content demo-content
COPY cms cms
RUN cd cms && NODE_ENV=production npx strapi build

FROM node:24.22.3-bookworm-slim AS cms
WORKDIR /app
ENV NODE_ENV=production STRAPI_HOST=0.0.0.0 STRAPI_PORT=1337 STRAPI_TELEMETRY_DISABLED=true
COPY --from=cms-build /app /app
RUN mkdir -p /app/cms/public/uploads && chown -R node:node /app/cms/public/uploads
USER node
WORKDIR /app/cms
EXPOSE 1337
CMD ["npx", "strapi", "start"]

FROM node:24.22.3-bookworm-slim AS embedder
WORKDIR /app
ENV NODE_ENV=production EMBEDDER_HOST=0.0.0.0 EMBEDDER_PORT=7997
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.json ./
COPY runtime runtime
COPY contracts contracts
COPY embedder embedder
USER node
EXPOSE 7997
CMD ["node", "--import", "tsx", "embedder/src/cli.ts"]

FROM node:24.22.3-bookworm-slim AS search-sync
WORKDIR /app
ENV NODE_ENV=production SEARCH_SYNC_HOST=0.0.0.0 SEARCH_SYNC_PORT=7710 SEARCH_SYNC_DATA_DIR=/data
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.json ./
COPY runtime runtime
COPY contracts contracts
COPY content content
COPY search-sync search-sync
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 7710
CMD ["node", "--import", "tsx", "search-sync/src/cli.ts", "serve"]

# The site's build server (it builds the static site against the CMS at start and again on every
# build hook) behind nginx, which serves the current build and passes only the build hook and the
# build status through.
FROM node:24.22.3-bookworm-slim AS site
RUN apt-get update && apt-get install -y --no-install-recommends nginx-light && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production SITE_HOST=127.0.0.1 SITE_PORT=4321 SITE_BUILDS_DIR=/app/site/.builds
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.json ./
COPY runtime runtime
COPY contracts contracts
COPY content content
COPY site site
COPY site/docker/nginx.conf /etc/nginx/nginx.conf
EXPOSE 8080
CMD ["sh", "site/docker/entrypoint.sh"]
