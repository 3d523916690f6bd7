import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '@ordo/domain';
import { startTestApp, type Client } from './harness';
import { authzFixture, loadAuthzCases } from './authz/fixture';
import type { JsonSchema } from './hostile/json-schema';
import {
  anyBodyRequests,
  fieldRequests,
  pathRequests,
  queryRequests,
  wholeBodyRequests,
  type ForeignIds,
  type HostileRequest,
  type QueryParameter,
} from './hostile/variants';
import { newSprint } from './sprint-helpers';
import { pendingInvitation } from './invitation-helpers';

/**
 * Bad input gets a clear error and changes nothing, on every route of the OpenAPI document: each route's
 * valid request (from the authorization cases, or the table below for routes outside a project) is bent
 * into hostile variants: fields of the wrong type, too long, empty, out of range, ids and keys of another
 * project, impossible dates, whole bodies that are no object or no JSON, prototype keys, bodies over 1 MiB,
 * malformed path parameters and query strings. A variant the documented schema refuses must get a 4xx in
 * the contract's error shape (a 400 naming the field) and leave the event log and the project as they were;
 * a variant the schema allows may succeed, but never with a 5xx.
 */
interface Operation {
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  parameters?: (QueryParameter & { in: string })[];
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}
interface ValidRequest {
  path: string;
  body?: unknown;
  client: Client;
}

const t = await startTestApp();
afterAll(() => t.close());
const team = await t.projectWithTeam();
const fixture = authzFixture(t, team);
const loner = await t.register('Loner');
const joiner = await t.register('Joiner');
const cases = await loadAuthzCases();
const spec = (await t.anonymous.get('/api/docs/json')).body as OpenApi;
const foreign = await anotherProjectsIds();

const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
);

/** Ids of a project the admin is no member of: each must be refused wherever an id of this project fits. */
async function anotherProjectsIds(): Promise<ForeignIds> {
  const owner = await t.register('Stranger');
  const key = `X${Date.now().toString(36).toUpperCase().slice(-8)}`;
  const base = `/api/projects/${key}`;
  await owner.post('/api/projects', { key, name: 'Elsewhere' });
  const story = (await owner.post(`${base}/stories`, { title: 'Theirs' })).body.story;
  const epic = (await owner.post(`${base}/epics`, { title: 'Theirs' })).body.epic;
  const feedback = (await owner.post(`${base}/feedback`, { body: 'Theirs' })).body.feedback;
  const [status] = (await owner.get(`${base}/statuses`)).body.statuses;
  const sprint = await newSprint(owner, base);
  return {
    ids: {
      story: story.id,
      epic: epic.id,
      feedback: feedback.id,
      status: status.id,
      sprint,
      user: owner.user!.id,
    },
    storyKey: story.key,
  };
}

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** The loner's own product, for the product routes: nobody else's product is touched by a variant. */
const product = (await loner.post('/api/products', { key: `P${unique()}`, name: 'Own product' })).body.product
  .key as string;
const productBase = `/api/products/${product}`;
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

/** Valid requests for the routes outside a project, made by a user of their own. */
const serviceRequests: Record<string, () => Promise<ValidRequest>> = {
  'GET /api/health': async () => ({ path: '/api/health', client: loner }),
  'POST /api/auth/register': async () => ({
    path: '/api/auth/register',
    body: { email: `new.${unique().toLowerCase()}@test.dev`, name: 'New', password: 'correct horse battery' },
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
  'POST /api/projects': async () => ({
    path: '/api/projects',
    body: { key: `N${unique()}`, name: 'New' },
    client: loner,
  }),
};

function validRequests(route: string): (() => Promise<ValidRequest>)[] {
  const service = serviceRequests[route];
  if (service) return [service];
  return cases
    .filter((c) => c.route === route)
    .map((c) => async () => ({ ...(await c.request(fixture)), client: team.admin }));
}

/** What a refused request must leave alone: the project's event log, or the caller's project list. */
async function lastSeq(route: string): Promise<string> {
  if (route.includes('/api/projects/{key}'))
    return JSON.stringify((await team.admin.get(`${fixture.base}/events?limit=1`)).body.lastSeq);
  if (route === 'POST /api/projects') return JSON.stringify((await loner.get('/api/projects')).body);
  return '';
}

/** Everything a reader of the project sees, to catch a write that appended no event. */
async function projectState(route: string): Promise<string> {
  if (!route.includes('/api/projects/{key}')) return lastSeq(route);
  const views = ['', '/members', '/backlog', '/epics', '/sprints', '/feedback', '/board', '/events?limit=1'];
  const replies = await Promise.all(views.map((view) => team.admin.get(`${fixture.base}${view}`)));
  return JSON.stringify(replies.map((r) => r.body));
}

function hostileRequests(route: string, valid: ValidRequest): HostileRequest[] {
  const [method, template] = route.split(' ') as [string, string];
  const operation = spec.paths[template]![method.toLowerCase()]!;
  const bodySchema = operation.requestBody?.content['application/json'].schema;
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const requests = pathRequests(template, valid.path, valid.body, foreign);
  if (bodySchema)
    requests.push(
      ...fieldRequests(valid.path, valid.body, bodySchema, foreign),
      ...wholeBodyRequests(valid.path, valid.body, bodySchema),
    );
  if (method !== 'GET') requests.push(...anyBodyRequests(valid.path));
  else requests.push(...queryRequests(valid.path, query));
  // The instance admin may name any user: another project's is no foreign id there.
  if (template.startsWith('/api/admin/')) {
    for (const r of requests) if (r.label.includes("another project's")) r.expect = 'any';
  }
  // The refused ones first: the project must look the same after all of them.
  return requests.sort((a, b) => Number(a.expect === 'any') - Number(b.expect === 'any'));
}

async function send(client: Client, method: string, request: HostileRequest) {
  const headers: Record<string, string> = {
    ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
  };
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const res = await fetch(`${client.baseUrl}${request.path}`, { method, headers, body: request.body });
  return { status: res.status, text: await res.text() };
}

function parsed(
  text: string,
): { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What is wrong with the answer to a hostile request, if anything. */
function problemWith(reply: { status: number; text: string }, request: HostileRequest): string | undefined {
  if (reply.status >= 500) return `${reply.status} ${reply.text.slice(0, 200)}`;
  if (reply.status < 400) return request.expect === 'refused' ? `accepted with ${reply.status}` : undefined;
  const error = parsed(reply.text)?.error;
  const status = ERROR_STATUS[error?.code as ErrorCode];
  if (status !== reply.status || typeof error?.message !== 'string' || error.message === '') {
    return `${reply.status} is not in the contract's error shape: ${reply.text.slice(0, 200)}`;
  }
  const said = `${error.message} ${JSON.stringify(error.details ?? '')}`;
  if (reply.status === 400 && !said.includes(request.field))
    return `400 does not name ${request.field}: ${error.message}`;
  return undefined;
}

/** Sends every hostile variant of the route's valid requests; returns what went wrong, one line each. */
async function attack(route: string): Promise<string[]> {
  const method = route.split(' ')[0]!;
  const failures: string[] = [];
  const done = new Set<string>();
  for (const makeValid of validRequests(route)) {
    let valid = await makeValid();
    let pending = hostileRequests(route, valid).filter((r) => !done.has(r.label));
    let stateBefore = await projectState(route);
    let seq = await lastSeq(route);
    while (pending.length > 0) {
      const request = pending.shift()!;
      done.add(request.label);
      const reply = await send(valid.client, method, request);
      const seqAfter = await lastSeq(route);
      const problem = problemWith(reply, request);
      if (problem) failures.push(`${request.label}: ${problem}`);
      else if (reply.status >= 400 && seqAfter !== seq)
        failures.push(`${request.label}: refused (${reply.status}) but wrote`);
      seq = seqAfter;
      if (
        request.expect === 'refused' &&
        pending[0]?.expect !== 'refused' &&
        (await projectState(route)) !== stateBefore
      ) {
        failures.push('the refused variants changed the project');
      }
      if (reply.status < 300) {
        // An accepted variant may have used up the valid request (a deleted story, a bumped version).
        valid = await makeValid();
        const labels = new Set(pending.map((r) => r.label));
        pending = hostileRequests(route, valid).filter((r) => labels.has(r.label));
        seq = await lastSeq(route);
        if (pending.some((r) => r.expect === 'refused')) stateBefore = await projectState(route);
      }
    }
  }
  return failures;
}

describe('hostile input', () => {
  it('has a valid request for every route of the OpenAPI document', () => {
    expect(routes.filter((route) => validRequests(route).length === 0)).toEqual([]);
  });

  for (const route of routes) {
    it(`${route} refuses bad input with a clear error and changes nothing`, async () => {
      expect(await attack(route)).toEqual([]);
    });
  }
});
