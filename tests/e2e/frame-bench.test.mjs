// Frame budget benchmark: the busiest preset (two days of sales, ~5 million events) at the
// fastest speed, on a 1920×1080 page. Records the time between animation frames
// (requestAnimationFrame timestamps, i.e. what a viewer sees) from Play to the end of the
// run (or its first MAX_SECONDS), and prints p50/p95/p99/max. Writes target/frame-bench.json. It never asserts on
// timing (machines differ); docs/performance.md ("## Browser") quotes a run.
// A second test measures the time from navigation to the first chart on screen, with the
// page's wasm size and the files the first chart waited for, in each language, and prints one
// `first-chart:` JSON line each (target/first-chart-<lang>.json).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openPage, assertNoProblems, gotoApp, setMaxSpeed, waitSettled, LOCALES, REPO_ROOT } from './helpers.mjs';

const PRESET = 'batch-late-but-cheap';
const MAX_SECONDS = 60;

let browser;
after(async () => {
  await browser?.close();
});

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

test(`frame times at the fastest speed, preset ${PRESET}`, async () => {
  browser = await launch({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption(PRESET);
  await waitSettled(page);
  await setMaxSpeed(page);

  await page.evaluate(() => {
    window.__bench = { deltas: [], long: 0, stop: false };
    let last = null;
    const loop = (t) => {
      if (last !== null) window.__bench.deltas.push(t - last);
      last = t;
      if (!window.__bench.stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    try {
      new PerformanceObserver((list) => { window.__bench.long += list.getEntries().length; })
        .observe({ type: 'long-animation-frame' });
    } catch { /* not supported: the count stays 0 */ }
  });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  const start = Date.now();
  await page.getByTestId('play').click();
  // A benchmark, not a timed test: on a slow or busy machine it measures the first
  // MAX_SECONDS of the run, pauses, and says how much of the run it saw.
  const finished = await page.waitForFunction(
    () => document.querySelector('[data-testid=run-state]')?.dataset.state === 'finished',
    null,
    { timeout: MAX_SECONDS * 1000, polling: 250 },
  ).then(() => true, () => false);
  const wallSeconds = (Date.now() - start) / 1000;
  if (!finished) await page.getByTestId('play').click();
  const bench = await page.evaluate(() => {
    window.__bench.stop = true;
    return window.__bench;
  });
  const m1 = await metrics();
  const deltas = bench.deltas.slice(2).sort((a, b) => a - b);
  assert.ok(deltas.length > 10, 'enough frames to measure');
  const simulated = Number(await page.getByTestId('run-state').getAttribute(finished ? 'data-duration' : 'data-t'));
  const result = {
    preset: PRESET,
    viewport: '1920x1080',
    speed: 'max',
    frames: deltas.length,
    frame_ms: {
      p50: +percentile(deltas, 50).toFixed(2),
      p95: +percentile(deltas, 95).toFixed(2),
      p99: +percentile(deltas, 99).toFixed(2),
      max: +deltas[deltas.length - 1].toFixed(2),
    },
    frames_over_16_7_ms: deltas.filter((d) => d > 16.7 * 1.1).length,
    // Main-thread work (wasm + JS + style + layout + paint) per frame, on average.
    main_thread_ms_per_frame: +(((m1.TaskDuration - m0.TaskDuration) * 1000) / (deltas.length + 2)).toFixed(2),
    script_ms_per_frame: +(((m1.ScriptDuration - m0.ScriptDuration) * 1000) / (deltas.length + 2)).toFixed(2),
    long_animation_frames: bench.long,
    wall_seconds: +wallSeconds.toFixed(2),
    finished,
    simulated_days_per_second: +((simulated / 86_400_000) / wallSeconds).toFixed(3),
    generated_events: Number((await page.getByTestId('batch-source').innerText()).replace(/\D/g, '')),
    date: new Date().toISOString(),
  };
  console.log(`frame-bench: ${JSON.stringify(result)}`);
  mkdirSync(join(REPO_ROOT, 'target'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'target', 'frame-bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  assertNoProblems(problems);
  await page.close();
});

// Time from navigation start to the first chart drawn (a `figure.chart` with its plot), read
// in the page by a MutationObserver installed before any script runs; the HTTP cache is off,
// so each load fetches and compiles the wasm again (from 127.0.0.1: no network time). In each
// language the page also waits for its strings' small wasm (src/bin/locale-<code>.rs: the
// page's own carries no language's), never for the other language's, and never for the lazy
// module (src/bin/sweep-view.rs).
for (const [lang, locale] of LOCALES) {
  test(`first chart on screen after navigation, and the wasm size (${lang})`, async () => {
    const LOADS = 5;
    const local = await launch({ viewport: { width: 1920, height: 1080 }, locale });
    try {
      const { page, problems } = await openPage(local.context);
      const cdp = await local.context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('figure.chart svg')) {
            window.__firstChartMs = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const times = [];
      for (let i = 0; i < LOADS; i++) {
        await gotoApp(page);
        await page.waitForFunction(() => window.__firstChartMs !== undefined);
        times.push(await page.evaluate(() => window.__firstChartMs));
      }
      // The last load's wasm and script files: when each was asked for and had arrived.
      const resources = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => /\.(wasm|js)$/.test(e.name))
        .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })));
      const named = (re) => resources.find((r) => re.test(r.name));
      const pageWasm = named(/batch-stream-lab-[^/]*_bg\.wasm$/);
      assert.ok(pageWasm, 'the page loaded its wasm');
      const tables = named(new RegExp(`locale-${lang}_bg\\.wasm$`));
      assert.ok(tables, `a page opening in ${locale} loads its strings' wasm`);
      assert.ok(tables.end <= times[LOADS - 1], 'the strings arrived before the first chart');
      const others = resources.filter((r) => /locale-[a-z]+_bg\.wasm$/.test(r.name) && r !== tables);
      assert.deepEqual(others.map((r) => r.name), [], `a page in ${locale} fetches no other language's strings`);
      // The lazy module is asked for once the first picture is drawn, never beside the page's
      // wasm (a page in Portuguese once waited for it before its first chart).
      const lazy = named(/sweep-view(_bg\.wasm|\.js)$/);
      assert.ok(!lazy || lazy.start >= pageWasm.end, `the lazy module was asked for at ${lazy?.start} ms`);
      const gzipped = (bytes) => execFileSync('gzip', ['-9', '-c'], { input: bytes, maxBuffer: 1 << 26 }).length;
      // What the first chart waited for: the files that had arrived by then, raw and `gzip -9`.
      const before = [];
      for (const r of resources.filter((r) => r.end <= times[LOADS - 1])) {
        const bytes = Buffer.from(await (await fetch(r.name)).arrayBuffer());
        before.push({ file: new URL(r.name).pathname.slice(1), bytes: bytes.length, gzip_bytes: gzipped(bytes) });
      }
      const wasm = Buffer.from(await (await fetch(pageWasm.name)).arrayBuffer());
      times.sort((a, b) => a - b);
      const result = {
        lang,
        viewport: '1920x1080',
        loads: LOADS,
        first_chart_ms: { median: +percentile(times, 50).toFixed(1), min: +times[0].toFixed(1), max: +times[LOADS - 1].toFixed(1) },
        wasm_bytes: wasm.length,
        // `gzip -9`, as the build-release stage measures it (Node's zlib gives other sizes).
        wasm_gzip_bytes: gzipped(wasm),
        before_first_chart: before,
        before_first_chart_gzip_bytes: before.reduce((sum, f) => sum + f.gzip_bytes, 0),
        date: new Date().toISOString(),
      };
      console.log(`first-chart: ${JSON.stringify(result)}`);
      mkdirSync(join(REPO_ROOT, 'target'), { recursive: true });
      writeFileSync(join(REPO_ROOT, 'target', `first-chart-${lang}.json`), `${JSON.stringify(result, null, 2)}\n`);
      assertNoProblems(problems);
    } finally {
      await local.close();
    }
  });
}
