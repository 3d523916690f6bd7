# The Ordo server: API and web client on one port. Built from the repository root.
# Stage 1 builds the web client and the compiled API; stage 2 holds only what runs: the API's bundle, its
# production dependencies, the committed migrations and the web build (no TypeScript, no tsx, no dev tools).
FROM node:20-slim AS build
RUN npm i -g pnpm@10
WORKDIR /src
COPY . .
RUN pnpm install --frozen-lockfile \
  && pnpm build \
  && pnpm --filter @ordo/api deploy --prod --legacy /app \
  && rm -rf /app/src /app/test /app/bench \
  && cp -r apps/web/dist /app/web

FROM node:20-slim
WORKDIR /app
COPY --from=build /app .
ENV HOST=0.0.0.0 PORT=3000 NODE_ENV=production WEB_DIST=/app/web DATA_DIR=/app/data
EXPOSE 3000
# Node itself is PID 1 (no pnpm in between), so `docker stop`'s SIGTERM reaches the server, which drains.
CMD ["node", "--enable-source-maps", "dist/server.js"]
