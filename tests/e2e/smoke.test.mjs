// End-to-end smoke test: the release build, served on 127.0.0.1, in headless Chromium.
// Run by scripts/test.sh (stage e2e), which builds the app, serves it and sets BSLAB_BASE_URL.
// By hand: BSLAB_BASE_URL=http://127.0.0.1:8080/ node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BSLAB_BASE_URL;
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOTS = join(REPO_ROOT, 'screenshots');

// Same flags as webdriver.json (the Rust browser tests): no sandbox, no GPU, no network chatter.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

let context;
let userDataDir;

before(async () => {
  assert.ok(BASE_URL, 'set BSLAB_BASE_URL to the served app, e.g. http://127.0.0.1:8080/');
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A fresh profile for every run: no cache, no state from an earlier run.
  userDataDir = mkdtempSync(join(tmpdir(), 'bslab-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.BSLAB_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Opens a page that records console errors, page errors and requests that leave 127.0.0.1. */
async function openPage() {
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], externalRequests: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const url = new URL(req.url());
    const local = url.hostname === '127.0.0.1';
    const inline = ['data:', 'blob:', 'about:'].includes(url.protocol);
    if (!local && !inline) problems.externalRequests.push(req.url());
  });
  page.on('requestfailed', (req) => problems.failedRequests.push(req.url()));
  return { page, problems };
}

test('the app loads, shows the engine version, stays on 127.0.0.1 and logs no error', async () => {
  const { page, problems } = await openPage();
  const response = await page.goto(BASE_URL, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);

  const version = page.getByTestId('engine-version');
  await version.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await version.innerText(), /^\d+\.\d+\.\d+/);
  assert.equal(await page.locator('h1').innerText(), 'Batch × Stream Lab');
  assert.equal(await page.title(), 'Batch × Stream Lab');

  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOTS, 'smoke.png'), fullPage: true });

  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(problems.externalRequests, [], 'requests to anything but 127.0.0.1');
  assert.deepEqual(problems.failedRequests, [], 'failed requests');
  await page.close();
});
