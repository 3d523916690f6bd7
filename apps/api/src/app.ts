import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import websocket from '@fastify/websocket';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '@ordo/db';
import { todayUtc } from '@ordo/domain';
import { modules } from './modules';
import { DEFAULT_LIMITS, type Limits } from './lib/limits';
import { registerMailer } from './modules/mail/mailer';
import type { MailOptions } from './modules/mail/options';
import { liveOptions, type LiveOptions } from './modules/live/options';
import { compression } from './plugins/compression';
import { docs } from './plugins/docs';
import { clientErrorHandler, errorHandler } from './plugins/errors';
import { productAccess, projectAccess } from './plugins/project-access';
import { serializerCompiler } from './plugins/serializer';
import { housekeeping } from './plugins/housekeeping';
import { jsonBody } from './plugins/json-body';
import { session } from './plugins/session';
import { closeLiveSockets } from './plugins/shutdown';
import { web } from './plugins/web';
import type { OidcSettings } from './env';
import type { App } from './types';
import { PASSWORD_COST, setPasswordCostForTests } from './lib/secrets';

/**
 * The web client and the API docs load only their own scripts; user text is never HTML, and this makes a
 * slip there inert too. Inline styles stay allowed for the docs UI and React's computed styles.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Helmet's default would send every request of a plain-http deployment (a LAN, a container) to https.
  upgradeInsecureRequests: null,
};

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Believe X-Forwarded-* headers (behind a load balancer): see `TRUST_PROXY` in env.ts. */
  trustProxy?: FastifyServerOptions['trustProxy'] | number;
  /** The web build to serve beside the API; none in API-only tests. */
  webDist?: string | undefined;
  /** Live sync settings: the allowed origins of `ALLOWED_ORIGINS`, and shorter timings in tests. */
  live?: Partial<LiveOptions>;
  /** Single sign-on with OpenID Connect (`OIDC_*` in env.ts); none: password sign-in only. */
  oidc?: OidcSettings | undefined;
  /** Rate limits (docs/security.md); tests lower them to reach them quickly. */
  limits?: Partial<Limits>;
  /** SMTP_URL, MAIL_FROM, PUBLIC_URL (docs/people.md); tests point it at their own SMTP server. */
  mail?: Partial<MailOptions>;
  /** ORDO_ADMIN_EMAIL: the instance admin's account; without it, the first registered user is. */
  adminEmail?: string | undefined;
  /** Tests only: a lower scrypt cost for the passwords they hash (never set by `server.ts`). */
  passwordCost?: number;
  /** What time it is: "today" (UTC) of reports, forecasts and due dates. Tests set the date with it. */
  clock?: () => Date;
}

/**
 * `true` means the one proxy in front, whatever its address; a number, that many proxies in a row. The client
 * is then the address the last proxy appended (the rightmost X-Forwarded-For entry, or as many from the right),
 * never one the client wrote itself further left. Fastify's own `true` would believe the leftmost.
 */
function trustedHops(trust: AppOptions['trustProxy']): FastifyServerOptions['trustProxy'] {
  const hops = trust === true ? 1 : trust;
  return typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : (hops ?? false);
}

/** The whole Ordo server as one Fastify instance: used by `server.ts` and by every test. */
export async function buildApp(options: AppOptions): Promise<App> {
  setPasswordCostForTests(options.passwordCost ?? PASSWORD_COST);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: trustedHops(options.trustProxy),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('oidc', options.oidc);
  app.decorate('liveOptions', liveOptions(options.live));
  app.decorate('limits', { ...DEFAULT_LIMITS, ...options.limits });
  registerMailer(app, options.mail);
  app.decorate('adminEmail', options.adminEmail);
  const clock = options.clock ?? (() => new Date());
  app.decorate('today', () => todayUtc(clock()));

  await app.register(errorHandler);
  await app.register(compression);
  await app.register(helmet, { contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } });
  await app.register(docs);
  await app.register(session);
  await app.register(jsonBody);
  await app.register(projectAccess);
  await app.register(productAccess);
  await app.register(housekeeping);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 }, preClose: closeLiveSockets });
  for (const module of modules) await app.register(module);
  await app.register(web, { webDist: options.webDist });
  return app;
}
