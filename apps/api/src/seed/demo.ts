import type { App } from '../types';
import { DEMO_KEY, DEMO_PASSWORD, DEMO_PEOPLE, demoStories } from './demo-data';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Json = Record<string, any>;

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** Calls the app's own routes as a demo person, so the seed obeys every rule and fills the event log. */
function demoApi(app: App) {
  const tokens = new Map<string, string>();
  const login = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    const token =
      res.statusCode === 200 ? res.cookies.find((c) => c.name === 'ordo_session')?.value : undefined;
    if (token) tokens.set(email, token);
    return token;
  };
  const as =
    (email: string) =>
    async (method: Method, url: string, body?: unknown): Promise<Json> => {
      const res = await app.inject({
        method,
        url: `/api/projects/${DEMO_KEY}${url}`,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: { authorization: `Bearer ${tokens.get(email)}` },
      });
      if (res.statusCode >= 400) throw new Error(`seed: ${method} ${url} → ${res.statusCode} ${res.body}`);
      return res.statusCode === 204 ? {} : res.json<Json>();
    };
  return { app, login, as };
}
type DemoApi = ReturnType<typeof demoApi>;

/**
 * Seeds the demo project once: if the demo admin can sign in already, nothing happens. Returns the
 * logins to print, or null.
 */
export async function seedDemo(app: App): Promise<string | null> {
  const api = demoApi(app);
  if (await api.login(DEMO_PEOPLE[0]!.email)) return null;
  for (const person of DEMO_PEOPLE) {
    await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...person, password: DEMO_PASSWORD },
    });
    await api.login(person.email);
  }
  await seedProject(api);
  const keys = await seedBacklog(api);
  await seedEpics(api, keys);
  await seedSprints(api, keys);
  return DEMO_PEOPLE.map(
    (p) => `  ${p.email.padEnd(18)} ${p.roles.join(', ').padEnd(16)} password: ${DEMO_PASSWORD}`,
  ).join('\n');
}

async function seedProject(api: DemoApi) {
  const res = await api.app.inject({
    method: 'POST',
    url: '/api/projects',
    payload: {
      key: DEMO_KEY,
      name: 'Web shop',
      description: 'The demo project: a web shop team running Scrum in Ordo.',
    },
    headers: { authorization: `Bearer ${(await api.login('admin@ordo.dev'))!}` },
  });
  if (res.statusCode !== 201) throw new Error(`seed: project → ${res.statusCode} ${res.body}`);
  const admin = api.as('admin@ordo.dev');
  for (const person of DEMO_PEOPLE.slice(1))
    await admin('POST', '/members', { email: person.email, roles: person.roles });
  await api.as('pm@ordo.dev')('PUT', '/vision', {
    vision: 'The quickest way to buy what you need, on any device.',
  });
}

/** The PO writes the stories; the developers estimate them. */
async function seedBacklog(api: DemoApi) {
  const po = api.as('po@ordo.dev');
  const dev = api.as('dev@ordo.dev');
  const keys: string[] = [];
  for (const { points, ...story } of demoStories()) {
    const created = (await po('POST', '/stories', story)).story;
    if (points !== null) await dev('PATCH', `/stories/${created.key}`, { version: created.version, points });
    keys.push(created.key);
  }
  return keys;
}

async function seedEpics(api: DemoApi, keys: string[]) {
  const pm = api.as('pm@ordo.dev');
  const po = api.as('po@ordo.dev');
  const epics = [
    {
      title: 'Faster checkout',
      outcome: 'Cart-to-order conversion up 15%',
      color: '#6366f1',
      startDate: isoDay(-28),
      targetDate: isoDay(42),
    },
    {
      title: 'Store operations',
      outcome: 'Managers restock before items sell out',
      color: '#f59e0b',
      startDate: isoDay(0),
      targetDate: isoDay(70),
    },
  ];
  const [checkout, operations] = [
    (await pm('POST', '/epics', epics[0])).epic,
    (await pm('POST', '/epics', epics[1])).epic,
  ];
  for (const [i, key] of keys.entries()) {
    const epicId = i < 20 ? (i % 3 === 0 ? null : checkout.id) : i >= 28 ? operations.id : null;
    if (!epicId) continue;
    const { story } = await po('GET', `/stories/${key}`);
    await po('PATCH', `/stories/${key}`, { version: story.version, epicId });
  }
  await api.as('client@ordo.dev')('POST', '/feedback', {
    body: 'Checkout asks for my address twice.',
    source: 'Support ticket #1042',
    epicId: checkout.id,
  });
}

/** A closed sprint (for velocity and reports) and an active one (for the board). */
async function seedSprints(api: DemoApi, keys: string[]) {
  const sm = api.as('sm@ordo.dev');
  const dev = api.as('dev@ordo.dev');
  const { statuses } = await sm('GET', '/statuses');
  const statusId = (name: string) => statuses.find((s: Json) => s.name === name).id;
  const { items: members } = await sm('GET', '/members');
  const userIds = new Map<string, string>(members.map((m: Json) => [m.user.email, m.user.id]));

  const closed = (
    await sm('POST', '/sprints', {
      name: 'Sprint 1',
      goal: 'Search that finds things',
      startDate: isoDay(-14),
      endDate: isoDay(-1),
    })
  ).sprint;
  await sm('POST', `/sprints/${closed.id}/stories`, { stories: keys.slice(0, 6) });
  await sm('POST', `/sprints/${closed.id}/start`);
  for (const key of keys.slice(0, 5))
    await dev('POST', `/stories/${key}/transition`, { statusId: statusId('Done') });
  await sm('POST', `/sprints/${closed.id}/complete`, { moveOpenTo: 'backlog' });

  const active = (
    await sm('POST', '/sprints', {
      name: 'Sprint 2',
      goal: 'Pay in one click',
      startDate: isoDay(0),
      endDate: isoDay(13),
    })
  ).sprint;
  const planned = (await sm('GET', '/backlog')).items.slice(0, 7).map((s: Json) => s.key);
  await sm('POST', `/sprints/${active.id}/stories`, { stories: planned });
  await sm('POST', `/sprints/${active.id}/start`);
  for (const [i, key] of planned.slice(0, 4).entries()) {
    const assignee = i % 2 === 0 ? 'dev@ordo.dev' : 'dev2@ordo.dev';
    const { story } = await dev('GET', `/stories/${key}`);
    await api.as(assignee)('PATCH', `/stories/${key}`, {
      version: story.version,
      assigneeId: userIds.get(assignee),
    });
  }
  await dev('POST', `/stories/${planned[0]}/transition`, { statusId: statusId('Done') });
  await dev('POST', `/stories/${planned[1]}/transition`, { statusId: statusId('In Review') });
  await dev('POST', `/stories/${planned[2]}/transition`, { statusId: statusId('In Progress') });
  await sm('POST', '/sprints', { name: 'Sprint 3', goal: 'Wishlists' });
}
