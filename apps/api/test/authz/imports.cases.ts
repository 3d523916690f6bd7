import type { AuthzCase, AuthzFixture } from './types';

const route = (method: string, suffix: string) => `${method} /api/projects/{key}${suffix}`;
const jiraJson = (summary: string) => ({
  issues: [{ key: 'JIRA-1', fields: { summary, issuetype: { name: 'Story' }, status: { name: 'To Do' } } }],
});

/** An import the admin ran, finished before the matrix looks at the event log. */
async function finishedImport(f: AuthzFixture) {
  const started = await f.admin.post(
    `${f.base}/imports?format=jira-json`,
    jiraJson('Imported for the matrix'),
  );
  if (started.status !== 202) throw new Error(JSON.stringify(started.body));
  const id = started.body.import.id as string;
  for (let i = 0; i < 500; i++) {
    const reply = await f.admin.get(`${f.base}/imports/${id}`);
    if (reply.body.import.state !== 'running') return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not finish');
}

export const importCases: AuthzCase[] = [
  {
    route: route('POST', '/imports'),
    action: 'project.import',
    request: async (f) => ({
      path: `${f.base}/imports?format=jira-json&dryRun=true`,
      body: jiraJson('Dry run'),
    }),
  },
  {
    route: route('GET', '/imports/{id}'),
    action: 'project.import',
    request: async (f) => ({ path: `${f.base}/imports/${await finishedImport(f)}` }),
  },
  {
    route: route('GET', '/export'),
    action: 'project.export',
    request: async (f) => ({ path: `${f.base}/export` }),
  },
  {
    route: route('GET', '/export.csv'),
    action: 'project.export',
    request: async (f) => ({ path: `${f.base}/export.csv` }),
  },
];
