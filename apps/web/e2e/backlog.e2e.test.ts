import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centre, drag } from './browser';
import { CHROMIUM, backlogOrder, openBacklogs, snap, startTeam, type Team } from './setup';

describe.skipIf(!CHROMIUM)('the product backlog, PO and developer side by side', () => {
  let team: Team;
  beforeAll(async () => {
    team = await startTeam('E2E', [
      'Search by name',
      'Pay with a card',
      'Track my parcel',
      'Save a wish list',
    ]);
    await openBacklogs(team, 'E2E-4');
  });
  afterAll(() => team?.close());

  it('the PO drags a story to the top and the developer sees it without reloading', async () => {
    expect(await backlogOrder(team.dev)).toEqual(['E2E-1', 'E2E-2', 'E2E-3', 'E2E-4']);
    const from = await centre(team.po, '[data-story="E2E-4"] .drag-handle');
    const to = await centre(team.po, '[data-story="E2E-1"]');
    await drag(team.po, from, { x: to.x, y: to.y - 14 });
    await expect
      .poll(() => backlogOrder(team.po), { timeout: 5000 })
      .toEqual(['E2E-4', 'E2E-1', 'E2E-2', 'E2E-3']);
    await expect
      .poll(() => backlogOrder(team.dev), { timeout: 10_000 })
      .toEqual(['E2E-4', 'E2E-1', 'E2E-2', 'E2E-3']);
    await snap(team.po, 'backlog-po');
    await snap(team.dev, 'backlog-developer');
  });

  it('each sees who else has the project open', async () => {
    await team.po.locator('.presence [aria-label="Dana Dev"]').waitFor();
    await team.dev.locator('.presence [aria-label="Ana Owner"]').waitFor();
  });

  it('the order survives a reload: it was saved', async () => {
    await team.dev.reload();
    await expect
      .poll(() => backlogOrder(team.dev), { timeout: 10_000 })
      .toEqual(['E2E-4', 'E2E-1', 'E2E-2', 'E2E-3']);
  });

  it('the developer cannot reorder the backlog and is told who can', async () => {
    await team.dev.getByText('Only the Product Owner can change backlog order').first().waitFor();
    const handle = team.dev.locator('[data-story="E2E-3"] .drag-handle');
    expect(await handle.getAttribute('aria-disabled')).toBe('true');
    const from = await centre(team.dev, '[data-story="E2E-3"] .drag-handle');
    const to = await centre(team.dev, '[data-story="E2E-4"]');
    await drag(team.dev, from, { x: to.x, y: to.y - 14 });
    await team.dev.waitForTimeout(500);
    expect(await backlogOrder(team.dev)).toEqual(['E2E-4', 'E2E-1', 'E2E-2', 'E2E-3']);
  });

  it('the PO moves a story with the keyboard alone', async () => {
    await team.po.locator('[data-story="E2E-3"] .drag-handle').focus();
    await team.po.keyboard.press('Alt+Shift+ArrowUp');
    await expect
      .poll(() => backlogOrder(team.po), { timeout: 5000 })
      .toEqual(['E2E-3', 'E2E-4', 'E2E-1', 'E2E-2']);
    await expect
      .poll(() => backlogOrder(team.dev), { timeout: 10_000 })
      .toEqual(['E2E-3', 'E2E-4', 'E2E-1', 'E2E-2']);
  });

  it('the backlog is one Tab stop: arrows go through it, and dnd-kit still drags by keyboard', async () => {
    const { po } = team;
    const focused = () =>
      po.evaluate(() => {
        const el = document.activeElement;
        const row = el?.closest('.backlog-scroll [data-story]');
        return row
          ? `${row.getAttribute('data-story')} ${el?.className.includes('drag-handle') ? 'handle' : 'title'}`
          : null;
      });
    await po.getByRole('button', { name: 'Import stories' }).focus();
    await po.keyboard.press('Tab');
    // The list's one stop is where the focus last was in it: E2E-3's handle, moved by keyboard just before.
    expect(await focused()).toBe('E2E-3 handle');
    await po.keyboard.press('ArrowRight');
    expect(await focused()).toBe('E2E-3 title');
    await po.keyboard.press('ArrowDown');
    expect(await focused()).toBe('E2E-4 title');
    await po.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('E2E-4 handle');
    await po.keyboard.press('Space');
    await po.locator('[data-story="E2E-4"] .drag-handle[aria-pressed="true"]').waitFor();
    // dnd-kit says where the card is over (its live region) before it is dropped there. It hears the keys of
    // a drag from its next task on and moves only once it has measured the rows, so an arrow pressed at once
    // after the pick-up can go unheard on a busy machine: press again while it is still over its own place.
    const said = () => po.locator('[id^="DndLiveRegion"]', { hasText: 'E2E-4' }).textContent();
    await expect
      .poll(
        async () => {
          const text = (await said()) ?? '';
          const over = /over droppable area (E2E-\d+)/.exec(text)?.[1];
          if (!over || over === 'E2E-4') await po.keyboard.press('ArrowDown');
          return text;
        },
        { timeout: 10_000, interval: 1500 },
      )
      .toContain('was moved over droppable area E2E-1');
    await po.keyboard.press('Space');
    await expect
      .poll(() => backlogOrder(po), { timeout: 5000 })
      .toEqual(['E2E-3', 'E2E-1', 'E2E-4', 'E2E-2']);
    expect(await focused()).toBe('E2E-4 handle');
    await po.keyboard.press('Tab');
    expect(await focused()).toBeNull();
    await po.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('E2E-4 handle');
    // Put the order back for the tests after this one.
    await po.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => backlogOrder(po), { timeout: 5000 })
      .toEqual(['E2E-3', 'E2E-4', 'E2E-1', 'E2E-2']);
  });

  it('the developer estimates in the list and the PO sees the points arrive', async () => {
    await team.dev.getByLabel('Story points of E2E-2').selectOption('13');
    await team.po.locator('[data-story="E2E-2"] [title="13 points"]').waitFor();
  });

  it('a refused move snaps back with the server’s reason', async () => {
    const before = await backlogOrder(team.po);
    await team.po.route('**/api/projects/E2E/backlog/rank', (route) =>
      route.fulfill({
        status: 409,
        json: { error: { code: 'conflict', message: 'E2E-2 was moved by someone else' } },
      }),
    );
    await team.po.locator('[data-story="E2E-2"] .drag-handle').focus();
    await team.po.keyboard.press('Alt+Shift+ArrowUp');
    await team.po.getByTestId('toast').filter({ hasText: 'E2E-2 was moved by someone else' }).waitFor();
    await expect.poll(() => backlogOrder(team.po), { timeout: 5000 }).toEqual(before);
    await team.po.unroute('**/api/projects/E2E/backlog/rank');
  });

  it('a backlog of 5,000 stories keeps only the visible rows in the page and scrolls to the last', async () => {
    // Real stories, imported through the API in one request, so the page renders what the server sends.
    const current = await team.admin.call<{ items: unknown[] }>('GET', '/projects/E2E/backlog');
    const stories = Array.from({ length: 5000 - current.items.length }, (_, i) => ({
      title: `Story number ${i + 1}`,
    }));
    const imported = await team.admin.call<{ items: { key: string }[] }>(
      'POST',
      '/projects/E2E/stories/import',
      { stories },
    );
    const last = imported.items.at(-1)!.key;
    const page = await team.po.context().newPage();
    await page.goto('/projects/E2E/backlog');
    await page.getByTestId('backlog-summary').filter({ hasText: '5000 stories' }).waitFor();
    expect(await page.locator('.backlog-scroll [data-story]').count()).toBeLessThan(80);
    // The virtual list measures rows as they show and corrects its height, so the bottom can move while it
    // scrolls there (as a person would, keep scrolling to the end until the last story shows).
    await expect
      .poll(
        async () => {
          await page.locator('.backlog-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
          return page.locator(`[data-story="${last}"]`).isVisible();
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe(true);
    expect(await page.locator('.backlog-scroll [data-story]').count()).toBeLessThan(80);
    await page.close();
  });

  it('shows the first rows before the whole backlog arrives, and takes a drag once it is here', async () => {
    const page = await team.po.context().newPage();
    // The whole backlog (5,000 stories by now) is held in the browser until the rows are checked.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(
      (url) => url.pathname === '/api/projects/E2E/backlog',
      async (route) => {
        asked = true;
        await held;
        await route.continue();
      },
    );
    await page.goto('/projects/E2E/backlog');
    await page.locator('.backlog-scroll[aria-busy="true"] [data-story="E2E-2"]').waitFor();
    // The whole list is asked for once the first rows are answered: a render later, not with them.
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(true);
    expect((await backlogOrder(page)).slice(0, 4)).toEqual(['E2E-3', 'E2E-4', 'E2E-1', 'E2E-2']);
    await page.getByTestId('backlog-summary').filter({ hasText: 'Loading the rest' }).waitFor();
    const handle = page.locator('[data-story="E2E-2"] .drag-handle');
    expect(await handle.getAttribute('aria-disabled')).toBe('true');
    release();
    await page.locator('.backlog-scroll[aria-busy="false"]').waitFor();
    await page.getByTestId('backlog-summary').filter({ hasText: '5000 stories' }).waitFor();
    expect(await handle.getAttribute('aria-disabled')).toBe('false');
    const from = await centre(page, '[data-story="E2E-2"] .drag-handle');
    const to = await centre(page, '[data-story="E2E-3"]');
    await drag(page, from, { x: to.x, y: to.y - 14 });
    await expect
      .poll(async () => (await backlogOrder(page)).slice(0, 4), { timeout: 5000 })
      .toEqual(['E2E-2', 'E2E-3', 'E2E-4', 'E2E-1']);
    await expect
      .poll(async () => (await backlogOrder(team.dev)).slice(0, 4), { timeout: 10_000 })
      .toEqual(['E2E-2', 'E2E-3', 'E2E-4', 'E2E-1']);
    await page.close();
  });

  it('no page threw an error along the way', () => {
    expect(team.pageErrors).toEqual([]);
  });
});
