import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, openWholeBacklog, planCheckoutAcrossTeams, snap, startWorld, type World } from './setup';

/** The forecast text of one team's part of the Checkout lane. */
const teamForecast = (page: Page, team: string) =>
  page.locator(`[data-epic="Checkout"] [data-team="${team}"] .team-forecast`).innerText();
const conflictMarkers = (page: Page) => page.locator('[data-epic="Checkout"] .conflict-marker').count();

describe.skipIf(!CHROMIUM)('the product roadmap across two teams', () => {
  let world: World;
  let pm: Page;
  let po: Page;

  beforeAll(async () => {
    world = await startWorld();
    const cpo = await world.register('Chloe CPO', 'cpo@e2e.test');
    await world.register('Paul Manager', 'pm@e2e.test');
    await world.register('Wendy Owner', 'po@e2e.test');
    await planCheckoutAcrossTeams(cpo);
    await cpo.call('POST', '/products/PRD/members', { email: 'pm@e2e.test', roles: ['product_manager'] });
    await cpo.call('POST', '/projects/WEB/members', { email: 'po@e2e.test', roles: ['product_owner'] });
    pm = await world.signIn('pm@e2e.test');
    po = await world.signIn('po@e2e.test');
  });
  afterAll(() => world?.close());

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
    await openWholeBacklog(po, 'WEB');
    await po.locator('[data-story="WEB-4"] .drag-handle').focus();
    await po.keyboard.press('Alt+Shift+ArrowUp');
    await expect.poll(() => conflictMarkers(pm), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => teamForecast(pm, 'WEB'), { timeout: 10_000 }).not.toBe(before);
    expect(await teamForecast(pm, 'WEB')).toBe(await teamForecast(pm, 'APP'));
    expect(await pm.locator('[data-epic="Checkout"] .dependency[data-conflict="false"]').count()).toBe(1);
    expect(world.pageErrors).toEqual([]);
  });
});
