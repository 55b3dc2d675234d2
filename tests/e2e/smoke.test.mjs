// End-to-end smoke test: the release build, served on 127.0.0.1, in headless Chromium.
// Run by scripts/test.sh (stage e2e), which builds the app, serves it and sets BSLAB_BASE_URL.
// By hand: BSLAB_BASE_URL=http://127.0.0.1:8080/ node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedBrowser, openPage, assertNoProblems, SCREENSHOTS, BASE_URL, fullPageShot } from './helpers.mjs';

const browser = sharedBrowser({ viewport: { width: 1280, height: 800 } });

test('the app loads, shows the engine version, stays on 127.0.0.1 and logs no error', async () => {
  const { page, problems } = await openPage(browser.context);
  const response = await page.goto(BASE_URL, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);

  const version = page.getByTestId('engine-version');
  await version.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await version.innerText(), /^\d+\.\d+\.\d+/);
  assert.equal(await page.locator('h1').innerText(), 'Batch × Stream Lab');
  assert.equal(await page.title(), 'Batch × Stream Lab');
  await page.getByTestId('panel-batch').waitFor();
  await page.getByTestId('panel-streaming').waitFor();

  await page.waitForLoadState('networkidle');
  await fullPageShot(page, join(SCREENSHOTS, 'smoke.png'));
  assertNoProblems(problems);
  await page.close();
});
