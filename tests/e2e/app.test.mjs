// End-to-end: a teacher's session, from a fresh profile, on the release build served on
// 127.0.0.1: play a preset, change a parameter (and try an invalid one), switch the
// language, copy the share link, open it in a new page and see the same results; keys;
// persistence; damaged links and storage; the Spark export. No console error, no request
// outside 127.0.0.1, anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser, openPage, assertNoProblems, gotoApp, setMaxSpeed, waitFinished, waitSettled,
} from './helpers.mjs';

const browser = sharedBrowser({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });

const summaryText = (page) => page.getByTestId('summary').innerText();
const digest = (page) => page.getByTestId('digest').innerText();
const runState = (page) => page.getByTestId('run-state');

test('play, change a parameter, switch language, share, and the link reproduces the run', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  // Fresh profile, en-US browser: English.
  assert.match(await page.getByTestId('play').innerText(), /Play/);

  // Play a preset to its end at the fastest speed.
  await page.getByTestId('preset').selectOption('late-data-watermark');
  await waitSettled(page);
  await setMaxSpeed(page);
  await page.getByTestId('play').click();
  await waitFinished(page);
  await waitSettled(page);
  assert.equal(await page.getByTestId('clock').innerText(), '02:00:00');
  const droppedBefore = Number((await page.getByTestId('streaming-dropped').innerText()).replace(/\D/g, ''));
  assert.ok(droppedBefore > 0, 'append mode with a 30 s watermark drops late likes');

  // An invalid value is explained beside the field and never applied.
  const watermark = page.getByTestId('field-streaming.watermark_delay_ms');
  await watermark.fill('-5 s');
  await watermark.press('Tab');
  await page.getByTestId('error-streaming.watermark_delay_ms').waitFor();
  assert.match(await page.getByTestId('error-streaming.watermark_delay_ms').innerText(), /Watermark delay: -5 s is not allowed.*not applied/s);
  assert.match(await page.getByTestId('panel-streaming').innerText(), /watermark 30 s/);

  // A valid one is applied from the current instant (a fork): re-simulated to the end.
  await watermark.fill('5 min');
  await watermark.press('Tab');
  // Read it on screen: off screen the pipelines skip rendering (content-visibility), and
  // innerText is what is rendered.
  await page.getByTestId('panel-streaming').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /watermark 5 min/.test(document.querySelector('[data-testid=panel-streaming]').innerText));
  await waitSettled(page);
  assert.equal(await page.getByTestId('clock').innerText(), '02:00:00');
  const droppedAfter = Number((await page.getByTestId('streaming-dropped').innerText()).replace(/\D/g, ''));
  assert.ok(droppedAfter < droppedBefore, `a longer watermark drops fewer late events (${droppedAfter} < ${droppedBefore})`);
  assert.equal(await page.getByTestId('preset').inputValue(), '', 'the experiment is now an edited one');

  // Switch language: everything translated, nothing else changes.
  const before = await digest(page);
  await page.getByTestId('lang').click();
  await page.getByText('Iniciar', { exact: false }).first().waitFor();
  assert.match(await page.getByTestId('play').innerText(), /Iniciar/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'pt-BR');
  assert.equal(await digest(page), before);
  assert.equal(await page.getByTestId('clock').innerText(), '02:00:00');

  // Copy the share link (the clipboard holds it), open it in a new page: same results.
  await page.getByTestId('share').click();
  await page.getByTestId('share-url').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#v=2&b=\d+&d=[A-Za-z0-9_-]*&t=7200000$/);
  assert.ok(link.length < 300, `a short link (${link.length} characters)`);
  assert.equal(await page.getByTestId('share-url').inputValue(), link);
  const summary = await summaryText(page);

  const { page: other, problems: otherProblems } = await openPage(browser.context);
  await other.goto(link);
  await other.getByTestId('panel-batch').waitFor();
  await waitSettled(other);
  assert.equal(await other.getByTestId('clock').innerText(), '02:00:00');
  assert.equal(await digest(other), before, 'same fingerprint');
  assert.equal(await summaryText(other), summary, 'same results, line by line');
  assert.equal(await other.getByTestId('notice').count(), 0);

  assertNoProblems(problems);
  assertNoProblems(otherProblems);
  await other.close();
  await page.close();
});

test('keys: Space plays and pauses, → steps, R resets; Tab reaches the controls', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('queue-mm1');
  await waitSettled(page);
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.t !== '0');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.state === 'playing');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.state === 'paused');
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.t === '0');

  // Tab order starts with the header's controls, each visibly focused.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.dataset.testid);
  assert.equal(focused, 'preset');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'speed');

  // A chart takes the focus; ← moves its read-out cursor (and does not step the run).
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.t !== '0');
  const plot = page.getByTestId('chart-backlog').locator('svg.plot');
  await plot.focus();
  const t = await runState(page).getAttribute('data-t');
  await page.keyboard.press('ArrowLeft');
  assert.match(await page.getByTestId('chart-backlog').locator('.readout').innerText(), /^t = \d\d:\d\d:\d\d · Batch: /);
  assert.equal(await runState(page).getAttribute('data-t'), t);

  // The concepts panel takes the focus; Escape closes it.
  await page.getByTestId('concepts').click();
  await page.getByTestId('concepts-panel').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'concepts-close');
  await page.keyboard.press('Escape');
  await page.getByTestId('concepts-panel').waitFor({ state: 'detached' });
  assertNoProblems(problems);
  await page.close();
});

test('the last experiment persists; damaged links and storage fall back with a notice', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('fraud-time-is-money');
  await waitSettled(page);
  const seed = page.getByTestId('field-seed');
  await seed.fill('7');
  await seed.press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=seed]').innerText === '7');

  // A fresh visit of the bare address restores it from localStorage.
  const { page: again, problems: againProblems } = await openPage(browser.context);
  await gotoApp(again, '/');
  assert.equal(await again.getByTestId('seed').innerText(), '7');
  assert.match(await again.getByTestId('panel-batch').innerText(), /Busiest cards|Cartões mais ativos/);

  // A tampered link: defaults and a visible notice, never a blank page.
  await gotoApp(again, '/?reload#c=eyJzZWVkIjoidGFtcGVyZWQifQ&t=5');
  await again.getByTestId('notice').waitFor();
  assert.equal(await again.getByTestId('preset').inputValue(), 'sales-daily-vs-live');

  // A damaged saved experiment: the same.
  await again.evaluate(() => localStorage.setItem('bslab.config', '{"batch": {"workers": "many"}'));
  await gotoApp(again, '/');
  await again.getByTestId('notice').waitFor();
  assert.equal(await again.getByTestId('preset').inputValue(), 'sales-daily-vs-live');
  assertNoProblems(problems);
  assertNoProblems(againProblems);
  await again.close();
  await page.close();
});

test('Export for Spark downloads a zip; an unexportable experiment says why', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('late-data-watermark');
  await waitSettled(page);
  const duration = page.getByTestId('field-duration_ms');
  await duration.fill('10 min');
  await duration.press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.duration === '600000');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export').click(),
  ]);
  assert.match(download.suggestedFilename(), /\.zip$/);
  await page.getByTestId('export-status').filter({ hasText: /\.zip/ }).waitFor();

  await page.getByTestId('preset').selectOption('queue-mm1');
  await page.getByTestId('export').click();
  await page.getByTestId('export-status').filter({ hasText: /micro-batch/ }).waitFor();
  assertNoProblems(problems);
  await page.close();
});
