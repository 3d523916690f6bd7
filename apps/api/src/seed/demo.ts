import type { App } from '../types';
import { DEMO_PASSWORD, DEMO_PEOPLE, demoStories } from './demo-data';

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: unknown; token?: string };

/**
 * Seeds the demo project through the API's own routes (so it obeys every rule and fills the event log),
 * once: if the demo admin exists already, nothing happens. Returns the logins to print, or null.
 */
export async function seedDemo(app: App): Promise<string | null> {
  const call = async ({ method, url, body, token }: Call) => {
    const res = await app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (res.statusCode >= 400) throw new Error(`seed: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, any>;
  };
  const login = async (email: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
    return res.statusCode === 200 ? res.cookies.find((c) => c.name === 'ordo_session')?.value : undefined;
  };

  if (await login(DEMO_PEOPLE[0]!.email)) return null;
  const tokens: Record<string, string> = {};
  for (const person of DEMO_PEOPLE) {
    await call({ method: 'POST', url: '/api/auth/register', body: { ...person, password: DEMO_PASSWORD } });
    tokens[person.email] = (await login(person.email))!;
  }
  const admin = tokens['admin@ordo.dev']!;
  await call({ method: 'POST', url: '/api/projects', token: admin, body: { key: 'SHOP', name: 'Web shop', description: 'The demo project: a web shop team running Scrum in Ordo.' } });
  for (const person of DEMO_PEOPLE.slice(1)) {
    await call({ method: 'POST', url: '/api/projects/SHOP/members', token: admin, body: { email: person.email, roles: person.roles } });
  }
  await call({ method: 'PUT', url: '/api/projects/SHOP/vision', token: admin, body: { vision: 'The quickest way to buy what you need, on any device.' } });
  for (const story of demoStories()) {
    await call({ method: 'POST', url: '/api/projects/SHOP/stories', token: admin, body: story });
  }
  return DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(18)} ${p.roles.join(', ').padEnd(16)} password: ${DEMO_PASSWORD}`).join('\n');
}
