import type { AuthzFixture } from './types';

/** A fresh epic, created by the admin; returns its id. */
export async function newEpic(f: AuthzFixture, title = 'Fixture epic') {
  const reply = await f.admin.post(`${f.base}/epics`, { title });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body.epic.id as string;
}
