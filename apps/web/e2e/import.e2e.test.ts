import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, backlogOrder, openBacklogs, snap, startTeam, type Team } from './setup';

// Its own team: the 5,000-story test in backlog.e2e.test.ts times live delivery to pages left as it finds them.
describe.skipIf(!CHROMIUM)('importing stories from Jira', () => {
  let team: Team;
  beforeAll(async () => {
    team = await startTeam('IMP', ['Search by name', 'Pay with a card']);
    await openBacklogs(team, 'IMP-2');
  });
  afterAll(() => team?.close());

  it('the PO uploads a Jira CSV, imports it in one go and the developer sees the stories at the bottom without reloading', async () => {
    const csv =
      'Summary,Issue Type,Labels,Story Points\r\nExport orders,Task,admin,3\r\n"Refund, partially",Bug,payments money,\r\nGift cards,Epic,,\r\n';
    await team.po.getByRole('button', { name: 'Import stories' }).click();
    const dialog = team.po.getByRole('dialog', { name: 'Import stories' });
    await dialog
      .getByLabel('Or a CSV file')
      .setInputFiles({ name: 'jira.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByText('3 stories to import').waitFor();
    await dialog.getByText('Only the Developer or Scrum Master can estimate story points').waitFor();
    await snap(team.po, 'backlog-import');
    await dialog.getByRole('button', { name: 'Import 3 stories' }).click();
    await team.po.getByTestId('toast').filter({ hasText: 'Imported 3 stories' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    const order = ['IMP-1', 'IMP-2', 'IMP-3', 'IMP-4', 'IMP-5'];
    await expect.poll(() => backlogOrder(team.dev), { timeout: 10_000 }).toEqual(order);
    await expect.poll(() => backlogOrder(team.po), { timeout: 5000 }).toEqual(order);
    expect(await team.dev.locator('[data-story="IMP-4"] .story-title').textContent()).toBe(
      'Refund, partially',
    );
    await team.dev.locator('[data-story="IMP-4"] [title="Bug"]').waitFor();
    expect(team.pageErrors).toEqual([]);
  });
});
