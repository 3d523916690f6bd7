import type { Client } from './harness';

/** Dates relative to today (UTC), so an active sprint's burndown has a "today" inside it. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const DATES = { startDate: day(0), endDate: day(4) };

async function ok<T = any>(reply: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`${what} failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** A planned sprint (with dates unless told otherwise); returns its id. */
export async function newSprint(client: Client, base: string, fields: Record<string, unknown> = DATES) {
  return (await ok(client.post(`${base}/sprints`, { name: 'Sprint', ...fields }), 'create sprint')).sprint
    .id as string;
}

export async function newStory(client: Client, base: string, fields: Record<string, unknown> = {}) {
  return (await ok(client.post(`${base}/stories`, { title: 'Story', ...fields }), 'create story')).story
    .key as string;
}

export async function plan(client: Client, base: string, sprintId: string, keys: string[]) {
  return ok(client.post(`${base}/sprints/${sprintId}/stories`, { stories: keys }), 'plan');
}

/** Completes whatever sprint runs, its unfinished stories back to the backlog. */
export async function completeRunning(client: Client, base: string) {
  const running = (await ok(client.get(`${base}/sprints?state=active`), 'list')).items as { id: string }[];
  for (const sprint of running) {
    await ok(client.post(`${base}/sprints/${sprint.id}/complete`, { moveOpenTo: 'backlog' }), 'complete');
  }
}

/** Completes whatever sprint runs, then starts a new one holding `keys`: the project's only active sprint. */
export async function runningSprint(client: Client, base: string, keys: string[] = []) {
  await completeRunning(client, base);
  const id = await newSprint(client, base);
  if (keys.length > 0) await plan(client, base, id, keys);
  await ok(client.post(`${base}/sprints/${id}/start`), 'start');
  return id;
}

/** The project's statuses by name. */
export async function statusIds(client: Client, base: string): Promise<Record<string, string>> {
  const { statuses } = await ok(client.get(`${base}/statuses`), 'statuses');
  return Object.fromEntries((statuses as { id: string; name: string }[]).map((s) => [s.name, s.id]));
}

export async function moveTo(client: Client, base: string, key: string, statusId: string) {
  return ok(client.post(`${base}/stories/${key}/transition`, { statusId }), `move ${key}`);
}

/** The project's latest event seq. */
export async function lastSeq(client: Client, base: string) {
  return (await ok(client.get(`${base}/events?limit=1`), 'events')).lastSeq as number;
}

/** The events of the project's log after `since`. */
export async function eventsSince(client: Client, base: string, since: number) {
  return (await ok(client.get(`${base}/events?since=${since}&limit=1000`), 'events')).items as {
    seq: number;
    type: string;
    data: Record<string, any>;
  }[];
}
