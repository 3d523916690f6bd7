/**
 * A person's `@handle`: lowercase letters, digits, `.`, `-` and `_`, starting with a letter or digit (so
 * `@…` in text reads unambiguously). Made from the email's local part at registration; people may change it.
 */
export const HANDLE_MAX = 32;
export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const FALLBACK = 'user';

/** `Jean.Dupont+ordo@x.fr` → `jean.dupont.ordo`; `José` → `jose`; nothing usable → `user`. */
export function handleFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  const base = local
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '.')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, HANDLE_MAX)
    .replace(/[._-]+$/, '');
  return base || FALLBACK;
}

/** The n-th choice for a base that is taken: `ada`, `ada-2`, `ada-3`…, always within HANDLE_MAX. */
export function handleCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, HANDLE_MAX - suffix.length)}${suffix}`;
}
