import { newInviteeEmail, pendingInvitation } from '../invitation-helpers';
import { unique, type HostileTarget, type ValidRequest } from './target';

/** Valid requests for the routes outside a project, made by a user of their own. */
export function serviceRequests(h: HostileTarget): Record<string, () => Promise<ValidRequest>> {
  const { t, team, fixture, loner, joiner, productBase } = h;
  /** A fresh user made a stakeholder of the loner's product, so each variant has a member of its own to change. */
  async function productMember() {
    const user = (await t.register('Reader')).user!;
    await loner.post(`${productBase}/members`, { email: user.email, roles: ['stakeholder'] });
    return user.id;
  }
  /** A fresh epic of the loner's product: a variant that gets through edits or deletes only it. */
  async function productEpic() {
    return (await loner.post(`${productBase}/epics`, { title: 'Own epic' })).body.epic.id as string;
  }
  async function productFeedback() {
    return (await loner.post(`${productBase}/feedback`, { body: 'Own' })).body.feedback.id as string;
  }
  /** A fresh pending invitation to the loner's product: a variant that revokes one revokes only it. */
  async function productInvitation() {
    const body = { email: newInviteeEmail(), roles: ['stakeholder'] };
    return (await loner.post(`${productBase}/invitations`, body)).body.invitation.id as string;
  }

  return {
    'GET /api/health': async () => ({ path: '/api/health', client: loner }),
    'POST /api/auth/register': async () => ({
      path: '/api/auth/register',
      body: {
        email: `new.${unique().toLowerCase()}@test.dev`,
        name: 'New',
        password: 'correct horse battery',
      },
      client: t.anonymous,
    }),
    'POST /api/auth/login': async () => ({
      path: '/api/auth/login',
      body: { email: loner.user!.email, password: 'correct horse battery' },
      client: t.anonymous,
    }),
    // A session of its own: should a variant get through, it ends nobody else's.
    'POST /api/auth/logout': async () => ({ path: '/api/auth/logout', client: await t.register('Leaving') }),
    // Single sign-on (public; this app has no OIDC configured, so the valid requests answer 404: sso.test.ts signs in).
    'GET /api/auth/sso': async () => ({ path: '/api/auth/sso', client: t.anonymous }),
    'GET /api/auth/oidc/start': async () => ({
      path: '/api/auth/oidc/start?next=/projects',
      client: t.anonymous,
    }),
    'GET /api/auth/oidc/callback': async () => ({
      path: '/api/auth/oidc/callback?code=abc&state=def',
      client: t.anonymous,
    }),
    'GET /api/me': async () => ({ path: '/api/me', client: loner }),
    'PATCH /api/me': async () => ({
      path: '/api/me',
      body: { name: 'Loner', handle: `loner.${unique().toLowerCase()}` },
      client: loner,
    }),
    'GET /api/invitations/{token}': async () => ({
      path: `/api/invitations/${(await pendingInvitation(fixture)).token}`,
      client: t.anonymous,
    }),
    'POST /api/invitations/{token}/accept': async () => ({
      path: `/api/invitations/${(await pendingInvitation(fixture)).token}/accept`,
      body: { name: 'Invitee', password: 'correct horse battery' },
      // Signed in, so an empty body is a valid accept too (an anonymous one needs name and password).
      client: joiner,
    }),
    'POST /api/auth/password-reset': async () => ({
      path: '/api/auth/password-reset',
      body: { email: 'nobody@test.dev' },
      client: t.anonymous,
    }),
    'POST /api/auth/password-reset/{token}': async () => ({
      path: `/api/auth/password-reset/${'C'.repeat(43)}`,
      body: { password: 'correct horse battery' },
      client: t.anonymous,
    }),
    // Its own user: an accepted variant changes only their password, never the loner's.
    'PUT /api/me/password': async () => ({
      path: '/api/me/password',
      body: { current: 'correct horse battery', password: 'correct horse battery' },
      client: await t.register('Changer'),
    }),
    'POST /api/me/tokens': async () => ({ path: '/api/me/tokens', body: { name: 'CI' }, client: loner }),
    'GET /api/me/tokens': async () => ({ path: '/api/me/tokens', client: loner }),
    'DELETE /api/me/tokens/{id}': async () => ({
      path: `/api/me/tokens/${(await loner.post('/api/me/tokens', { name: 'Doomed' })).body.id}`,
      client: loner,
    }),
    'POST /api/auth/logout-everywhere': async () => ({
      path: '/api/auth/logout-everywhere',
      client: await t.register('Everywhere'),
    }),
    // The team's admin registered first: the instance admin.
    'GET /api/admin/users': async () => ({ path: '/api/admin/users', client: team.admin }),
    'GET /api/admin/audit': async () => ({ path: '/api/admin/audit?limit=10', client: team.admin }),
    'POST /api/admin/users/{id}/deactivate': async () => ({
      path: `/api/admin/users/${(await t.register('Leaving')).user!.id}/deactivate`,
      client: team.admin,
    }),
    'POST /api/admin/users/{id}/reactivate': async () => ({
      path: `/api/admin/users/${(await t.register('Back')).user!.id}/reactivate`,
      client: team.admin,
    }),
    'GET /api/projects': async () => ({ path: '/api/projects', client: loner }),
    'GET /api/me/notifications': async () => ({
      path: '/api/me/notifications?unread=true&limit=10',
      client: loner,
    }),
    'POST /api/me/notifications/read': async () => ({
      path: '/api/me/notifications/read',
      body: { all: true },
      client: loner,
    }),
    'GET /api/search': async () => ({ path: '/api/search?q=story&limit=5', client: loner }),
    'POST /api/products': async () => ({
      path: '/api/products',
      body: { key: `P${unique()}`, name: 'New product' },
      client: loner,
    }),
    'GET /api/products': async () => ({ path: '/api/products', client: loner }),
    'GET /api/portfolio': async () => ({ path: '/api/portfolio', client: loner }),
    'GET /api/products/{product}': async () => ({ path: productBase, client: loner }),
    'GET /api/products/{product}/roadmap': async () => ({ path: `${productBase}/roadmap`, client: loner }),
    'GET /api/products/{product}/members': async () => ({ path: `${productBase}/members`, client: loner }),
    // A project of the loner's own, moved into the product: admin of both.
    'POST /api/products/{product}/teams': async () => ({
      path: `${productBase}/teams`,
      body: {
        project: (await loner.post('/api/projects', { key: `T${unique()}`, name: 'Team' })).body.project.key,
      },
      client: loner,
    }),
    'POST /api/products/{product}/members': async () => ({
      path: `${productBase}/members`,
      body: { email: (await t.register('Invited')).user!.email, roles: ['stakeholder'] },
      client: loner,
    }),
    'PATCH /api/products/{product}/members/{userId}': async () => ({
      path: `${productBase}/members/${await productMember()}`,
      body: { roles: ['product_manager'] },
      client: loner,
    }),
    'DELETE /api/products/{product}/members/{userId}': async () => ({
      path: `${productBase}/members/${await productMember()}`,
      client: loner,
    }),
    'GET /api/products/{product}/epics': async () => ({ path: `${productBase}/epics`, client: loner }),
    'POST /api/products/{product}/epics': async () => ({
      path: `${productBase}/epics`,
      body: {
        title: 'Launch',
        outcome: 'More sales',
        color: '#6366f1',
        startDate: '2030-01-01',
        targetDate: '2030-02-01',
      },
      client: loner,
    }),
    'GET /api/products/{product}/epics/{epic}': async () => ({
      path: `${productBase}/epics/${await productEpic()}`,
      client: loner,
    }),
    'PATCH /api/products/{product}/epics/{epic}': async () => ({
      path: `${productBase}/epics/${await productEpic()}`,
      body: { title: 'Renamed', status: 'in_progress', targetDate: '2030-03-01' },
      client: loner,
    }),
    'DELETE /api/products/{product}/epics/{epic}': async () => ({
      path: `${productBase}/epics/${await productEpic()}`,
      client: loner,
    }),
    'POST /api/products/{product}/roadmap/rank': async () => {
      const [epic, before] = [await productEpic(), await productEpic()];
      return { path: `${productBase}/roadmap/rank`, body: { epic, before }, client: loner };
    },
    'PUT /api/products/{product}/vision': async () => ({
      path: `${productBase}/vision`,
      body: { vision: 'One tap' },
      client: loner,
    }),
    'GET /api/products/{product}/feedback': async () => ({ path: `${productBase}/feedback`, client: loner }),
    'POST /api/products/{product}/feedback': async () => ({
      path: `${productBase}/feedback`,
      body: { body: 'Faster', source: 'call', epicId: await productEpic() },
      client: loner,
    }),
    'PATCH /api/products/{product}/feedback/{id}': async () => ({
      path: `${productBase}/feedback/${await productFeedback()}`,
      body: { epicId: await productEpic(), done: true },
      client: loner,
    }),
    'POST /api/products/{product}/invitations': async () => ({
      path: `${productBase}/invitations`,
      body: { email: newInviteeEmail(), roles: ['stakeholder'] },
      client: loner,
    }),
    'GET /api/products/{product}/invitations': async () => ({
      path: `${productBase}/invitations`,
      client: loner,
    }),
    'DELETE /api/products/{product}/invitations/{id}': async () => ({
      path: `${productBase}/invitations/${await productInvitation()}`,
      client: loner,
    }),
    'POST /api/projects': async () => ({
      path: '/api/projects',
      body: { key: `N${unique()}`, name: 'New' },
      client: loner,
    }),
  };
}
