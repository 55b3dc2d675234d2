// Frame benchmark of the event-time picture: the densest picture (preset
// batch-late-but-cheap: 4 hours of arrivals in view, thinned to 100,000 marks) on a
// 1920×1080 page with the picture on screen, played at the fastest speed for
// BENCH_SECONDS. Main-thread work per frame comes from a DevTools trace: the top-level
// tasks of the page's main thread, summed between two animation frames. Prints one
// `event-time-bench:` JSON line (p50/p95/p99/max) and writes
// target/event-time-bench.json; it never asserts on timing (machines differ).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, assertNoProblems, gotoApp, setMaxSpeed, waitSettled, REPO_ROOT } from './helpers.mjs';

const PRESET = 'batch-late-but-cheap';
const BENCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

let browser;
after(async () => {
  await browser?.close();
});

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Main-thread work (ms) of each animation frame in a trace. */
function workPerFrame(events) {
  const frames = new Map();
  for (const e of events) {
    if (e.name === 'FireAnimationFrame') {
      const key = `${e.pid}:${e.tid}`;
      frames.set(key, [...(frames.get(key) ?? []), e.ts]);
    }
  }
  const [main, starts] = [...frames.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  assert.ok(main, 'animation frames in the trace');
  // Several rAF callbacks run in one frame: a new frame starts after a gap of 4 ms.
  const frameStarts = starts.sort((a, b) => a - b).filter((ts, i, all) => i === 0 || ts - all[i - 1] > 4_000);
  const work = new Array(frameStarts.length).fill(0);
  for (const e of events) {
    // A top-level task of the main thread (its name differs between Chromium versions).
    const task = e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
    if (!task || e.ph !== 'X' || `${e.pid}:${e.tid}` !== main) continue;
    let lo = 0;
    let hi = frameStarts.length - 1;
    if (e.ts < frameStarts[0]) continue;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (frameStarts[mid] <= e.ts) lo = mid; else hi = mid - 1;
    }
    work[lo] += (e.dur ?? 0) / 1000;
  }
  return work.slice(2, -1);
}

test(`event-time picture frame work at the fastest speed, preset ${PRESET}`, async () => {
  browser = await launch({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption(PRESET);
  await waitSettled(page);
  await setMaxSpeed(page);
  await page.getByTestId('event-time').scrollIntoViewIfNeeded();

  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await page.getByTestId('play').click();
  await page.waitForTimeout(BENCH_SECONDS * 1000);
  await page.getByTestId('play').click();
  await cdp.send('Tracing.end');
  await complete;

  if (process.env.BENCH_DEBUG) {
    const names = {};
    for (const e of events) names[`${e.name}|${e.ph}|${e.cat}`] = (names[`${e.name}|${e.ph}|${e.cat}`] ?? 0) + 1;
    console.log(Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 30));
  }
  const work = workPerFrame(events).sort((a, b) => a - b);
  assert.ok(work.length > 10, 'enough frames to measure');
  const counts = page.getByTestId('picture-counts');
  const result = {
    preset: PRESET,
    viewport: '1920x1080',
    speed: 'max',
    seconds: BENCH_SECONDS,
    frames: work.length,
    frames_per_second: +(work.length / BENCH_SECONDS).toFixed(1),
    main_thread_ms_per_frame: {
      p50: +percentile(work, 50).toFixed(2),
      p95: +percentile(work, 95).toFixed(2),
      p99: +percentile(work, 99).toFixed(2),
      max: +work[work.length - 1].toFixed(2),
    },
    marks_drawn: Number(await counts.getAttribute('data-drawn')),
    arrived_in_view: Number(await counts.getAttribute('data-arrived')),
    simulated_t_ms: Number(await page.getByTestId('run-state').getAttribute('data-t')),
    date: new Date().toISOString(),
  };
  console.log(`event-time-bench: ${JSON.stringify(result)}`);
  mkdirSync(join(REPO_ROOT, 'target'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'target', 'event-time-bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  assertNoProblems(problems);
  await page.close();
});
