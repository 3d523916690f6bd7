import { fileURLToPath } from 'node:url';

const fromRepo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** Where the command was run: `pnpm` runs scripts in the package, but names that folder INIT_CWD. */
export const invocationDir = (env: NodeJS.ProcessEnv = process.env) => env.INIT_CWD ?? process.cwd();

/** The only place that reads process.env: every setting the server takes, with its default. */
export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    /** PGlite's folder when DATABASE_URL is unset; `data/` at the repository's root by default. */
    dataDir: env.DATA_DIR ?? fromRepo('data'),
    seedDemo: env.SEED_DEMO !== '0',
    webDist: env.WEB_DIST ?? fromRepo('apps/web/dist'),
    /** Quiet by default so the terminal shows what matters; `info` logs every request. */
    logLevel: env.LOG_LEVEL ?? 'warn',
    /** Origins (besides the server's own) allowed to open the live socket, comma-separated. */
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    /**
     * How long a shutdown (SIGTERM) waits for requests in flight and sockets to close before it cuts them off:
     * under `docker stop`'s 10 s, so the drain ends before the SIGKILL.
     */
    shutdownGraceMs: Number(env.SHUTDOWN_GRACE_MS ?? 8_000),
    /** Mail (docs/people.md): without SMTP_URL nothing is sent; links in mail start with PUBLIC_URL. */
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM || 'Ordo <ordo@localhost>',
      publicUrl: env.PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    },
    /** Single sign-on with OpenID Connect; off unless OIDC_ISSUER is set. */
    oidc: readOidc(env),
    /** The instance admin's email; without it, the first registered user is the instance admin. */
    adminEmail: env.ORDO_ADMIN_EMAIL || undefined,
  };
}
export type Env = ReturnType<typeof readEnv>;

/**
 * Whether to believe X-Forwarded-For/-Proto: only behind a proxy that sets them, or a client could pick its
 * own address (and so dodge the login limit). `true` (one proxy: the client is the rightmost X-Forwarded-For
 * address), a number of proxies in a row, or the proxies' addresses (comma-separated, CIDR).
 */
function readTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The OIDC client's settings: the issuer and the client id go together (the secret may be absent: PKCE). */
function readOidc(env: NodeJS.ProcessEnv) {
  const issuer = env.OIDC_ISSUER || undefined;
  if (!issuer) return undefined;
  const clientId = env.OIDC_CLIENT_ID;
  if (!clientId)
    throw new Error(
      'OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set both (and OIDC_CLIENT_SECRET) or neither',
    );
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    /** The button says "Sign in with <name>"; the issuer's host by default. */
    name: env.OIDC_NAME || new URL(issuer).hostname,
  };
}
export type OidcSettings = NonNullable<Env['oidc']>;
