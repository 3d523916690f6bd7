import closeWithGrace from 'close-with-grace';
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
  mail: env.mail,
  oidc: env.oidc,
  adminEmail: env.adminEmail,
});

if (env.seedDemo) {
  const logins = await database.exclusively(() => seedDemo(app));
  if (logins) console.log(`Demo project ${DEMO_KEY} seeded. Sign in with any of:\n${logins}\n`);
}

// SIGTERM/SIGINT (a deploy, `docker stop`, Ctrl-C): stop taking connections, let the requests in flight finish,
// close live sockets with 1012 so clients reconnect (to another instance), then the database. Whatever is still
// running after the grace period is cut off: the process exits with 1.
closeWithGrace({ delay: env.shutdownGraceMs, logger: app.log }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an unexpected error');
  else app.log.info(`${signal ?? 'exit'}: draining`);
  await app.close();
  await database.close();
});

const address = await app.listen({ port: env.port, host: env.host });
console.log(
  `Ordo is running on ${address} (database: ${database.kind}${env.databaseUrl ? '' : ` in ${env.dataDir}`})`,
);
