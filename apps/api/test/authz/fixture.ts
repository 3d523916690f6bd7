import { readdirSync } from 'node:fs';
import type { Team, TestApp } from '../harness';
import type { AuthzCase, AuthzFixture } from './types';

/** Every case of `test/authz/*.cases.ts`: one valid request per project route (some routes have several). */
export async function loadAuthzCases(): Promise<AuthzCase[]> {
  const caseDir = new URL('./', import.meta.url);
  const caseFiles: Record<string, AuthzCase[]>[] = await Promise.all(
    readdirSync(caseDir)
      .filter((file) => file.endsWith('.cases.ts'))
      .map((file) => import(new URL(file, caseDir).href)),
  );
  return caseFiles.flatMap((file) => Object.values(file).flat());
}

/** The helpers a case builds its request with, acting as `team.admin` in `team`'s project. */
export function authzFixture(t: TestApp, team: Team): AuthzFixture {
  const base = `/api/projects/${team.key}`;
  const statuses = async () => (await team.admin.get(`${base}/statuses`)).body.statuses;
  const newStory = async (fields = {}) => {
    const reply = await team.admin.post(`${base}/stories`, { title: 'Fixture story', ...fields });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    return reply.body.story.key as string;
  };
  const doneStory = async () => {
    const key = await newStory();
    const done = (await statuses()).find((s: { category: string }) => s.category === 'done');
    await team.admin.patch(`${base}/stories/${key}`, { version: 1, statusId: done.id });
    return key;
  };
  return { t, team, base, admin: team.admin, newStory, doneStory, statuses };
}
