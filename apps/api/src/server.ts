import { openDatabase } from '@ordo/db';
import { buildApp } from './app';
import { readEnv } from './env';
import { seedDemo } from './seed/demo';
import { DEMO_KEY } from './seed/demo-data';

const env = readEnv();
const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
const app = await buildApp({
  database,
  webDist: env.webDist,
  logger: { level: env.logLevel },
  live: { allowedOrigins: env.allowedOrigins },
  trustProxy: env.trustProxy,
});

if (env.seedDemo) {
  const logins = await database.exclusively(() => seedDemo(app));
  if (logins) console.log(`Demo project ${DEMO_KEY} seeded. Sign in with any of:\n${logins}\n`);
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: env.port, host: env.host });
console.log(`Ordo is running on http://${env.host}:${env.port} (database: ${database.kind}${env.databaseUrl ? '' : ` in ${env.dataDir}`})`);
