import { sprints } from '@ordo/db';
import { startTestApp, type Team, type TestApp } from './harness';

/** Test helpers for the PM's side: epics, estimated stories, finished work and sprint history. */

export const todayUtc = () => new Date().toISOString().slice(0, 10);
export const daysFrom = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The app with the project under test and another one, whose ids must never reach across. */
export async function startWithTwoProjects() {
  const t = await startTestApp();
  return { t, team: await t.projectWithTeam(), other: await t.projectWithTeam() };
}

export async function createEpic(team: Team, body: Record<string, unknown>) {
  const reply = await team.pm.post(`/api/projects/${team.key}/epics`, body);
  if (reply.status !== 201) throw new Error(`epic failed: ${JSON.stringify(reply.body)}`);
  return reply.body.epic as { id: string; rank: string; title: string };
}

/** A story at the bottom of the backlog, estimated and linked (the admin may do both at once). */
export async function addStory(
  team: Team,
  title: string,
  points: number | null,
  epicId: string | null = null,
) {
  const reply = await team.admin.post(`/api/projects/${team.key}/stories`, { title, points, epicId });
  if (reply.status !== 201) throw new Error(`story failed: ${JSON.stringify(reply.body)}`);
  return reply.body.story as { key: string; id: string; version: number; epicId: string | null };
}

/** Moves a story to the workflow's done column, as a developer would. */
export async function finishStory(team: Team, key: string) {
  const { body } = await team.dev.get(`/api/projects/${team.key}/stories/${key}`);
  const { body: project } = await team.dev.get(`/api/projects/${team.key}`);
  const done = project.statuses.find((s: { category: string }) => s.category === 'done');
  const reply = await team.dev.patch(`/api/projects/${team.key}/stories/${key}`, {
    version: body.story.version,
    statusId: done.id,
  });
  if (reply.status !== 200) throw new Error(`finish failed: ${JSON.stringify(reply.body)}`);
}

/**
 * Closed two-week sprints that completed `velocities` points, the last ending yesterday. Written straight
 * to the database: closing sprints is another module's job and the forecast only reads their history.
 */
export async function closeSprints(t: TestApp, team: { project: { id: string } }, velocities: number[]) {
  const yesterday = daysFrom(todayUtc(), -1);
  await t.database.db.insert(sprints).values(
    velocities.map((completedPoints, i) => {
      const endDate = daysFrom(yesterday, -14 * (velocities.length - 1 - i));
      return {
        projectId: team.project.id,
        name: `Sprint ${i + 1}`,
        startDate: daysFrom(endDate, -13),
        endDate,
        state: 'closed' as const,
        committedPoints: completedPoints,
        completedPoints,
        completedAt: new Date(`${endDate}T17:00:00Z`),
      };
    }),
  );
}

export async function eventsOf(team: Team, type: string) {
  const { body } = await team.pm.get(`/api/projects/${team.key}/events?limit=1000`);
  return (body.items as { type: string; data: Record<string, any> }[]).filter((e) => e.type === type);
}
