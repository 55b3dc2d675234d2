// The sweep view (Varredura): 20 values of the default preset's trigger interval computed in
// the worker while the page keeps drawing frames (the longest frame printed, not asserted; the
// DOM nodes each arriving point adds, asserted: a point is added, not the charts redrawn), every point equal to
// `bslab sweep` for the same values, a point opening its run, cancel stopping the worker,
// and screenshots at 1024×768 and 1920×1080 in both languages (looked at by people).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { launch, openPage, assertNoProblems, gotoApp, hashConfig, tinyTextIn, waitSettled, REPO_ROOT, SCREENSHOTS, trackedBrowsers, LOCALES, pageHash } from './helpers.mjs';

const browsers = trackedBrowsers();

const sweepState = (page) => page.getByTestId('sweep').getAttribute('data-state');
const waitSweep = (page, state, timeout = 180_000) => page.waitForFunction(
  (state) => document.querySelector('[data-testid=sweep]')?.dataset.state === state, state, { timeout, polling: 100 });

/** `bslab sweep` of `config` at `values`, as CSV rows keyed by column name. */
function cliSweep(config, param, values) {
  const dir = mkdtempSync(join(tmpdir(), 'bslab-sweep-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const csv = join(dir, 'sweep.csv');
  const cli = spawnSync('cargo', ['run', '--release', '-q', '-p', 'bslab-cli', '--', 'sweep', '--config', file,
    '--param', param, '--values', values.join(','), '--csv', csv], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n').map((l) => l.split(','));
  rmSync(dir, { recursive: true, force: true });
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/**
 * Counts the DOM work of each render of the sweep view from now on (a MutationObserver on its
 * host): the points drawn after it, the elements it added and removed, the attributes it set.
 */
const watchRenders = (page) => page.evaluate(() => {
  const host = document.getElementById('sweep-host');
  // Each element once, with what it holds (Yew adds an element, then each of its children).
  const elements = (records, which) => {
    const seen = new Set();
    for (const r of records) {
      for (const n of r[which]) {
        if (n.nodeType === 1) [n, ...n.querySelectorAll('*')].forEach((e) => seen.add(e));
      }
    }
    return [...seen];
  };
  const ofPoint = (e) => e.closest('[data-testid=sweep-point], [data-testid=sweep-pick]') !== null;
  window.__renders = [];
  new MutationObserver((records) => {
    const added = elements(records, 'addedNodes');
    window.__renders.push({
      at: performance.now(),
      points: host.querySelectorAll('[data-metric=cost] [data-testid=sweep-pick]').length,
      added: added.length,
      other: added.filter((e) => !ofPoint(e)).length,
      removed: elements(records, 'removedNodes').length,
      attributes: records.filter((r) => r.type === 'attributes').length,
    });
  }).observe(host, { childList: true, subtree: true, attributes: true });
});

/** Every drawn point of the sweep's charts: {metric: {pipeline: [[x, y]…]}}. */
const drawnPoints = (page) => page.evaluate(() => {
  const out = {};
  for (const chart of document.querySelectorAll('.sweep-chart')) {
    const metric = chart.dataset.metric;
    out[metric] = {};
    for (const g of chart.querySelectorAll('[data-pipeline]')) {
      out[metric][g.dataset.pipeline] = [...g.querySelectorAll('[data-testid=sweep-point]')]
        .map((p) => [Number(p.dataset.x), Number(p.dataset.y)]);
    }
  }
  return out;
});

test('a sweep of 20 values: responsive page, points equal bslab sweep, a point opens its run', async () => {
  const browser = await launch({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  browsers.push(browser);
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await waitSettled(page);
  const config = hashConfig(await pageHash(page));
  await page.getByTestId('sweep').scrollIntoViewIfNeeded();
  assert.equal(await page.getByTestId('sweep-count').inputValue(), '20');
  // The view is a second Yew app, from its own wasm: Yew hands an event to the app whose id
  // it finds nearest the target, so the view's id must not be the page's (both count from 1).
  const ids = await page.evaluate(() => [document.getElementById('sweep-host').__yew_subtree_id,
    document.body.__yew_subtree_id]);
  assert.ok(ids[0] !== undefined && ids[0] !== ids[1], `the view's app id ${ids[0]}, the page's ${ids[1]}`);
  // Frame gaps (requestAnimationFrame deltas: what a viewer sees) and the page's main-thread
  // work (CDP TaskDuration), first on the idle page, then during the sweep.
  await page.evaluate(() => {
    window.__frames = { deltas: [], ends: [], stop: false };
    let last = null;
    const loop = (t) => {
      if (last !== null) {
        window.__frames.deltas.push(t - last);
        window.__frames.ends.push(t);
      }
      last = t;
      if (!window.__frames.stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  await page.waitForTimeout(2_000);
  const idle = await page.evaluate(() => (window.__frames.ends.splice(0), window.__frames.deltas.splice(0).slice(1)));
  await watchRenders(page);
  const [busy0, start, clickAt] = [await busy(), Date.now(), await page.evaluate(() => performance.now())];
  await page.getByTestId('sweep-run').click();
  await waitSweep(page, 'done');
  const [busy1, wall] = [await busy(), (Date.now() - start) / 1000];
  // A click in the view is the view's only: the page's experiment is as it was.
  assert.deepEqual(hashConfig(await pageHash(page)), config, 'the page kept its experiment');
  const [deltas, ends] = await page.evaluate(() => {
    window.__frames.stop = true;
    return [window.__frames.deltas, window.__frames.ends];
  });
  const worstIdle = Math.max(...idle);
  const sorted = deltas.slice(1).sort((x, y) => x - y);
  const [median, worst] = [sorted[Math.floor(sorted.length / 2)], sorted[sorted.length - 1]];
  const share = (busy1 - busy0) / wall;
  const load = loadavg()[0] / cpus().length;
  console.log(`sweep: ${wall.toFixed(1)} s, ${deltas.length} frames, median ${median.toFixed(1)} ms, longest ` +
    `${worst.toFixed(1)} ms (idle page before: longest ${worstIdle.toFixed(1)} ms); page main thread busy ` +
    `${(100 * share).toFixed(1)} % of the time; load average ${load.toFixed(1)} per core`);
  // The runs are in the worker: the page kept drawing all along (a sweep on the page's own
  // thread would freeze it for each whole run, hundreds of ms, twenty times).
  assert.ok(deltas.length >= 15 * wall, `at least 15 frames a second (${deltas.length} in ${wall.toFixed(1)} s)`);
  assert.ok(median <= 50, `median frame ${median.toFixed(1)} ms`);
  // The longest frame is reported, not asserted (a timed assertion fails on a busy machine,
  // and passes or fails by the machine, not by the code): docs/performance.md keeps the
  // figures against issue 16's 50 ms.
  console.log(`sweep: longest frame ${worst.toFixed(1)} ms, ${worst <= 50 ? 'within' : 'over'} 50 ms ` +
    `(load ${load.toFixed(1)} per core; idle page ${worstIdle.toFixed(1)} ms)`);
  // When the longest frames ended, from the click, and the view's renders within them: a long
  // frame at the click, at a point's arrival or at neither (the machine's other work).
  const rendered = await page.evaluate(() => window.__renders.map((r) => [r.at, r.points]));
  const longest = deltas.map((d, i) => [d, ends[i]]).sort((x, y) => y[0] - x[0]).slice(0, 5);
  console.log(`sweep: longest frames (length ms @ end ms after the click: renders in it as points drawn) ${
    longest.map(([d, end]) => `${d.toFixed(1)} @ ${(end - clickAt).toFixed(0)}: [${
      rendered.filter(([at]) => at > end - d && at <= end).map(([, n]) => n).join(',')}]`).join('; ')}`);

  // Each arriving point adds its own elements (per chart two markers, each in its group, and
  // a button with its title) and re-makes none drawn before it: the x axis is the plan's from
  // the click, each list keyed in an element of its own. Anything else a render adds or
  // removes is a y axis' ticks, re-made when a point falls outside its round range. Counted
  // per render, whatever the machine's load (a render may bring several points: those that
  // came within one frame). Before this, each point re-made most of the four charts: 72
  // elements added at the 2nd point, 288 at the 20th (docs/performance.md).
  const renders = await page.evaluate(() => window.__renders);
  let drawn0 = 0;
  const perPoint = [];
  for (const r of renders) {
    if (drawn0 > 0 && r.points > drawn0) perPoint.push({ ...r, fresh: r.points - drawn0 });
    if (r.points > 0) drawn0 = Math.max(drawn0, r.points);
  }
  console.log(`sweep: DOM per arriving point (after the first): ${perPoint.map((r) =>
    `${r.points}:+${r.added}/-${r.removed}/${r.attributes} attributes`).join(' ')}`);
  assert.ok(perPoint.length > 0, 'points arrived after the first');
  // Four charts: a point's two markers (a group and its shape) and its button (a rect and its
  // title); a y axis of at most 11 ticks (a log time axis from 1 ms to 10 days), each a group,
  // its grid line and its label.
  const [pointElements, axisElements] = [4 * (2 * 2 + 2), 4 * 11 * 3];
  for (const r of perPoint) {
    assert.ok(r.added - r.other <= pointElements * r.fresh, `a point's own elements only: ${JSON.stringify(r)}`);
    assert.ok(r.other <= axisElements && r.removed <= axisElements, `only ticks re-made: ${JSON.stringify(r)}`);
  }

  const param = await page.getByTestId('sweep').getAttribute('data-param');
  assert.equal(param, 'streaming.mode.trigger_ms');
  const values = (await page.getByTestId('sweep').getAttribute('data-values')).split(',').map(Number);
  assert.equal(values.length, 20);
  const current = config.streaming.mode.trigger_ms;
  assert.ok(values[0] < current && current < values[19], `${current} inside ${values}`);
  const rows = cliSweep(config, param, values);
  const drawn = await drawnPoints(page);
  const column = { freshness: 'freshness_ms_mean', latency: 'latency_p99_ms', cost: 'provisioned_worker_s', completeness: 'completeness' };
  for (const [metric, name] of Object.entries(column)) {
    for (const pipeline of ['batch', 'streaming']) {
      const expected = rows.map((r) => [Number(r[param]),
        metric === 'completeness' ? 100 * Number(r[`${pipeline}_${name}`]) : Number(r[`${pipeline}_${name}`])]);
      assert.deepEqual(drawn[metric][pipeline], expected, `${metric} of ${pipeline}`);
    }
  }
  // Freshness follows the trigger interval: the frontier is not flat.
  const fresh = drawn.freshness.streaming.map(([, y]) => y);
  assert.ok(fresh[19] > 4 * fresh[0], `streaming freshness grows with the trigger (${fresh[0]} → ${fresh[19]})`);

  // Enter on a point opens its run: the address holds the new trigger, the run is at its end.
  const pick = page.getByTestId('sweep-chart-freshness').getByTestId('sweep-pick').nth(3);
  await pick.focus();
  await page.keyboard.press('Enter');
  const trigger = async () => hashConfig(await pageHash(page)).streaming.mode.trigger_ms;
  for (let i = 0; i < 100 && (await trigger()) !== values[3]; i++) await page.waitForTimeout(100);
  assert.equal(await trigger(), values[3], 'the run of the picked point is open');
  await waitSettled(page);
  assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'finished');
  assert.equal(await sweepState(page), 'done', 'the points stay after opening one');
  assertNoProblems(problems);
  await page.close();
});

test('cancel stops the worker: no point arrives after it', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  browsers.push(browser);
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('sweep-count').fill('30');
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-point').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('sweep-cancel').click();
  assert.equal(await sweepState(page), 'cancelled');
  const count = await page.getByTestId('sweep-chart-cost').getByTestId('sweep-point').count();
  await page.waitForTimeout(3_000);
  assert.equal(await page.getByTestId('sweep-chart-cost').getByTestId('sweep-point').count(), count);
  assert.ok(count < 2 * 30, `stopped early (${count / 2} of 30)`);
  // A refused range is said in the page's language, naming the field and the value.
  await page.getByTestId('sweep-knob').selectOption('batch.workers');
  await page.getByTestId('sweep-to').fill('5000');
  await page.getByTestId('sweep-run').click();
  const error = await page.getByTestId('sweep-error').textContent();
  assert.match(error, /5,000/);
  assertNoProblems(problems);
  await page.close();
});

test('a range typed as soon as the view shows is kept; another knob shows its own range', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  browsers.push(browser);
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  // Typed before the page has settled: no effect of an earlier render may reset it.
  await page.getByTestId('sweep-from').fill('2 s');
  await page.getByTestId('sweep-to').fill('9 s');
  await waitSettled(page);
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('sweep-from').inputValue(), '2 s');
  assert.equal(await page.getByTestId('sweep-to').inputValue(), '9 s');
  // Another knob: its own default range, not the text typed for the trigger.
  await page.getByTestId('sweep-knob').selectOption('batch.workers');
  assert.notEqual(await page.getByTestId('sweep-from').inputValue(), '2 s');
  assertNoProblems(problems);
  await page.close();
});

for (const [lang, locale] of LOCALES) {
  test(`sweep view in ${locale}: readable at 1024×768 and 1920×1080 (screenshots)`, async () => {
    const browser = await launch({ viewport: { width: 1024, height: 768 }, locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    await gotoApp(page);
    await page.getByTestId('sweep-run').click();
    await waitSweep(page, 'done');
    for (const [width, height] of [[1024, 768], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(150);
      await page.getByTestId('sweep').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      assert.deepEqual(await tinyTextIn(page, '[data-testid=sweep]'), [], `${width}×${height}: nothing under 16 px`);
      await page.screenshot({ path: join(SCREENSHOTS, `sweep-${width}x${height}-${lang}.png`) });
    }
    assertNoProblems(problems);
    await page.close();
  });
}
