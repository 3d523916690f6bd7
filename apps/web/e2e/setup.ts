import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from './api';
import { findChromium, launch, signIn } from './browser';
import { startServer, type RunningServer } from './server';

export const CHROMIUM = findChromium();
if (!CHROMIUM) {
  console.warn(
    '\n\n*** E2E SKIPPED: no Chromium found at /usr/bin/chromium or CHROMIUM_PATH. ***\n' +
      '*** Install it (apt-get install chromium) to run the browser tests.        ***\n\n',
  );
}

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const PASSWORD = 'e2e-password-1';

export interface Team {
  server: RunningServer;
  browser: Browser;
  admin: ApiSession;
  po: Page;
  dev: Page;
  projectKey: string;
  /** Uncaught errors thrown in any page of the run. */
  pageErrors: string[];
  close: () => Promise<void>;
}

const DAY = 86_400_000;
/** An ISO day `offset` days from today. */
export const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** One closed two-week sprint that delivered 10 points: the team's velocity, the same in every trial. */
export async function closeASprint(admin: ApiSession, team: string) {
  const base = `/projects/${team}`;
  const { story } = await admin.call<{ story: { key: string } }>('POST', `${base}/stories`, {
    title: 'Last sprint',
    points: 8,
  });
  const extra = await admin.call<{ story: { key: string } }>('POST', `${base}/stories`, {
    title: 'Also last sprint',
    points: 2,
  });
  const { sprint } = await admin.call<{ sprint: { id: string } }>('POST', `${base}/sprints`, {
    name: 'Sprint 1',
    startDate: day(0),
    endDate: day(13),
  });
  await admin.call('POST', `${base}/sprints/${sprint.id}/stories`, { stories: [story.key, extra.story.key] });
  await admin.call('POST', `${base}/sprints/${sprint.id}/start`);
  const { statuses } = await admin.call<{ statuses: { id: string; category: string }[] }>(
    'GET',
    `${base}/statuses`,
  );
  const done = statuses.find((s) => s.category === 'done')!.id;
  for (const key of [story.key, extra.story.key]) {
    await admin.call('POST', `${base}/stories/${key}/transition`, { statusId: done });
  }
  await admin.call('POST', `${base}/sprints/${sprint.id}/complete`, { moveOpenTo: 'backlog' });
}

/** The real API with an empty database and Chromium; people are registered over HTTP and sign in through the page. */
export async function startWorld() {
  const server = await startServer();
  const browser = await launch(CHROMIUM ?? '');
  const pageErrors: string[] = [];
  return {
    server,
    browser,
    /** Uncaught errors thrown in any page of the run. */
    pageErrors,
    register: (name: string, email: string) => ApiSession.register(server.baseUrl, name, email, PASSWORD),
    signIn: (email: string) => signIn(browser, server.baseUrl, email, PASSWORD, pageErrors),
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
export type World = Awaited<ReturnType<typeof startWorld>>;

/**
 * The product PRD ("The shop") with two teams, APP and WEB, 10 points a sprint each, and the epic Checkout in
 * both: APP's order lands its part (APP-3) in sprint 1, but WEB's blocker of it (WEB-4) sits behind 13 points
 * (WEB-3), in sprint 2: one dependency conflict.
 */
export async function planCheckoutAcrossTeams(cpo: ApiSession) {
  await cpo.call('POST', '/products', { key: 'PRD', name: 'The shop' });
  for (const key of ['APP', 'WEB']) {
    await cpo.call('POST', '/projects', { key, name: `Team ${key}`, product: 'PRD' });
    await closeASprint(cpo, key);
  }
  const { epic } = await cpo.call<{ epic: { id: string } }>('POST', '/projects/APP/epics', {
    title: 'Checkout',
  });
  await cpo.call('POST', '/projects/APP/stories', { title: 'Checkout API', points: 5, epicId: epic.id });
  await cpo.call('POST', '/projects/WEB/stories', { title: 'Landing page', points: 13 });
  await cpo.call('POST', '/projects/WEB/stories', { title: 'Basket widget', points: 5, epicId: epic.id });
  await cpo.call('POST', '/projects/WEB/stories/WEB-4/links', { type: 'blocks', story: 'APP-3' });
}

/** Screenshots of each view, for people reviewing a run (git-ignored) and for the README. */
export async function snap(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

/**
 * The real API with an empty database, a project set up over HTTP by its admin, and two people in their own
 * browser contexts: a Product Owner and a developer.
 */
export async function startTeam(projectKey: string, storyTitles: string[]): Promise<Team> {
  const server = await startServer();
  const browser = await launch(CHROMIUM ?? '');
  const register = (name: string, email: string) =>
    ApiSession.register(server.baseUrl, name, email, PASSWORD);
  const admin = await register('Ines Admin', 'admin@e2e.test');
  await register('Ana Owner', 'po@e2e.test');
  await register('Dana Dev', 'dev@e2e.test');
  await admin.call('POST', '/projects', { key: projectKey, name: 'End to end shop' });
  await admin.call('POST', `/projects/${projectKey}/members`, {
    email: 'po@e2e.test',
    roles: ['product_owner'],
  });
  await admin.call('POST', `/projects/${projectKey}/members`, {
    email: 'dev@e2e.test',
    roles: ['developer'],
  });
  for (const [i, title] of storyTitles.entries()) {
    await admin.call('POST', `/projects/${projectKey}/stories`, {
      title,
      points: [3, 5, 2, 8, 1][i % 5],
      acceptanceCriteria: i % 2 === 0 ? ['It works on mobile'] : [],
    });
  }
  const pageErrors: string[] = [];
  const po = await signIn(browser, server.baseUrl, 'po@e2e.test', PASSWORD, pageErrors);
  const dev = await signIn(browser, server.baseUrl, 'dev@e2e.test', PASSWORD, pageErrors);
  return {
    server,
    browser,
    admin,
    po,
    dev,
    projectKey,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** The story keys in the order the page shows them. */
export const backlogOrder = (page: Page) =>
  page
    .locator('.backlog-scroll [data-story]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-story')));

/** Waits until the page has subscribed to the project's live feed. */
export const waitForLive = (page: Page) =>
  page.locator('[data-testid="live-state"][data-state="open"]').waitFor();

/**
 * Opens a project's backlog and waits for the whole list: until it is here the page shows its first rows only,
 * and nothing can be reordered (a keyboard move pressed then does nothing).
 */
export async function openWholeBacklog(page: Page, projectKey: string) {
  await page.goto(`/projects/${projectKey}/backlog`);
  await page.locator('.backlog-scroll[aria-busy="false"]').waitFor();
}

/** The PO and the developer open the backlog and wait until it shows `lastStory` and follows the live feed. */
export async function openBacklogs(team: Team, lastStory: string) {
  for (const page of [team.po, team.dev]) {
    await openWholeBacklog(page, team.projectKey);
    await page.locator(`[data-story="${lastStory}"]`).waitFor();
    await waitForLive(page);
  }
}
