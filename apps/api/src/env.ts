import { fileURLToPath } from 'node:url';

/** The only place that reads process.env: every setting the server takes, with its default. */
export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    seedDemo: env.SEED_DEMO !== '0',
    webDist: env.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    logLevel: env.LOG_LEVEL ?? 'info',
    /** Origins (besides the server's own) allowed to open the live socket, comma-separated. */
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  };
}
export type Env = ReturnType<typeof readEnv>;
