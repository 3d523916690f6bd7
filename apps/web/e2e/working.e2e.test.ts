import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drag, signIn } from './browser';
import { CHROMIUM, snap, startTeam, waitForLive, type Team } from './setup';

const KEY = 'WRK';
const TITLES = [
  'Sign up with email',
  'Reset my password',
  'As a shopper I want to see my past orders with their delivery dates',
  'Cancel an order',
  'Pay with a saved card',
  'Print an invoice',
  'Change my delivery address',
  'Rate a product',
  'Track a parcel',
  'Save a wish list',
  'Share a product',
  'Compare two products',
];
const column = (name: string) => `.board-column[data-status="${name}"]`;
const keysIn = (page: Page, selector: string) =>
  page
    .locator(`${selector} [data-story]`)
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-story')));

async function statusId(team: Team, name: string) {
  const { statuses } = await team.admin.call<{ statuses: { id: string; name: string }[] }>(
    'GET',
    `/projects/${KEY}/statuses`,
  );
  return statuses.find((s) => s.name === name)!.id;
}

/** A sprint set up over HTTP by the admin: planned with `stories`, started, `finished` done, and completed unless `keepRunning`. */
async function runSprint(
  team: Team,
  name: string,
  dates: [string, string],
  stories: string[],
  { finished = [] as string[], keepRunning = false } = {},
) {
  const base = `/projects/${KEY}/sprints`;
  const { sprint } = await team.admin.call<{ sprint: { id: string } }>('POST', base, {
    name,
    startDate: dates[0],
    endDate: dates[1],
  });
  await team.admin.call('POST', `${base}/${sprint.id}/stories`, { stories });
  await team.admin.call('POST', `${base}/${sprint.id}/start`, {});
  const done = await statusId(team, 'Done');
  for (const key of finished)
    await team.admin.call('POST', `/projects/${KEY}/stories/${key}/transition`, { statusId: done });
  if (!keepRunning) await team.admin.call('POST', `${base}/${sprint.id}/complete`, { moveOpenTo: 'backlog' });
}

describe.skipIf(!CHROMIUM)(
  'working on stories: reports, the board by mouse and keyboard, a phone, an unknown key',
  () => {
    let team: Team;
    beforeAll(async () => {
      team = await startTeam(KEY, TITLES);
      // The PO's deadlines: one long past (overdue until done), one far ahead.
      for (const [key, dueDate] of [
        ['WRK-7', '2020-01-31'],
        ['WRK-8', '2099-12-31'],
      ]) {
        const { story } = await team.admin.call<{ story: { version: number } }>(
          'GET',
          `/projects/${KEY}/stories/${key}`,
        );
        await team.admin.call('PATCH', `/projects/${KEY}/stories/${key}`, {
          version: story.version,
          dueDate,
        });
      }
      // Two closed sprints give the team a velocity of 6: WRK-1 and WRK-9 (3 + 8 points) done, then WRK-10 (1) but not WRK-2.
      await runSprint(team, 'Sprint 1', ['2026-01-05', '2026-01-16'], ['WRK-1', 'WRK-9'], {
        finished: ['WRK-1', 'WRK-9'],
      });
      await runSprint(team, 'Sprint 2', ['2026-01-19', '2026-01-30'], ['WRK-2', 'WRK-10'], {
        finished: ['WRK-10'],
      });
    });
    afterAll(() => team?.close());

    it('reports open on the last closed sprint when none is running', async () => {
      const { po } = team;
      await po.goto(`/projects/${KEY}/reports`);
      const picker = po.getByRole('combobox', { name: 'Sprint', exact: true });
      await picker.waitFor();
      expect(await picker.locator('option:checked').textContent()).toBe('Sprint 2 (closed)');
    });

    it('the PO writes the review notes of a sprint after it closed', async () => {
      const { po } = team;
      await po.getByRole('button', { name: 'Edit review notes' }).click();
      await po
        .getByRole('combobox', { name: 'Review notes' })
        .fill('Stakeholders want **parcel tracking** before wish lists');
      await po.getByRole('button', { name: 'Save' }).click();
      // Shown as Markdown once saved.
      await po.locator('section[aria-label="Review notes"] strong', { hasText: 'parcel tracking' }).waitFor();
      await expect
        .poll(
          async () => {
            const { items } = await team.admin.call<{ items: { name: string; reviewNotes: string }[] }>(
              'GET',
              `/projects/${KEY}/sprints`,
            );
            return items.find((s) => s.name === 'Sprint 2')?.reviewNotes;
          },
          { timeout: 10_000 },
        )
        .toBe('Stakeholders want **parcel tracking** before wish lists');
    });

    it('an unknown story key shows a not-found page with the way back', async () => {
      const { po } = team;
      await po.goto(`/projects/${KEY}/stories/${KEY}-999`);
      await po.getByRole('heading', { name: `No story ${KEY}-999 in this project` }).waitFor();
      await po.getByRole('link', { name: 'Back to the backlog' }).click();
      await po.waitForURL(`**/projects/${KEY}/backlog`);
    });

    it('the backlog marks where each coming sprint ends at the team’s velocity', async () => {
      const { po } = team;
      await po.goto(`/projects/${KEY}/backlog`);
      // At 6 points a sprint, nothing running: WRK-2 (5) fills sprint 1 and WRK-3 (2) would overflow it.
      const marked = po.locator('.backlog-scroll .ends-sprint');
      await expect.poll(() => marked.first().getAttribute('data-story'), { timeout: 10_000 }).toBe('WRK-2');
      expect(await marked.first().locator('.sprint-end').textContent()).toMatch(/^Sprint 1 ends /);
    });

    it('due dates show on backlog rows, and a passed one is flagged overdue', async () => {
      const { po } = team;
      await po.goto(`/projects/${KEY}/backlog`);
      await expect
        .poll(() => po.locator('[data-story="WRK-7"] .chip-due').textContent())
        .toMatch(/^Overdue /);
      await expect.poll(() => po.locator('[data-story="WRK-8"] .chip-due').textContent()).toMatch(/^Due /);
      expect(await po.locator('[data-story="WRK-8"] .chip-overdue').count()).toBe(0);
    });

    it('a card dropped in the middle of the last column lands there', async () => {
      const { dev } = team;
      await runSprint(
        team,
        'Sprint 3',
        ['2026-02-02', '2026-02-13'],
        ['WRK-3', 'WRK-4', 'WRK-5', 'WRK-6', 'WRK-7', 'WRK-8'],
        {
          finished: ['WRK-4', 'WRK-5', 'WRK-6'],
          keepRunning: true,
        },
      );
      await dev.goto(`/projects/${KEY}/board`);
      await dev.locator(`${column('Done')} [data-story="WRK-6"]`).waitFor();
      await waitForLive(dev);
      // Grabbed by its key, as a person grabs a card anywhere but its title link.
      const card = await dev.locator('[data-story="WRK-3"] .story-key').boundingBox();
      const target = await dev.locator(column('Done')).boundingBox();
      if (!card || !target) throw new Error('the board is not on screen');
      const from = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
      const to = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
      await drag(dev, from, to);
      await expect.poll(() => keysIn(dev, column('Done')), { timeout: 5000 }).toContain('WRK-3');
    });

    it('two keyboard moves in a row: the focus stays on the card', async () => {
      const { dev } = team;
      await dev.locator('[data-story="WRK-7"]').focus();
      await dev.keyboard.press('Alt+ArrowRight');
      await expect.poll(() => keysIn(dev, column('In Progress')), { timeout: 5000 }).toEqual(['WRK-7']);
      await expect
        .poll(() => dev.evaluate(() => document.activeElement?.getAttribute('data-story')))
        .toBe('WRK-7');
      await dev.keyboard.press('Alt+ArrowRight');
      await expect.poll(() => keysIn(dev, column('In Review')), { timeout: 5000 }).toEqual(['WRK-7']);
      await expect
        .poll(() => dev.evaluate(() => document.activeElement?.getAttribute('data-story')))
        .toBe('WRK-7');
      expect(await dev.locator('[data-story="WRK-7"] .chip-overdue').count()).toBe(1);
    });

    it('a story opens in a drawer over the board: its own URL, focus kept inside, Escape closes and gives the focus back', async () => {
      const { dev } = team;
      const title = dev.locator('[data-story="WRK-8"] .board-card-title');
      await title.click();
      const drawer = dev.getByRole('dialog', { name: 'Story WRK-8' });
      await expect
        .poll(() => drawer.getByLabel('Title', { exact: true }).inputValue(), { timeout: 10_000 })
        .toBe('Rate a product');
      expect(new URL(dev.url()).searchParams.get('story')).toBe('WRK-8');
      await dev.locator(column('Done')).waitFor();
      for (let i = 0; i < 40; i++) await dev.keyboard.press('Tab');
      expect(await drawer.evaluate((panel) => panel.contains(document.activeElement))).toBe(true);
      await snap(dev, 'story-drawer');
      await dev.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      expect(new URL(dev.url()).searchParams.has('story')).toBe(false);
      await expect
        .poll(() =>
          dev.evaluate(() => document.activeElement?.closest('[data-story]')?.getAttribute('data-story')),
        )
        .toBe('WRK-8');
    });

    it('the keyboard: Ctrl+K runs a command and opens a story by key, c creates a story with its fields, ? lists the shortcuts', async () => {
      const { dev } = team;
      await dev.keyboard.press('Control+k');
      const palette = dev.getByRole('dialog', { name: 'Command palette' });
      await palette.getByLabel('Command', { exact: true }).fill('go to reports');
      await dev.keyboard.press('Enter');
      await dev.waitForURL(`**/projects/${KEY}/reports`);
      await dev.keyboard.press('Control+k');
      await palette.getByLabel('Command', { exact: true }).fill('wrk-2');
      await dev.keyboard.press('Enter');
      const opened = dev.getByRole('dialog', { name: 'Story WRK-2' });
      await expect
        .poll(() => opened.getByLabel('Title', { exact: true }).inputValue(), { timeout: 10_000 })
        .toBe('Reset my password');
      await dev.keyboard.press('Escape');
      await opened.waitFor({ state: 'detached' });
      await dev.keyboard.press('c');
      const form = dev.getByRole('dialog', { name: 'Create a story' });
      await form.getByLabel('Title').fill('Gift wrap an order');
      await form.getByLabel('Type').selectOption('bug');
      await form
        .getByLabel('Acceptance criteria')
        .fill('Wrapping is offered at checkout\nThe invoice shows it');
      await form.getByLabel('Due date').fill('2099-06-30');
      await form.getByRole('button', { name: 'Create story' }).click();
      const created = dev.getByRole('dialog', { name: 'Story WRK-13' });
      await expect
        .poll(() => created.getByLabel('Title', { exact: true }).inputValue(), { timeout: 10_000 })
        .toBe('Gift wrap an order');
      const { story } = await team.admin.call<{
        story: { type: string; dueDate: string; acceptanceCriteria: { text: string }[] };
      }>('GET', `/projects/${KEY}/stories/WRK-13`);
      expect([story.type, story.dueDate, story.acceptanceCriteria.map((c) => c.text)]).toEqual([
        'bug',
        '2099-06-30',
        ['Wrapping is offered at checkout', 'The invoice shows it'],
      ]);
      await dev.keyboard.press('Escape');
      await created.waitFor({ state: 'detached' });
      await dev.keyboard.press('?');
      await dev
        .getByRole('dialog', { name: 'Keyboard shortcuts' })
        .getByText('Open the command palette')
        .waitFor();
      await dev.keyboard.press('Escape');
    });

    it('j and k step through the backlog and Enter opens the story in focus', async () => {
      const { dev } = team;
      await dev.goto(`/projects/${KEY}/backlog`);
      await dev.locator('.backlog-scroll [data-story]').first().waitFor();
      await waitForLive(dev);
      const order = await dev
        .locator('.backlog-scroll [data-story]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-story')));
      await dev.keyboard.press('j');
      await dev.keyboard.press('j');
      await dev.keyboard.press('j');
      await dev.keyboard.press('k');
      const focused = () =>
        dev.evaluate(() => document.activeElement?.closest('[data-story]')?.getAttribute('data-story'));
      await expect.poll(focused).toBe(order[1]);
      await dev.keyboard.press('Enter');
      await dev.getByRole('dialog', { name: `Story ${order[1]}` }).waitFor();
    });

    it('the activity feed says who did what, filtered by person and kind, and opens the story', async () => {
      const { dev } = team;
      await dev.goto(`/projects/${KEY}/activity?kind=story`);
      await dev.getByLabel('Done by').selectOption({ label: 'Dana Dev' });
      const line = dev.locator('.activity li', {
        hasText: 'Dana Dev (Developer) moved this from In Progress to In Review',
      });
      await line.waitFor();
      expect(await dev.locator('.activity li', { hasText: 'Ines Admin' }).count()).toBe(0);
      await line.getByRole('link', { name: 'WRK-7 Change my delivery address' }).click();
      await dev.getByRole('dialog', { name: 'Story WRK-7' }).waitFor();
    });

    it('on a 390 px phone the backlog titles stay readable', async () => {
      const phone = await signIn(
        team.browser,
        team.server.baseUrl,
        'po@e2e.test',
        'e2e-password-1',
        team.pageErrors,
      );
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`/projects/${KEY}/backlog`);
      const title = phone.locator('.backlog-scroll [data-story] .story-title').first();
      await title.waitFor();
      await snap(phone, 'backlog-phone');
      const box = await title.boundingBox();
      // Half the screen at least: about 30 characters of a title, where it used to be about 10.
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(195);
      await phone.context().close();
    });

    it('the profile: a personal access token is made, works for a script, is revoked and stops; sign out everywhere', async () => {
      const { dev, server } = team;
      await dev.goto('/profile');
      await dev.getByLabel('Token name').fill('CI export');
      await dev.getByLabel('Expires').selectOption('30');
      await dev.getByRole('button', { name: 'Create token' }).click();
      const token = (await dev.getByTestId('new-token').textContent()) ?? '';
      const asScript = () =>
        fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then(
          (r) => r.status,
        );
      expect(await asScript()).toBe(200);
      await dev.getByRole('list', { name: 'Your tokens' }).getByText('CI export').waitFor();
      await dev.getByRole('button', { name: 'Revoke CI export' }).click();
      await dev.getByRole('list', { name: 'Your tokens' }).getByText('No tokens yet.').waitFor();
      expect(await asScript()).toBe(401);
      await dev.getByRole('button', { name: 'Sign out everywhere' }).click();
      await dev.waitForURL('**/login**');
      expect(await dev.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401);
    });

    it('no page threw an error along the way', () => {
      expect(team.pageErrors).toEqual([]);
    });
  },
);
