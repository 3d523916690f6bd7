import { TEAM_ROLES, type Team } from './harness';

let counter = 0;

/**
 * A new project with the same people in the same roles as `team` (the admin creates it): a clean list of
 * stories without registering anyone again (registration is rate-limited per address).
 */
export async function sameTeamNewProject(team: Team) {
  const key =
    `F${Date.now().toString(36).toUpperCase().slice(-6)}${(counter++).toString(36).toUpperCase()}`.slice(
      0,
      10,
    );
  const created = await team.admin.post('/api/projects', { key, name: `Project ${key}` });
  if (created.status !== 201) throw new Error(`project failed: ${JSON.stringify(created.body)}`);
  for (const member of ['po', 'pm', 'sm', 'dev', 'stakeholder'] as const) {
    const added = await team.admin.post(`/api/projects/${key}/members`, {
      email: team[member].user!.email,
      roles: TEAM_ROLES[member],
    });
    if (added.status !== 201) throw new Error(`member failed: ${JSON.stringify(added.body)}`);
  }
  return { ...team, key, base: `/api/projects/${key}` };
}
