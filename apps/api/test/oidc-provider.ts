import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The people the test provider knows: the login name is the account id; `email_verified` as the test needs. */
export const PROVIDER_ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  dana: { email: 'dana@sso.test', email_verified: true, name: 'Dana Single' },
  carol: { email: 'carol@sso.test', email_verified: true, name: 'Carol from the provider' },
  eve: { email: 'eve@sso.test', email_verified: false, name: 'Eve Unverified' },
};

export const CLIENT = { id: 'ordo', secret: 'ordo-test-secret' };

/**
 * A real OpenID provider (`oidc-provider`, its built-in login and consent pages) on 127.0.0.1. Its address
 * is known before Ordo starts; Ordo's callback URL is registered once Ordo listens (`allow`).
 */
export async function startOidcProvider() {
  let handle: (req: IncomingMessage, res: ServerResponse) => unknown = (_req, res) =>
    res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    /** Registers Ordo (at `ordoUrl`) as the client and starts answering. */
    allow(ordoUrl: string) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT.id,
            client_secret: CLIENT.secret,
            redirect_uris: [`${ordoUrl}/api/auth/oidc/callback`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        cookies: { keys: ['a test key, not a secret'] },
        findAccount: (_ctx, sub) => {
          const account = PROVIDER_ACCOUNTS[sub];
          return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
        },
      });
      handle = provider.callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser without JavaScript: follows redirects, keeps cookies per host, posts forms. */
export class Browser {
  private readonly cookies = new Map<string, Map<string, string>>();

  private jar(url: URL) {
    let jar = this.cookies.get(url.host);
    if (!jar) this.cookies.set(url.host, (jar = new Map()));
    return jar;
  }

  cookie(url: string, name: string) {
    return this.jar(new URL(url)).get(name);
  }

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const jar = this.jar(target);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(target, {
      method: init.method ?? 'GET',
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone =
        value === '' ||
        attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    return { res, url: target.href, text: await res.text() };
  }

  /**
   * Follows redirects from `url` until `stop(url)` says so (the address is then returned, not opened) or a
   * page answers; at most `bound` steps.
   */
  async follow(url: string, stop: (url: URL) => boolean = () => false, bound = 20) {
    let next = url;
    let init: { method?: string; form?: Record<string, string> } = {};
    for (let step = 0; step < bound; step++) {
      if (stop(new URL(next))) return { stoppedAt: next };
      const page = await this.fetch(next, init);
      const location = page.res.headers.get('location');
      if (!location || page.res.status < 300 || page.res.status >= 400) return { page };
      next = new URL(location, next).href;
      init = {};
    }
    throw new Error(`more than ${bound} redirects from ${url}`);
  }
}

/** The one form on a page: where it posts and its fields (hidden ones with their values). */
export function formOf(html: string, pageUrl: string) {
  const action = /<form[^>]*action="([^"]*)"[^>]*method="post"/i.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const input of html.matchAll(/<input\b[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
  }
  return { action: new URL(action.replaceAll('&amp;', '&'), pageUrl).href, fields };
}
