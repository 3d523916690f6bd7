import { z } from 'zod';

/** `GET /api/auth/sso`: the single sign-on the login page offers, or null when none is configured. */
export const ssoResponse = z.object({
  sso: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});
export type SsoInfo = z.infer<typeof ssoResponse>['sso'];

/** `GET /api/auth/oidc/start?next=/projects/SHOP`: where to land after signing in (a path on this site). */
export const oidcStartQuery = z.object({ next: z.string().max(2000).optional() });

const param = z.string().min(1).max(4096);
/** What the provider sends back to `GET /api/auth/oidc/callback` (RFC 6749 §4.1.2, RFC 9207's `iss`). */
export const oidcCallbackQuery = z.object({
  code: param.optional(),
  state: param.optional(),
  iss: param.optional(),
  error: param.optional(),
  error_description: z.string().max(4096).optional(),
});

/** Only same-site paths: a crafted `next` must not send people elsewhere. */
export const safeNextPath = (next: string | undefined) =>
  next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/projects';
