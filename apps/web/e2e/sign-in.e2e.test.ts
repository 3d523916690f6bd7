import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiSession } from './api';
import { launch } from './browser';
import { startServer, type RunningServer } from './server';
import { CHROMIUM } from './setup';

const PASSWORD = 'e2e-password-1';
const DEEP_LINK = '/projects/SIGN/stories/SIGN-1';

/** A signed-out browser context whose every request is counted, and whose page errors are kept. */
async function freshVisitor(browser: Browser, baseUrl: string, errors: string[]) {
  const context: BrowserContext = await browser.newContext({ baseURL: baseUrl });
  context.setDefaultTimeout(10_000);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, requests };
}

const apiCalls = (requests: string[]) => requests.filter((url) => new URL(url).pathname.startsWith('/api/'));

/** The login form is what the visitor sees (not a loading skeleton), and the link back is kept in `next`. */
async function expectLoginForm(page: Page, next: string) {
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.getByLabel('Email').waitFor();
  expect(new URL(page.url()).searchParams.get('next')).toBe(next);
}

/** The story page of the deep link, with its title in the editable field. */
const storyShown = (page: Page) =>
  expect
    .poll(() => page.getByLabel('Title', { exact: true }).inputValue(), { timeout: 10_000 })
    .toBe('Pay with a card');

async function logIn(page: Page) {
  await page.getByLabel('Email').fill('ada@e2e.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe.skipIf(!CHROMIUM)('a signed-out visitor always gets the login form', () => {
  let server: RunningServer;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launch(CHROMIUM ?? '');
    const ada = await ApiSession.register(server.baseUrl, 'Ada Owner', 'ada@e2e.test', PASSWORD);
    await ada.call('POST', '/projects', { key: 'SIGN', name: 'Sign-in shop' });
    await ada.call('POST', '/projects/SIGN/stories', { title: 'Pay with a card' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opening / shows the login form, asking who is signed in once and then going quiet', async () => {
    const { context, page, requests } = await freshVisitor(browser, server.baseUrl, errors);
    // networkidle: no request for 500 ms. A page that keeps asking never gets there and the goto times out.
    await page.goto('/', { waitUntil: 'networkidle' });
    await expectLoginForm(page, '/');
    expect(apiCalls(requests).map((url) => new URL(url).pathname)).toEqual(['/api/me']);
    expect(requests.length).toBeLessThanOrEqual(8);
    await context.close();
  });

  it('a deep link shows the login form, and signing in lands on that story', async () => {
    const { context, page, requests } = await freshVisitor(browser, server.baseUrl, errors);
    await page.goto(DEEP_LINK, { waitUntil: 'networkidle' });
    await expectLoginForm(page, DEEP_LINK);
    expect(apiCalls(requests)).toHaveLength(1);
    await logIn(page);
    await page.waitForURL(`**${DEEP_LINK}`);
    await storyShown(page);
    await context.close();
  });

  it('after Log out, Back shows the login form again (not the old page, not a skeleton), and signing in returns there', async () => {
    const { context, page, requests } = await freshVisitor(browser, server.baseUrl, errors);
    await page.goto('/login');
    await logIn(page);
    await page.waitForURL('**/projects');
    await page.goto(DEEP_LINK);
    await storyShown(page);
    await page.getByRole('button', { name: 'Log out' }).click();
    // What the person sees before pressing Back: the login form (the URL changes a moment before it renders).
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    requests.length = 0;
    await page.goBack({ waitUntil: 'networkidle' });
    await expectLoginForm(page, DEEP_LINK);
    expect(apiCalls(requests).length).toBeLessThanOrEqual(2);
    await logIn(page);
    await page.waitForURL(`**${DEEP_LINK}`);
    await storyShown(page);
    await context.close();
  });

  it('a session that ends while a page is open sends the person to log in, back to that page', async () => {
    const { context, page } = await freshVisitor(browser, server.baseUrl, errors);
    await page.goto('/login');
    await logIn(page);
    await page.waitForURL('**/projects');
    await page.goto(DEEP_LINK);
    await storyShown(page);
    // The page is fully open first: a read it starts later (comments, history) would meet the ended session
    // before the click and rightly send the person to log in with the story, not the board, as the way back.
    await page.waitForLoadState('networkidle');
    // The session ends behind the page's back; the next view it opens is refused with a 401.
    await context.clearCookies();
    await page.getByRole('link', { name: 'Board' }).click();
    await expectLoginForm(page, '/projects/SIGN/board');
    await context.close();
  });

  it('no page threw an error along the way', () => {
    expect(errors).toEqual([]);
  });
});
