import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@ordo/db';
import type { Role } from '@ordo/domain';
import { buildApp, type AppOptions } from '../src/app';
import { DEFAULT_LIMITS } from '../src/lib/limits';
import { openTestDatabase, type FreshDatabase } from './database';
import { sqlRecorder } from './sql-recorder';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client of the running app, signed in with `token` (or anonymous). */
export class Client {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly user?: { id: string; email: string; name: string },
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    // A CSV (the export) stays text; everything else the API answers is JSON.
    const isText = res.headers.get('content-type')?.startsWith('text/csv');
    return {
      status: res.status,
      body: text ? (isText ? text : JSON.parse(text)) : undefined,
      headers: res.headers,
    };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}

/** The session token of a `set-cookie` answer. */
export function sessionOf(reply: Reply): string {
  const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('ordo_session='));
  if (!cookie) throw new Error(`no session cookie in ${reply.status} ${JSON.stringify(reply.body)}`);
  return cookie.split(';')[0]!.slice('ordo_session='.length);
}

export const TEAM_ROLES = {
  admin: ['admin'],
  po: ['product_owner'],
  pm: ['product_manager'],
  sm: ['scrum_master'],
  dev: ['developer'],
  stakeholder: ['stakeholder'],
} as const satisfies Record<string, Role[]>;
export type Member = keyof typeof TEAM_ROLES;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

async function listenOnLoopback(app: Awaited<ReturnType<typeof buildApp>>) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/**
 * The suites register hundreds of users from 127.0.0.1 and drive one user hard: the limits that would stop
 * that are raised (the tests of the limits pass their own numbers).
 */
const ROOMY = 1_000_000;
/** scrypt at 1/256 of production's cost: every team hashes seven passwords (secrets.test.ts checks both). */
export const TEST_PASSWORD_COST = 64;
const testLimits = (options: Omit<AppOptions, 'database'>): AppOptions['limits'] => ({
  registerAddress: { ...DEFAULT_LIMITS.registerAddress, limit: ROOMY },
  registerInstance: { ...DEFAULT_LIMITS.registerInstance, limit: ROOMY },
  userRequests: { ...DEFAULT_LIMITS.userRequests, limit: ROOMY },
  tokenMint: { ...DEFAULT_LIMITS.tokenMint, limit: ROOMY },
  ...options.limits,
});

/** Boots the real app on a fresh database and listens on 127.0.0.1 on a free port. */
export async function startTestApp(options: Omit<AppOptions, 'database'> = {}) {
  return startAppOn(await openTestDatabase(), options);
}

/** Boots the real app on `fresh` (closed and dropped by `close`) and listens on 127.0.0.1 on a free port. */
export async function startAppOn(fresh: FreshDatabase, options: Omit<AppOptions, 'database'> = {}) {
  const { database, drop, url: databaseUrl } = fresh;
  const app = await sqlRecorder.asApp(() =>
    buildApp({ passwordCost: TEST_PASSWORD_COST, ...options, database, limits: testLimits(options) }),
  );
  const url = await sqlRecorder.asApp(() => listenOnLoopback(app));
  const anonymous = new Client(url);

  async function register(name = 'Someone'): Promise<Client> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@test.dev`;
    const reply = await anonymous.post('/api/auth/register', {
      email,
      name,
      password: 'correct horse battery',
    });
    if (reply.status !== 201)
      throw new Error(`register failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new Client(url, sessionOf(reply), reply.body.user);
  }

  /** A project with one member per role (admin is its creator) and an outsider who is no member. */
  async function projectWithTeam(
    key = `P${unique()
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(-8)}`,
  ) {
    const admin = await register('Admin');
    const created = await admin.post('/api/projects', { key, name: `Project ${key}` });
    if (created.status !== 201) throw new Error(`project failed: ${JSON.stringify(created.body)}`);
    const team = { admin } as Record<Member, Client>;
    for (const member of ['po', 'pm', 'sm', 'dev', 'stakeholder'] as const) {
      team[member] = await register(member.toUpperCase());
      const added = await admin.post(`/api/projects/${key}/members`, {
        email: team[member].user!.email,
        roles: TEAM_ROLES[member],
      });
      if (added.status !== 201) throw new Error(`member failed: ${JSON.stringify(added.body)}`);
    }
    return { key, project: created.body.project, ...team, outsider: await register('Outsider'), anonymous };
  }

  return {
    app,
    url,
    database,
    /** The PostgreSQL database's URL (none on PGlite, which only this process can open). */
    databaseUrl,
    anonymous,
    register,
    projectWithTeam,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** A second API instance on the same PostgreSQL database as `t`, as behind a load balancer. */
export async function startSecondInstance(t: TestApp, options: Omit<AppOptions, 'database'> = {}) {
  if (!t.databaseUrl) throw new Error('a second instance needs PostgreSQL (ORDO_TEST_DB=postgres)');
  const database = await openDatabase({ url: t.databaseUrl, logger: sqlRecorder.logger });
  const app = await sqlRecorder.asApp(() =>
    buildApp({ passwordCost: TEST_PASSWORD_COST, ...options, database, limits: testLimits(options) }),
  );
  const url = await sqlRecorder.asApp(() => listenOnLoopback(app));
  return {
    app,
    url,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
export type SecondInstance = Awaited<ReturnType<typeof startSecondInstance>>;
export type Team = Awaited<ReturnType<TestApp['projectWithTeam']>>;

async function startWithTeam() {
  const t = await startTestApp();
  const team = await t.projectWithTeam();
  return { t, team, base: `/api/projects/${team.key}` };
}

/**
 * One app and one team for a whole test file, handed to `assign` before the tests run and closed after:
 * `useTeam((file) => ({ t, team, base } = file));`
 */
export const useTeam = (assign: (file: Awaited<ReturnType<typeof startWithTeam>>) => void) =>
  useFile(startWithTeam, assign);

/** What a test file shares: started once before its tests, handed to `assign`, its app closed after. */
export function useFile<F extends { t: TestApp }>(start: () => Promise<F>, assign: (file: F) => void) {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const file = await start();
    close = file.t.close;
    assign(file);
  });
  afterAll(() => close?.());
}
