import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SsoLink } from './sso-link';

afterEach(() => {
  cleanup();
  document.querySelector('meta[name="ordo-sso"]')?.remove();
});

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <SsoLink />
    </MemoryRouter>,
  );

/** index.html names the provider when the server has single sign-on (apps/api/src/plugins/web.ts). */
function serverOffers(name: string) {
  const meta = document.createElement('meta');
  meta.name = 'ordo-sso';
  meta.content = name;
  document.head.append(meta);
}

describe('SsoLink', () => {
  it('shows nothing when the server has no single sign-on', () => {
    const { container } = renderAt('/login');
    expect(container.innerHTML).toBe('');
  });

  it('links to the sign-in through the provider, keeping where the person was going', () => {
    serverOffers('Acme Login');
    renderAt('/login?next=%2Fprojects%2FSHOP%2Fboard');
    const link = screen.getByRole('link', { name: 'Sign in with Acme Login' });
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start?next=%2Fprojects%2FSHOP%2Fboard');
  });

  it('starts without `next` when there is none', () => {
    serverOffers('Acme Login');
    renderAt('/login');
    expect(screen.getByRole('link', { name: 'Sign in with Acme Login' }).getAttribute('href')).toBe(
      '/api/auth/oidc/start',
    );
  });
});
