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

/** The PO and the developer open the backlog and wait until it shows `lastStory` and follows the live feed. */
export async function openBacklogs(team: Team, lastStory: string) {
  for (const page of [team.po, team.dev]) {
    await page.goto(`/projects/${team.projectKey}/backlog`);
    await page.locator(`[data-story="${lastStory}"]`).waitFor();
    await waitForLive(page);
  }
}
