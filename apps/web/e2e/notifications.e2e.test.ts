import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, snap, startTeam, type Team } from './setup';

describe.skipIf(!CHROMIUM)('mentions and the bell', () => {
  let team: Team;
  beforeAll(async () => {
    team = await startTeam('NTF', ['Checkout page']);
  });
  afterAll(() => team?.close());

  it('the PO mentions the developer through the picker and the developer’s bell shows it without a reload', async () => {
    const { po, dev } = team;
    await dev.goto('/projects/NTF/backlog');
    await dev.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    // Anything a reload would wipe out: it must still be there when the notification shows.
    await dev.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await po.goto('/projects/NTF/stories/NTF-1');
    const box = po.getByRole('combobox', { name: 'Write a comment' });
    await box.click();
    await box.pressSequentially('Could you check this, @da');
    const picker = po.getByRole('listbox', { name: 'Mention a member' });
    await picker.getByRole('option', { name: /Dana Dev/ }).waitFor();
    await box.press('Enter');
    await box.pressSequentially('please?');
    expect(await box.inputValue()).toBe('Could you check this, @dev please?');
    await po.getByRole('button', { name: 'Comment', exact: true }).click();
    await po.getByText('Could you check this, @dev please?', { exact: true }).waitFor();

    await expect.poll(() => dev.getByTestId('unread-count').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await dev.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await dev.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const item = dev
      .getByRole('region', { name: 'Notifications' })
      .getByRole('link', { name: /Ana Owner mentioned you on NTF-1/ });
    await item.waitFor();
    await snap(dev, 'notifications');
    await item.click();
    await dev.waitForURL(/\/projects\/NTF\/stories\/NTF-1$/);
    await dev.getByText('Could you check this, @dev please?', { exact: true }).waitFor();
    await expect.poll(() => dev.getByTestId('unread-count').count()).toBe(0);
    expect(team.pageErrors).toEqual([]);
  });

  it('the developer watches the story and hears of the PO’s next comment, live; all read empties the count', async () => {
    const { po, dev } = team;
    await dev.getByRole('button', { name: 'Watch', exact: true }).click();
    await dev.getByRole('button', { name: /Watching/ }).waitFor();
    const box = po.getByRole('combobox', { name: 'Write a comment' });
    await box.fill('Shipped behind a flag');
    await po.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => dev.getByTestId('unread-count').textContent(), { timeout: 10_000 }).toBe('1');
    await dev.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await dev
      .getByRole('region', { name: 'Notifications' })
      .getByText(/Ana Owner commented on NTF-1: Shipped behind a flag/)
      .waitFor();
    await dev.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => dev.getByTestId('unread-count').count()).toBe(0);
    expect(team.pageErrors).toEqual([]);
  });
});
