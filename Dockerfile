# The Ordo server: API and web client on one port. Built from the repository root.
FROM node:20-slim
RUN npm i -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @ordo/web build
ENV HOST=0.0.0.0 PORT=3000 NODE_ENV=production
EXPOSE 3000
CMD ["pnpm", "--filter", "@ordo/api", "start"]
