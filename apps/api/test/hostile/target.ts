import { startTestApp, type Client, type TestApp } from '../harness';
import { authzFixture, loadAuthzCases } from '../authz/fixture';
import { newSprint } from '../sprint-helpers';
import type { JsonSchema } from './json-schema';
import type { ForeignIds, QueryParameter } from './variants';

export interface Operation {
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  parameters?: (QueryParameter & { in: string })[];
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}
export interface ValidRequest {
  path: string;
  body?: unknown;
  client: Client;
}

export const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/**
 * The app every part of the hostile-input test attacks (one per file, on the file's own database): a team,
 * users of their own for the routes outside a project, the OpenAPI document and another project's ids.
 */
export async function hostileTarget() {
  const t = await startTestApp();
  const team = await t.projectWithTeam();
  const fixture = authzFixture(t, team);
  const loner = await t.register('Loner');
  const joiner = await t.register('Joiner');
  const cases = await loadAuthzCases();
  const spec = (await t.anonymous.get('/api/docs/json')).body as OpenApi;
  const foreign = await anotherProjectsIds(t);

  const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
  /** The loner's own product, for the product routes: nobody else's product is touched by a variant. */
  const product = (await loner.post('/api/products', { key: `P${unique()}`, name: 'Own product' })).body
    .product.key as string;
  return {
    t,
    team,
    fixture,
    loner,
    joiner,
    cases,
    spec,
    foreign,
    product,
    productBase: `/api/products/${product}`,
    routes,
  };
}
export type HostileTarget = Awaited<ReturnType<typeof hostileTarget>>;

/** Ids of a project the admin is no member of: each must be refused wherever an id of this project fits. */
async function anotherProjectsIds(t: TestApp): Promise<ForeignIds> {
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
