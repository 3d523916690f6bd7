import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiSession } from './api';
import { centre, drag } from './browser';
import { CHROMIUM, planCheckoutAcrossTeams, snap, startWorld, type World } from './setup';

/** The epics' titles in the order the product roadmap shows its lanes. */
const lanes = (page: Page) =>
  page.locator('[data-epic]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-epic')));
const handle = (title: string) => `[data-epic="${title}"] .drag-handle`;
const toasts = (page: Page) => page.locator('[data-testid="toast"]').allInnerTexts();

/** Opens the product roadmap and waits for its last lane. */
async function openRoadmap(page: Page, last: string) {
  await page.goto('/products/PRD/roadmap');
  await page.locator(`[data-epic="${last}"]`).waitFor();
}

describe.skipIf(!CHROMIUM)(
  "a product's own pages: the roadmap's order by drag, the feedback inbox, invitations",
  () => {
    let world: World;
    let cpo: ApiSession;
    let pm: Page;
    let po: Page;
    const epicIds = new Map<string, string>();

    beforeAll(async () => {
      world = await startWorld();
      cpo = await world.register('Chloe CPO', 'cpo@e2e.test');
      await world.register('Paul Manager', 'pm@e2e.test');
      await world.register('Wendy Owner', 'po@e2e.test');
      await planCheckoutAcrossTeams(cpo);
      for (const title of ['Wishlist', 'Search']) await cpo.call('POST', '/products/PRD/epics', { title });
      const { items } = await cpo.call<{ items: { id: string; title: string }[] }>(
        'GET',
        '/products/PRD/epics',
      );
      for (const e of items) epicIds.set(e.title, e.id);
      await cpo.call('POST', '/products/PRD/members', { email: 'pm@e2e.test', roles: ['product_manager'] });
      await cpo.call('POST', '/projects/WEB/members', { email: 'po@e2e.test', roles: ['product_owner'] });
      pm = await world.signIn('pm@e2e.test');
      po = await world.signIn('po@e2e.test');
    });
    afterAll(() => world?.close());

    it('the PM drags the last epic to the top of the product roadmap, and the order survives a reload', async () => {
      await openRoadmap(pm, 'Search');
      expect(await lanes(pm)).toEqual(['Checkout', 'Wishlist', 'Search']);
      const from = await centre(pm, handle('Search'));
      const to = await centre(pm, handle('Checkout'));
      await drag(pm, from, { x: to.x, y: to.y - 20 });
      await expect.poll(() => lanes(pm), { timeout: 10_000 }).toEqual(['Search', 'Checkout', 'Wishlist']);
      await pm.reload();
      await pm.locator('[data-epic="Wishlist"]').waitFor();
      expect(await lanes(pm)).toEqual(['Search', 'Checkout', 'Wishlist']);
      await snap(pm, 'product-roadmap-drag');
    });

    it('the PM moves a lane by keyboard (Space, ↓, Space), and that order survives a reload too', async () => {
      await pm.locator(handle('Search')).focus();
      await pm.keyboard.press('Space');
      await pm.locator(`${handle('Search')}[aria-pressed="true"]`).waitFor();
      // dnd-kit's live region says where the lane is over before it is dropped; it measures the lanes first,
      // so an arrow pressed at once after the pick-up can go unheard on a busy machine: press again then.
      const search = epicIds.get('Search')!;
      const checkout = epicIds.get('Checkout')!;
      const said = () => pm.locator('[id^="DndLiveRegion"]', { hasText: search }).textContent();
      await expect
        .poll(
          async () => {
            const text = (await said()) ?? '';
            const over = /over droppable area ([0-9a-f-]{36})/.exec(text)?.[1];
            if (!over || over === search) await pm.keyboard.press('ArrowDown');
            return text;
          },
          { timeout: 10_000, interval: 1500 },
        )
        .toContain(`was moved over droppable area ${checkout}`);
      await pm.keyboard.press('Space');
      await expect.poll(() => lanes(pm), { timeout: 10_000 }).toEqual(['Checkout', 'Search', 'Wishlist']);
      await pm.reload();
      await pm.locator('[data-epic="Wishlist"]').waitFor();
      expect(await lanes(pm)).toEqual(['Checkout', 'Search', 'Wishlist']);
    });

    it('a refused move snaps back with the reason; a PO may not drag the roadmap at all', async () => {
      await pm.route('**/api/products/PRD/roadmap/rank', (route) =>
        route.fulfill({
          status: 409,
          json: { error: { code: 'conflict', message: 'Search was moved first' } },
        }),
      );
      const from = await centre(pm, handle('Wishlist'));
      const to = await centre(pm, handle('Checkout'));
      await drag(pm, from, { x: to.x, y: to.y - 20 });
      await expect
        .poll(() => toasts(pm), { timeout: 10_000 })
        .toContainEqual(expect.stringContaining('Search was moved first'));
      expect(await lanes(pm)).toEqual(['Checkout', 'Search', 'Wishlist']);
      await pm.unroute('**/api/products/PRD/roadmap/rank');

      await openRoadmap(po, 'Wishlist');
      expect(await po.locator('.drag-handle[aria-disabled="true"]').count()).toBe(3);
      expect(await po.locator('.drag-handle[aria-disabled="false"]').count()).toBe(0);
      expect(await po.getByRole('button', { name: 'Move Search up' }).count()).toBe(0);
      expect(await po.locator(handle('Search')).getAttribute('title')).toBe(
        'Only the Product Manager can change roadmap order',
      );
    });

    it("the product's feedback inbox: the PO sends from the product, the PM links it to an epic and closes it", async () => {
      await openRoadmap(po, 'Wishlist');
      await po.getByRole('link', { name: 'Feedback', exact: true }).click();
      await po.waitForURL('**/products/PRD/feedback');
      await po.getByRole('textbox', { name: 'Feedback' }).fill('Customers ask for Apple Pay');
      await po.getByLabel('Source').fill('support ticket #812');
      await po.getByRole('button', { name: 'Submit' }).click();
      const sent = po.locator('.feedback-item', { hasText: 'Customers ask for Apple Pay' });
      await sent.waitFor();
      // A PO sends feedback but does not triage it.
      expect(await sent.getByLabel('Linked epic').isDisabled()).toBe(true);

      // The PM goes there from the product switcher's palette entry, and the item is already there.
      await pm.keyboard.press('Control+k');
      const palette = pm.getByRole('dialog', { name: 'Command palette' });
      await palette.getByLabel('Command', { exact: true }).fill('The shop (PRD) feedback');
      await pm.keyboard.press('Enter');
      await pm.waitForURL('**/products/PRD/feedback');
      const item = pm.locator('.feedback-item', { hasText: 'Customers ask for Apple Pay' });
      await item.getByLabel('Linked epic').selectOption({ label: 'Checkout' });
      await expect
        .poll(() => item.getByLabel('Linked epic').inputValue(), { timeout: 10_000 })
        .toBe(epicIds.get('Checkout'));
      // Shown ticked once the server has it (the inbox is not optimistic): a click, not Playwright's check.
      await item.getByLabel('Handled').click();
      await expect.poll(() => item.getByLabel('Handled').isChecked(), { timeout: 10_000 }).toBe(true);
      await pm.getByText('0 open · 1 handled').waitFor();
      await pm.reload();
      await pm.getByText('0 open · 1 handled').waitFor();
      expect(await item.getByLabel('Linked epic').inputValue()).toBe(epicIds.get('Checkout'));
      await po.reload();
      await po.getByText('0 open · 1 handled').waitFor();
      await snap(pm, 'product-feedback');
    });

    it('the product admin invites someone without an account; they sign up and land in the product', async () => {
      const chloe = await world.signIn('cpo@e2e.test');
      await chloe.goto('/products/PRD/members');
      await chloe.getByLabel('Email to invite').fill('newpm@e2e.test');
      const roles = chloe.getByRole('group', { name: 'Roles of the invitee' });
      expect(await roles.getByLabel('Product Manager').isChecked()).toBe(true);
      expect(await roles.getByLabel('Developer').count()).toBe(0);
      await roles.getByLabel('Stakeholder').check();
      await chloe.getByRole('button', { name: 'Send invitation' }).click();
      await chloe.locator('[data-invitation="newpm@e2e.test"]').waitFor();
      const link = await chloe.getByLabel('Invitation link').inputValue();

      const context = await world.browser.newContext({ baseURL: world.server.baseUrl });
      context.setDefaultTimeout(10_000);
      const invitee = await context.newPage();
      invitee.on('pageerror', (e) => world.pageErrors.push(e.message));
      await invitee.goto(link);
      await invitee
        .getByTestId('invitation-summary')
        .filter({
          hasText:
            'Chloe CPO invited newpm@e2e.test to the product The shop (PRD) as Product Manager, Stakeholder',
        })
        .waitFor();
      await invitee.getByLabel('Your name').fill('Nora New');
      await invitee.getByLabel('Choose a password').fill('e2e-password-2');
      await invitee.getByRole('button', { name: 'Create account and join' }).click();
      await invitee.waitForURL('**/products/PRD/roadmap');
      await invitee.locator('[data-epic="Checkout"] [data-team="WEB"]').waitFor();
      // A product PM now: she may order the roadmap.
      expect(await invitee.locator(`${handle('Search')}[aria-disabled="false"]`).count()).toBe(1);
      await context.close();

      await chloe.reload();
      const nora = chloe.locator('[data-member="newpm@e2e.test"]');
      await nora.waitFor();
      expect(await nora.getByLabel('Product Manager', { exact: true }).isChecked()).toBe(true);
      expect(await nora.getByLabel('Stakeholder', { exact: true }).isChecked()).toBe(true);
      await chloe.getByText('No pending invitations.').waitFor();
      expect(world.pageErrors).toEqual([]);
    });
  },
);
