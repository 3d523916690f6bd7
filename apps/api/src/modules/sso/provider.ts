import * as oidc from 'openid-client';
import { DomainError } from '@ordo/domain';
import type { OidcSettings } from '../../env';

/**
 * The OpenID provider's configuration, discovered on first use (the provider may be down when Ordo starts)
 * and kept; a failed discovery is tried again on the next sign-in. An `http://` issuer (a provider on the
 * same host, the tests) is allowed because the operator wrote it; `https://` is what deploy.md asks for.
 */
export function oidcProvider(settings: OidcSettings) {
  let discovered: Promise<oidc.Configuration> | undefined;
  return async function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      {
        execute: new URL(settings.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      },
    );
    try {
      return await discovered;
    } catch (error) {
      discovered = undefined;
      throw new DomainError(
        'unavailable',
        `The sign-in provider cannot be reached: ${(error as Error).message}`,
      );
    }
  };
}
export type OidcProvider = ReturnType<typeof oidcProvider>;

/** What the browser keeps between the redirect to the provider and the way back (a short-lived cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** Where to send the browser: the provider's login page, with PKCE (S256), state and nonce. */
export async function startSignIn(configuration: oidc.Configuration, redirectUri: string, next: string) {
  const pending: PendingSignIn = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    next,
  };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, pending };
}

/** The provider's claims about who signed in: the ID token's, completed by the userinfo endpoint's. */
export interface SignedInClaims {
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/**
 * Exchanges the code (checking state, PKCE, nonce, issuer and the ID token's signature) and reads the claims.
 * A state that is not the one this browser was given is refused before the provider is asked anything.
 */
export async function finishSignIn(
  configuration: oidc.Configuration,
  callbackUrl: URL,
  pending: PendingSignIn,
): Promise<SignedInClaims> {
  if (callbackUrl.searchParams.get('state') !== pending.state) {
    throw new DomainError(
      'validation_failed',
      'state: this sign-in was not started here, or was started again; sign in again',
      { field: 'state' },
    );
  }
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (
      error instanceof oidc.ResponseBodyError ||
      error instanceof oidc.AuthorizationResponseError ||
      error instanceof oidc.ClientError
    ) {
      throw new DomainError(
        'forbidden',
        `The sign-in provider did not confirm the sign-in: ${error.message}`,
      );
    }
    throw new DomainError(
      'unavailable',
      `The sign-in provider cannot be reached: ${(error as Error).message}`,
    );
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new DomainError('forbidden', 'The sign-in provider sent no ID token');
  // The userinfo endpoint completes the ID token's claims; when it fails, the ID token's alone decide.
  const userInfo = tokens.access_token
    ? await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub).catch(() => undefined)
    : undefined;
  return { ...idClaims, ...userInfo };
}
