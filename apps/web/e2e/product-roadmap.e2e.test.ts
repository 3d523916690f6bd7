import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from './api';
import { launch, signIn } from './browser';
import { startServer, type RunningServer } from './server';
import { CHROMIUM, snap } from './setup';

const PASSWORD = 'e2e-password-1';
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** One closed two-week sprint that delivered 10 points: the team's velocity, the same in every trial. */
async function closeASprint(admin: ApiSession, team: string) {
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

/** The forecast text of one team's part of the Checkout lane. */
const teamForecast = (page: Page, team: string) =>
  page.locator(`[data-epic="Checkout"] [data-team="${team}"] .team-forecast`).innerText();
const conflictMarkers = (page: Page) => page.locator('[data-epic="Checkout"] .conflict-marker').count();

describe.skipIf(!CHROMIUM)('the product roadmap across two teams', () => {
  let server: RunningServer;
  let browser: Browser;
  let pm: Page;
  let po: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(CHROMIUM ?? '');
    const register = (name: string, email: string) =>
      ApiSession.register(server.baseUrl, name, email, PASSWORD);
    const cpo = await register('Chloe CPO', 'cpo@e2e.test');
    await register('Paul Manager', 'pm@e2e.test');
    await register('Wendy Owner', 'po@e2e.test');
    await cpo.call('POST', '/products', { key: 'PRD', name: 'The shop' });
    for (const key of ['APP', 'WEB']) {
      await cpo.call('POST', '/projects', { key, name: `Team ${key}`, product: 'PRD' });
      await closeASprint(cpo, key);
    }
    await cpo.call('POST', '/products/PRD/members', { email: 'pm@e2e.test', roles: ['product_manager'] });
    await cpo.call('POST', '/projects/WEB/members', { email: 'po@e2e.test', roles: ['product_owner'] });
    const { epic } = await cpo.call<{ epic: { id: string } }>('POST', '/projects/APP/epics', {
      title: 'Checkout',
    });
    // APP lands its part in sprint 1; WEB's blocker of it sits behind 13 points: sprint 2.
    await cpo.call('POST', '/projects/APP/stories', { title: 'Checkout API', points: 5, epicId: epic.id });
    await cpo.call('POST', '/projects/WEB/stories', { title: 'Landing page', points: 13 });
    await cpo.call('POST', '/projects/WEB/stories', { title: 'Basket widget', points: 5, epicId: epic.id });
    await cpo.call('POST', '/projects/WEB/stories/WEB-4/links', { type: 'blocks', story: 'APP-3' });
    pm = await signIn(browser, server.baseUrl, 'pm@e2e.test', PASSWORD, pageErrors);
    po = await signIn(browser, server.baseUrl, 'po@e2e.test', PASSWORD, pageErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the PM sees the epic in both teams, and the conflict explained on hover', async () => {
    await pm.goto('/products/PRD/roadmap');
    await pm.locator('[data-epic="Checkout"] [data-team="WEB"]').waitFor();
    expect(
      await pm
        .locator('[data-epic="Checkout"] [data-team]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team'))),
    ).toEqual(['APP', 'WEB']);
    expect(await conflictMarkers(pm)).toBe(1);
    const dependency = pm.locator('[data-epic="Checkout"] .dependency-conflict');
    expect(await dependency.getAttribute('title')).toMatch(
      /^Dependency conflict: WEB-4 blocks APP-3, but WEB's order finishes it/,
    );
    // APP's own order lands its part in sprint 1, but it waits for WEB's blocker.
    expect(await teamForecast(pm, 'APP')).toBe(await teamForecast(pm, 'WEB'));
    await snap(pm, 'product-roadmap');
  });

  it("the WEB PO re-ranks in another browser and the PM's forecast and conflict change without reload", async () => {
    const before = await teamForecast(pm, 'WEB');
    await po.goto('/projects/WEB/backlog');
    await po.locator('[data-story="WEB-4"] .drag-handle').focus();
    await po.keyboard.press('Alt+Shift+ArrowUp');
    await expect.poll(() => conflictMarkers(pm), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => teamForecast(pm, 'WEB'), { timeout: 10_000 }).not.toBe(before);
    expect(await teamForecast(pm, 'WEB')).toBe(await teamForecast(pm, 'APP'));
    expect(await pm.locator('[data-epic="Checkout"] .dependency[data-conflict="false"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
