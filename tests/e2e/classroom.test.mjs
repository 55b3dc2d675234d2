// End-to-end: what a class sees must be true (issue 10, items 4–7, 9 and 10). Numbers are
// read in the page's language; at 1024×768 both pipelines and their charts are on the first
// screen, the parameter panel is a closed drawer, nothing is under 16 px; Step goes to the
// next meaningful moment; "spike now" raises the backlog; every notice and refusal is a
// sentence in the page's language; a download's object URL outlives the click.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  launch, openPage, assertNoProblems, gotoApp, waitSettled, hashConfig, SCREENSHOTS, tinyTextIn,
  trackedBrowsers, LOCALES, pageHash,
} from './helpers.mjs';

const browsers = trackedBrowsers();
async function browserFor(locale, viewport = { width: 1366, height: 768 }) {
  const b = await launch({ viewport, locale });
  browsers.push(b);
  return b;
}

/** The experiment in the address bar, as an object. */
const addressConfig = async (page) => hashConfig(await page.evaluate(() => location.hash));
const runState = (page) => page.getByTestId('run-state');
const now = async (page) => Number(await runState(page).getAttribute('data-t'));

/** Types `text` into a parameter field and leaves it (the value is applied or refused). */
async function type(page, path, text) {
  const field = page.getByTestId(`field-${path}`);
  await field.fill(text);
  await field.press('Tab');
}

// English words that must never be in a Portuguese notice or refusal (parser words included).
const ENGLISH = /\b(the|is|not|allowed|must|range|while|parsing|line|column|string|EOF|invalid|type|expected|out|more than|at most|at least)\b/i;

test('numbers are read and shown in the page language; what it cannot mean is refused', async () => {
  const pt = await browserFor('pt-BR');
  const { page, problems } = await openPage(pt.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('sales-daily-vs-live');
  await waitSettled(page);
  const amount = 'scenario.mean_amount_cents';
  await type(page, amount, '5.000');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-scenario.mean_amount_cents"]').value === '5.000');
  assert.equal((await addressConfig(page)).scenario.mean_amount_cents, 5000, 'pt-BR 5.000 is five thousand');
  await type(page, amount, '8.000');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-scenario.mean_amount_cents"]').value === '8.000');
  assert.equal((await addressConfig(page)).scenario.mean_amount_cents, 8000, 'pt-BR 8.000 is eight thousand');

  // Decimals with a comma, shown back with a comma; a point where a comma is meant is refused.
  await type(page, 'workload.rate_eps', '2,5');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-workload.rate_eps"]').value === '2,5');
  assert.equal((await addressConfig(page)).workload.rate_eps, 2.5);
  await type(page, 'workload.rate_eps', '2.5');
  const refused = await page.getByTestId('error-workload.rate_eps').innerText();
  assert.match(refused, /Taxa de chegada: “2\.5” não é um número escrito em português.*não aplicado/s);
  assert.doesNotMatch(refused, ENGLISH);
  assert.equal((await addressConfig(page)).workload.rate_eps, 2.5, 'nothing applied');

  // The English page shows the applied values the English way and reads `8.000` the
  // English way (eight), never as eight thousand.
  await page.getByTestId('lang').click();
  await page.getByTestId('play').filter({ hasText: 'Play' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="field-workload.rate_eps"]').value === '2.5');
  assert.equal(await page.getByTestId('field-scenario.mean_amount_cents').inputValue(), '8,000');
  await type(page, amount, '8.000');
  await page.waitForFunction(() => document.querySelector('[data-testid="field-scenario.mean_amount_cents"]').value === '8');
  assert.equal((await addressConfig(page)).scenario.mean_amount_cents, 8);
  assertNoProblems(problems);
  await page.close();
});


// Layout on a 1024×768 projector, and screenshots of the presets (looked at by people).
const SHOTS = ['sales-daily-vs-live', 'streaming-falls-behind', 'queue-mm1'];
for (const [lang, locale] of LOCALES) {
  test(`1024×768 in ${locale}: both pipelines and their first charts on the first screen, nothing under 16 px`, async () => {
    const b = await browserFor(locale, { width: 1024, height: 768 });
    const { page, problems } = await openPage(b.context);
    for (const preset of SHOTS) {
      await page.setViewportSize({ width: 1024, height: 768 });
      await gotoApp(page, `/?${preset}`);
      await page.getByTestId('preset').selectOption(preset);
      await waitSettled(page);
      const duration = Number(await runState(page).getAttribute('data-duration'));
      const hash = await pageHash(page);
      await gotoApp(page, `/?${preset}-at${hash}&t=${Math.round(duration * 0.7)}`);
      await waitSettled(page);
      assert.equal(await page.locator('aside.params').count(), 0, 'the parameter panel starts closed');
      const box = async (id) => page.getByTestId(id).boundingBox();
      const [batch, streaming] = [await box('panel-batch'), await box('panel-streaming')];
      assert.ok(Math.abs(batch.y - streaming.y) < 2 && batch.x + batch.width <= streaming.x, `${preset}: side by side`);
      assert.ok(streaming.x + streaming.width <= 1024, `${preset}: streaming fits the width`);
      const header = await page.locator('.top').boundingBox();
      assert.ok(header.height <= 768 * 0.2, `${preset}: compact header (${header.height} px)`);
      for (const chart of ['chart-latency', 'chart-throughput']) {
        const c = await box(chart);
        assert.ok(c.y + c.height / 2 <= 768, `${preset}: ${chart} on the first screen (top ${c.y}, height ${c.height})`);
      }
      assert.deepEqual(await tinyTextIn(page, 'body'), [], `${preset} 1024×768: nothing under 16 px`);
      await page.screenshot({ path: join(SCREENSHOTS, `${preset}-1024x768-${lang}.png`) });
      // The drawer opens over the page and closes again.
      await page.getByTestId('params-toggle').click();
      await page.getByTestId('params-close').click();
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.waitForTimeout(150);
      assert.deepEqual(await tinyTextIn(page, 'body'), [], `${preset} 1920×1080: nothing under 16 px`);
      await page.screenshot({ path: join(SCREENSHOTS, `${preset}-1920x1080-${lang}.png`) });
    }
    assertNoProblems(problems);
    await page.close();
  });
}

test('Step goes to the next meaningful moment and says what happened; Shift+Step to the next arrival', async () => {
  const en = await browserFor('en-US');
  const { page, problems } = await openPage(en.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('sales-daily-vs-live');
  await waitSettled(page);
  const trigger = (await addressConfig(page)).streaming.mode.trigger_ms;
  await page.getByTestId('step').click();
  await page.waitForFunction((t) => document.querySelector('[data-testid=run-state]').dataset.t === String(t), trigger);
  assert.match(await page.getByTestId('stepped').innerText(), /Micro-batch triggered/);
  assert.match(await page.getByTestId('clock').innerText(), /00:00:05/);

  await page.getByTestId('step').click({ modifiers: ['Shift'] });
  await page.getByTestId('stepped').filter({ hasText: 'An event arrived' }).waitFor();
  const t = await now(page);
  assert.ok(t > trigger && t < 2 * trigger, `one arrival later (${t} ms)`);

  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  await page.waitForFunction((t0) => Number(document.querySelector('[data-testid=run-state]').dataset.t) > t0, t);
  assert.match(await page.getByTestId('stepped').innerText(), /Micro-batch|window|Batch job/);
  assertNoProblems(problems);
  await page.close();
});

test('spike now adds a load spike at the current instant and the streaming backlog rises', async () => {
  const en = await browserFor('en-US');
  const { page, problems } = await openPage(en.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('sales-daily-vs-live');
  await waitSettled(page);
  assert.equal((await addressConfig(page)).workload.bursts.length, 0, 'the sales preset has no spike');
  const plain = await pageHash(page);
  await page.getByTestId('step').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.t !== '0');
  const t = await now(page);
  await page.getByTestId('spike-now').click();
  let bursts = [];
  for (let i = 0; i < 50 && bursts.length === 0; i++) {
    bursts = (await addressConfig(page)).workload.bursts;
    if (bursts.length === 0) await page.waitForTimeout(100);
  }
  assert.equal(bursts.length, 1);
  assert.equal(bursts[0].start_ms, t, 'the spike starts now');
  const spiked = await pageHash(page);

  // Same instant, with and without the spike: the largest streaming backlog.
  const backlogAt = async (hash) => {
    await gotoApp(page, `/?${Math.random()}${hash}&t=${t + 240000}`);
    await waitSettled(page);
    const row = page.getByTestId('summary').locator('tr', { hasText: 'Largest backlog' });
    return Number((await row.locator('td').last().innerText()).replace(/\D/g, ''));
  };
  const without = await backlogAt(plain);
  const withSpike = await backlogAt(spiked);
  assert.ok(withSpike > 2 * without, `backlog with the spike ${withSpike} > 2 × ${without}`);

  // Spikes can be removed in the parameter panel.
  await page.getByTestId('remove-spike-0').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=remove-spike-0]'));
  assert.equal((await addressConfig(page)).workload.bursts.length, 0);
  assertNoProblems(problems);
  await page.close();
});

test('notices and refusals are sentences in the page language naming field, value and rule', async () => {
  const pt = await browserFor('pt-BR');
  const { page, problems } = await openPage(pt.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('sales-daily-vs-live');
  await waitSettled(page);
  const good = await pageHash(page);

  for (const [path, text, expected] of [
    ['workload.rate_eps', '0', /^⚠ Taxa de chegada: 0 não é permitido: precisa ser maior que 0 e no máximo 1\.000\.000 eventos por segundo\./],
    ['seed', '-1', /Semente: -1 não é permitido: a semente é um número inteiro de 0 a 18\.446\.744\.073\.709\.551\.615/],
    ['duration_ms', '100 d', /^⚠ Amostrar a cada: /],
  ]) {
    await type(page, path, text);
    const shown = await page.getByTestId(`error-${path}`).innerText();
    assert.match(shown, expected);
    assert.doesNotMatch(shown, ENGLISH, shown);
    assert.doesNotMatch(shown, /duration_ms|\//, shown);
  }

  // An unknown link parameter is ignored (the experiment is kept) and said.
  await gotoApp(page, `/?extra${good}&utm_source=aula`);
  const ignored = await page.getByTestId('notice').innerText();
  assert.match(ignored, /utm_source/);
  assert.doesNotMatch(ignored, ENGLISH, ignored);
  assert.equal(await page.getByTestId('preset').inputValue(), 'sales-daily-vs-live');

  // An instant past the end opens at the end, and says so.
  await gotoApp(page, `/?late${good}&t=999999999`);
  await waitSettled(page);
  assert.equal(await runState(page).getAttribute('data-t'), await runState(page).getAttribute('data-duration'));
  assert.match(await page.getByTestId('notice').innerText(), /depois do fim/);

  // A damaged link: a plain sentence, no parser words, in Portuguese.
  await gotoApp(page, '/?cut#c=eyJzZWVkIjo');
  const damaged = await page.getByTestId('notice').innerText();
  assert.match(damaged, /experimento padrão/);
  assert.doesNotMatch(damaged, ENGLISH, damaged);
  assertNoProblems(problems);
  await page.close();
});

test('the download link of the Spark export still works after the click', async () => {
  const en = await browserFor('en-US');
  const { page, problems } = await openPage(en.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('late-data-watermark');
  await waitSettled(page);
  await type(page, 'duration_ms', '10 min');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.duration === '600000');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  await page.waitForTimeout(500);
  const readable = await page.evaluate(async (url) => (await fetch(url)).ok, download.url());
  assert.ok(readable, 'the object URL is not revoked right after the click');
  assertNoProblems(problems);
  await page.close();
});
