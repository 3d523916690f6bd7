import type { Action } from '@ordo/domain';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, products, projects } from '@ordo/db';
import type { Mailer } from './modules/mail/mailer';
import type { Limits } from './lib/limits';
import type { OidcSettings } from './env';
import type { ProductScope, ProjectScope } from './lib/scope';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  handle: string;
  createdAt: Date;
  /** Instance admin (docs/security.md). */
  isAdmin: boolean;
}

export type ProjectRow = typeof projects.$inferSelect;
export type ProductRow = typeof products.$inferSelect;

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Whether mail goes out, and links for it: see modules/mail. */
    mail: Mailer;
    limits: Limits;
    /** Single sign-on with OpenID Connect, when configured (OIDC_ISSUER…). */
    oidc: OidcSettings | undefined;
    adminEmail: string | undefined;
    /** Today's date in UTC (`YYYY-MM-DD`) by the app's clock (`AppOptions.clock`). */
    today(): string;
  }
  interface FastifyRequest {
    /** The signed-in caller; set on every route that is not `config.public`. */
    user: SessionUser;
    /** The project named by `:key`, its product, the caller and their roles in it; set on project-scoped routes. */
    scope: ProjectScope;
    /** The product, the team its writes are logged in, the caller and their roles on it; set on product routes. */
    productScope: ProductScope;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (register, login, health, docs). */
    public?: boolean;
    /** The policy action a project-scoped route needs. */
    action?: Action;
    /** The route reads its body itself, as a stream of any content type (an import's file). */
    rawBody?: boolean;
  }
}

/** The app with the zod type provider: every module's routes are typed from the domain's schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
