import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiSession } from './api';
import { CHROMIUM, openWholeBacklog, planCheckoutAcrossTeams, snap, startWorld, type World } from './setup';

const keysOf = (page: Page, selector: string, attribute: string) =>
  page.locator(selector).evaluateAll((nodes, name) => nodes.map((n) => n.getAttribute(name)), attribute);
const teamsShown = (page: Page) =>
  keysOf(page, '[aria-label="Teams of the product"] [data-team]', 'data-team');
const toasts = (page: Page) => page.locator('[data-testid="toast"]').allInnerTexts();

describe.skipIf(!CHROMIUM)("the head of product's portfolio, product members and teams", () => {
  let world: World;
  let cpo: ApiSession;
  let chloe: Page;
  let paul: Page;

  beforeAll(async () => {
    world = await startWorld();
    cpo = await world.register('Chloe CPO', 'cpo@e2e.test');
    await world.register('Paul Manager', 'pm@e2e.test');
    const oscar = await world.register('Oscar Other', 'oscar@e2e.test');
    // Chloe runs two products: PRD (APP and WEB, a conflict in Checkout) and OPS (the teams OPS and LEG).
    await planCheckoutAcrossTeams(cpo);
    await cpo.call('POST', '/projects', { key: 'OPS', name: 'Operations' });
    await cpo.call('POST', '/projects', { key: 'LEG', name: 'Legacy tools', product: 'OPS' });
    // Oscar's product, where Chloe only looks on: not hers to oversee.
    await oscar.call('POST', '/projects', { key: 'HR', name: 'People' });
    await oscar.call('POST', '/products/HR/members', { email: 'cpo@e2e.test', roles: ['stakeholder'] });
    chloe = await world.signIn('cpo@e2e.test');
    paul = await world.signIn('pm@e2e.test');
  });
  afterAll(() => world?.close());

  it('the CPO opens the portfolio from the top bar, sees her two products and clicks through to a roadmap', async () => {
    await chloe.getByRole('link', { name: 'Portfolio' }).click();
    await chloe.waitForURL('**/portfolio');
    await chloe.locator('[data-product="PRD"]').waitFor();
    expect(await keysOf(chloe, '[data-product]', 'data-product')).toEqual(['OPS', 'PRD']);
    const shop = chloe.locator('[data-product="PRD"]');
    expect(await keysOf(chloe, '[data-product="PRD"] [data-team]', 'data-team')).toEqual(['APP', 'WEB']);
    expect(await shop.locator('[data-team="APP"]').innerText()).toContain('10 points per sprint');
    expect(await shop.locator('.portfolio-epics').innerText()).toBe('1 epic');
    expect(await shop.locator('.chip-danger').innerText()).toBe('1 epic in dependency conflict');
    expect(await chloe.locator('[data-product="OPS"] .portfolio-epics').innerText()).toBe('0 epics');
    expect(await chloe.getByTestId('portfolio-totals').innerText()).toMatch(/^2 products · 4 teams · 1 epic/);
    await snap(chloe, 'portfolio');

    await shop.getByRole('link', { name: 'Roadmap →' }).click();
    await chloe.waitForURL('**/products/PRD/roadmap');
    await chloe.locator('[data-epic="Checkout"] [data-team="WEB"]').waitFor();
    expect(await chloe.locator('[data-epic="Checkout"] .conflict-marker').count()).toBe(1);
  });

  it("the CPO adds a PM to the product, the PM then sees the product's roadmap; the last admin stays", async () => {
    await paul.goto('/products/PRD/roadmap');
    await paul.getByText('No such product').waitFor();

    await chloe.goto('/products/PRD/members');
    await chloe
      .getByLabel('Email of someone with an Ordo account, or pick someone of a team')
      .fill('pm@e2e.test');
    await chloe.getByRole('button', { name: 'Add to the product' }).click();
    const paulRow = chloe.locator('[data-member="pm@e2e.test"]');
    await paulRow.waitFor();
    expect(await paulRow.getByLabel('Product Manager', { exact: true }).isChecked()).toBe(true);
    await snap(chloe, 'product-members');

    await paul.goto('/products/PRD/roadmap');
    await paul.locator('[data-epic="Checkout"] [data-team="APP"]').waitFor();
    expect(await keysOf(paul, '[data-epic="Checkout"] [data-team]', 'data-team')).toEqual(['APP', 'WEB']);
    // The PM adds an epic on the product itself, beside the teams' epics.
    await paul.getByLabel('Epic title').fill('Wishlist');
    await paul.getByRole('button', { name: 'Add epic' }).click();
    await paul.locator('[data-epic="Wishlist"]').waitFor();
    expect(await keysOf(paul, '[data-epic]', 'data-epic')).toEqual(['Checkout', 'Wishlist']);
    // And orders the roadmap: Wishlist first (the top lane cannot go higher).
    expect(await paul.getByRole('button', { name: 'Move Checkout up' }).isDisabled()).toBe(true);
    await paul.getByRole('button', { name: 'Move Wishlist up' }).click();
    await expect
      .poll(() => keysOf(paul, '[data-epic]', 'data-epic'), { timeout: 10_000 })
      .toEqual(['Wishlist', 'Checkout']);
    // He has a part in the product but runs none: the switcher lists it, and no portfolio link is there.
    expect(await paul.getByLabel('Product', { exact: true }).inputValue()).toBe('PRD');
    expect(await paul.getByRole('link', { name: 'Portfolio' }).count()).toBe(0);
    // A PM reads the members but manages none of them.
    await paul.getByRole('link', { name: 'Members', exact: true }).click();
    await paul.getByRole('note').waitFor();
    expect(await paul.getByRole('note').innerText()).toContain('Only the Admin can manage');
    expect(await paul.locator('[data-member="cpo@e2e.test"] input:disabled').count()).toBe(3);

    // The API refuses to take away the product's only admin, and the page says why.
    const me = chloe.locator('[data-member="cpo@e2e.test"]');
    expect(await me.getByLabel('Admin', { exact: true }).isDisabled()).toBe(true);
    await me.getByRole('button', { name: 'Remove' }).click();
    await expect
      .poll(() => toasts(chloe), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('A product keeps at least one Admin'));
    expect(await me.getByLabel('Admin', { exact: true }).isChecked()).toBe(true);

    // A second role, then out of the product: the roadmap is gone for him.
    await paulRow.getByLabel('Stakeholder', { exact: true }).check();
    await expect
      .poll(async () => {
        const { items } = await cpo.call<{ items: { user: { email: string }; roles: string[] }[] }>(
          'GET',
          '/products/PRD/members',
        );
        return items.find((m) => m.user.email === 'pm@e2e.test')?.roles;
      })
      .toEqual(['product_manager', 'stakeholder']);
    await paulRow.getByRole('button', { name: 'Remove' }).click();
    await paulRow.waitFor({ state: 'detached' });
    await paul.goto('/products/PRD/roadmap');
    await paul.getByText('No such product').waitFor();
  });

  it('the CPO moves a team into the product and creates a new one there', async () => {
    // From the product's members page, by keyboard: the palette offers the product's views.
    await chloe.keyboard.press('Control+k');
    const palette = chloe.getByRole('dialog', { name: 'Command palette' });
    await palette.getByLabel('Command', { exact: true }).fill('product teams');
    await chloe.keyboard.press('Enter');
    await chloe.waitForURL('**/products/PRD/teams');
    await chloe.locator('[aria-label="Teams of the product"] [data-team="WEB"]').waitFor();
    expect(await teamsShown(chloe)).toEqual(['APP', 'WEB']);
    await chloe.getByLabel('Team to move').selectOption('LEG');
    await chloe.getByRole('button', { name: 'Move here' }).click();
    await expect.poll(() => teamsShown(chloe), { timeout: 10_000 }).toEqual(['APP', 'LEG', 'WEB']);

    await chloe.getByLabel('Team name').fill('Data platform');
    await chloe.getByLabel('Key').fill('DATA');
    await chloe.getByRole('button', { name: 'Create team' }).click();
    await expect.poll(() => teamsShown(chloe), { timeout: 10_000 }).toEqual(['APP', 'DATA', 'LEG', 'WEB']);
    await snap(chloe, 'product-teams');

    // A key that is taken: the API's refusal, nothing created.
    await chloe.getByLabel('Team name').fill('Another app');
    await chloe.getByLabel('Key').fill('APP');
    await chloe.getByRole('button', { name: 'Create team' }).click();
    await chloe.locator('form[aria-label="New team"] [role="alert"]').waitFor();
    expect(await teamsShown(chloe)).toEqual(['APP', 'DATA', 'LEG', 'WEB']);

    await chloe.getByRole('link', { name: 'Portfolio' }).click();
    await chloe.locator('[data-product="PRD"] [data-team="LEG"]').waitFor();
    expect(await keysOf(chloe, '[data-product="PRD"] [data-team]', 'data-team')).toEqual([
      'APP',
      'DATA',
      'LEG',
      'WEB',
    ]);
    expect(await keysOf(chloe, '[data-product="OPS"] [data-team]', 'data-team')).toEqual(['OPS']);
  });

  it('the dependency conflict shows on both stories', async () => {
    for (const [story, other] of [
      ['WEB-4', 'APP-3'],
      ['APP-3', 'WEB-4'],
    ] as const) {
      await chloe.goto(`/projects/${story.split('-')[0]}/stories/${story}`);
      const link = chloe.locator(`[data-link="${other}"]`);
      await link.waitFor();
      expect(await link.locator('.chip-danger').innerText()).toBe('Dependency conflict');
    }
    expect(world.pageErrors).toEqual([]);
  });

  it("APP's PO sees the conflict in the bell without a reload once WEB's PO ranks the blocker down again", async () => {
    await world.register('Ada App Owner', 'ada@e2e.test');
    await world.register('Wendy Web Owner', 'wendy@e2e.test');
    for (const [team, email] of [
      ['APP', 'ada@e2e.test'],
      ['WEB', 'wendy@e2e.test'],
    ])
      await cpo.call('POST', `/projects/${team}/members`, { email, roles: ['product_owner'] });
    const conflictOnAppStory = async () =>
      (await cpo.call<{ story: { links: { conflict: boolean }[] } }>('GET', '/projects/APP/stories/APP-3'))
        .story.links[0]?.conflict;
    const ada = await world.signIn('ada@e2e.test');
    const wendy = await world.signIn('wendy@e2e.test');
    await ada.goto('/projects/APP/backlog');
    await ada.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

    // Wendy takes the blocker first: the conflict is gone (and resolving one tells nobody).
    await openWholeBacklog(wendy, 'WEB');
    await wendy.locator('[data-story="WEB-4"] .drag-handle').focus();
    await wendy.keyboard.press('Alt+Shift+ArrowUp');
    await expect.poll(conflictOnAppStory, { timeout: 10_000 }).toBe(false);
    expect(await ada.getByTestId('unread-count').count()).toBe(0);

    // Back to the bottom of WEB's backlog: the conflict appears again, and Ada is told at once.
    await wendy.locator('[data-story="WEB-4"] .drag-handle').focus();
    await wendy.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => ada.getByTestId('unread-count').textContent(), { timeout: 10_000 }).toBe('1');
    await ada.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const item = ada.locator('.notification[data-type="dependency_conflict"] a');
    expect(await item.locator('.notification-kind').innerText()).toBe('Dependency conflict');
    expect(await item.locator('.notification-text').innerText()).toMatch(
      /^Wendy Web Owner's change makes a dependency conflict: your APP-3 Checkout API waits for WEB-4 of team WEB, .*Rank APP-3 lower, or ask WEB's Product Owner to rank WEB-4 higher\.$/,
    );
    await snap(ada, 'notification-dependency-conflict');
    await item.click();
    await ada.waitForURL(/\/projects\/APP\/stories\/APP-3$/);
    await ada.locator('[data-link="WEB-4"] .chip-danger').waitFor();
    // Wendy's own change tells her nothing.
    expect(await wendy.getByTestId('unread-count').count()).toBe(0);
    expect(world.pageErrors).toEqual([]);
  });
});
