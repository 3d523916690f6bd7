import { useSearchParams } from 'react-router';

/** Where the server starts a single sign-on (`GET /api/auth/sso` says the same to scripts). */
const START_URL = '/api/auth/oidc/start';

/** The provider's name when the server has single sign-on (OIDC_ISSUER): index.html carries it, no request. */
const providerName = () =>
  document.querySelector<HTMLMetaElement>('meta[name="ordo-sso"]')?.content || undefined;

/**
 * "Sign in with …": a plain link, since the sign-in is a round of full-page redirects through the provider;
 * `next` goes along and comes back. Nothing when the server has no single sign-on.
 */
export function SsoLink() {
  const [params] = useSearchParams();
  const name = providerName();
  if (!name) return null;
  const next = params.get('next');
  return (
    <a className="btn" href={next ? `${START_URL}?next=${encodeURIComponent(next)}` : START_URL}>
      Sign in with {name}
    </a>
  );
}
