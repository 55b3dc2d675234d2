// End-to-end: fork with a ghost (issue 15). A parameter changed at instant t leaves the
// old run as a faint ghost on every chart, with the change labelled, until dismissed;
// the new run's fingerprint equals a fresh run of the new experiment opened at the same
// instant from its link (the fork semantics: re-simulated from t = 0, same seed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, assertNoProblems, gotoApp, waitSettled, SCREENSHOTS, trackedBrowsers, pageHash } from './helpers.mjs';

const browsers = trackedBrowsers();

const CHARTS = ['latency', 'throughput', 'backlog', 'freshness', 'completeness', 'cost'];

test('a change at t leaves a ghost on every chart; the new run is a fresh run of the new experiment', async () => {
  const b = await launch({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  browsers.push(b);
  const { page, problems } = await openPage(b.context);
  await gotoApp(page, '/?fork');
  await page.getByTestId('preset').selectOption('streaming-falls-behind');
  await waitSettled(page);
  const hash = await pageHash(page);
  await gotoApp(page, `/?fork-at${hash}&t=2700000`);
  await waitSettled(page);
  assert.equal(await page.getByTestId('run-state').getAttribute('data-t'), '2700000', 'the link opened at t');
  const field = page.getByTestId('field-workload.rate_eps');
  await field.fill('30');
  await field.press('Tab');
  await page.getByTestId('ghost-note').waitFor();
  await waitSettled(page);
  assert.match(await page.getByTestId('ghost-note').innerText(), /50 → 30/, 'the change is labelled');
  assert.equal(await page.getByTestId('run-state').getAttribute('data-t'), '2700000', 'forked at t');
  for (const c of CHARTS) {
    await page.locator(`[data-testid=chart-${c}] path[data-series=ghost]`).first().waitFor({ state: 'attached' });
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'fork-ghost-1920x1080-en.png') });
  const digest = await page.getByTestId('digest').innerText();
  const newHash = await pageHash(page);
  const fresh = await page.context().newPage();
  await gotoApp(fresh, `/?fresh${newHash}&t=2700000`);
  await waitSettled(fresh);
  assert.equal(await fresh.getByTestId('digest').innerText(), digest, 'same as a fresh run of the new experiment');
  assert.equal(await fresh.getByTestId('ghost-note').count(), 0, 'a fresh run has no ghost');
  await fresh.close();
  await page.getByTestId('ghost-dismiss').click();
  await page.getByTestId('ghost-note').waitFor({ state: 'detached' });
  assert.equal(await page.locator('path[data-series=ghost]').count(), 0, 'dismissed');
  assertNoProblems(problems);
});
