import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { linkIn, startSmtp, type TestSmtp } from '../../api/test/smtp';
import { ApiSession } from './api';
import { launch, signIn } from './browser';
import { startServer, type RunningServer } from './server';
import { CHROMIUM } from './setup';

const PASSWORD = 'e2e-password-1';

describe.skipIf(!CHROMIUM)('people come in by email: an invitation, a forgotten password', () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Ordo <ordo@e2e.test>' });
    browser = await launch(CHROMIUM ?? '');
    const admin = await ApiSession.register(server.baseUrl, 'Ines Admin', 'admin@e2e.test', PASSWORD);
    await ApiSession.register(server.baseUrl, 'Ana Owner', 'po@e2e.test', PASSWORD);
    await admin.call('POST', '/projects', { key: 'INV', name: 'Invited shop' });
    await admin.call('POST', '/projects/INV/members', { email: 'po@e2e.test', roles: ['product_owner'] });
    await admin.call('POST', '/projects/INV/stories', { title: 'Pay with a card' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('the PO invites, the invitee opens the link from the mail in a fresh browser, signs up and sees the backlog', async () => {
    const po = await signIn(browser, server.baseUrl, 'po@e2e.test', PASSWORD, errors);
    await po.goto('/projects/INV/members');
    await po.getByLabel('Email to invite').fill('newbie@e2e.test');
    await po.getByRole('button', { name: 'Send invitation' }).click();
    await po.locator('[data-invitation="newbie@e2e.test"]').waitFor();
    const shownLink = await po.getByLabel('Invitation link').inputValue();

    const mail = await smtp.next((m) => m.rcpt.includes('newbie@e2e.test'));
    const link = linkIn(mail, `${server.baseUrl}/invitations/`);
    expect(link).toBe(shownLink);

    const context = await browser.newContext({ baseURL: server.baseUrl });
    context.setDefaultTimeout(10_000);
    const invitee = await context.newPage();
    invitee.on('pageerror', (e) => errors.push(e.message));
    await invitee.goto(link);
    await invitee
      .getByTestId('invitation-summary')
      .filter({ hasText: 'Ana Owner invited newbie@e2e.test to Invited shop' })
      .waitFor();
    await invitee.getByLabel('Your name').fill('Nina Newbie');
    await invitee.getByLabel('Choose a password').fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Create account and join' }).click();
    await invitee.waitForURL('**/projects/INV/backlog');
    await invitee.locator('[data-story="INV-1"]').waitFor();

    // Used up: the PO's pending list empties, and the link answers that it no longer works.
    await po.reload();
    await po.getByText('No pending invitations.').waitFor();
    const again = await context.newPage();
    await again.goto(link);
    await again.getByText('This invitation link is unknown, used or expired').waitFor();
    await context.close();
    expect(errors).toEqual([]);
  });
  it('a forgotten password: the mail links to a page that sets a new one, and the person logs in with it', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill('po@e2e.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'a link to choose a new password is on its way' })
      .waitFor();

    const mail = await smtp.next((m) => m.rcpt.includes('po@e2e.test'));
    await page.goto(linkIn(mail, `${server.baseUrl}/reset-password/`));
    await page.getByLabel('New password').fill('a-new-password-2');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your new password is set' }).waitFor();
    await page.getByLabel('Email').fill('po@e2e.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill('a-new-password-2');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/projects');

    // The link was for one use: opened again, it says so.
    await page.goto(linkIn(mail, `${server.baseUrl}/reset-password/`));
    await page.getByLabel('New password').fill('a-third-password-3');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link is unknown, used or expired' }).waitFor();
    await context.close();
    expect(errors).toEqual([]);
  });
});
