// What a class sees must be true: the hover read-out is at the pointer's instant on
// every chart at every width; the streaming process rate never exceeds its capacity
// line, and the overload is shaded and named; the latency chart is not blank while
// nothing is published (the oldest waiting event is drawn); the queueing panel shows
// exactly what `bslab run` prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  sharedBrowser, openPage, assertNoProblems, gotoApp, setMaxSpeed, waitFinished, waitSettled, REPO_ROOT,
} from './helpers.mjs';

const browser = sharedBrowser({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });

const CHARTS = ['latency', 'throughput', 'backlog', 'freshness', 'completeness', 'cost'];

/** Plays `preset` to its end at the fastest speed. */
async function playToEnd(page, preset) {
  await page.getByTestId('preset').selectOption(preset);
  await waitSettled(page);
  await setMaxSpeed(page);
  await page.getByTestId('play').click();
  await waitFinished(page);
  await waitSettled(page);
}

/** The (x, y) points of a series' path, in the chart's units. */
async function points(page, chart, series) {
  const d = await page.locator(`[data-testid=chart-${chart}] path[data-series="${series}"]`).getAttribute('d');
  return [...(d ?? '').matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** `t = 01:02:03 · …` → ms. */
function readoutMs(text) {
  const m = /t = (?:(\d+)d )?(\d\d):(\d\d):(\d\d)/.exec(text);
  assert.ok(m, `read-out "${text}" gives the instant`);
  return ((Number(m[1] ?? 0) * 24 + Number(m[2])) * 3600 + Number(m[3]) * 60 + Number(m[4])) * 1000;
}

test('the hover read-out is at the pointer: known ticks, every chart, 1024, 1366 and 1920 px', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await playToEnd(page, 'streaming-falls-behind');
  const duration = Number(await page.getByTestId('run-state').getAttribute('data-duration'));
  // The parameter panel (open at first on this wide screen) becomes a drawer over the
  // charts under 1200 px: closed, so the pointer reaches every chart.
  if (await page.locator('aside.params').count() > 0) await page.getByTestId('params-toggle').click();
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 768 });
    await page.waitForTimeout(200);
    for (const chart of CHARTS) {
      const fig = page.getByTestId(`chart-${chart}`);
      await fig.scrollIntoViewIfNeeded();
      const plot = fig.locator('svg.plot');
      const box = await plot.boundingBox();
      // The time axis' labels (h:mm on these two-hour runs), centred on their ticks.
      const ticks = fig.locator('svg.plot text.tick[text-anchor=middle]');
      const n = await ticks.count();
      assert.ok(n >= 3, `${chart}: time ticks`);
      // Chart units per screen pixel: the read-out may be off by the pixel the pointer is on.
      const msPerPx = (duration / (540 - 104 - 16)) * (540 / box.width);
      for (let i = 1; i < n; i += 1) {
        const tick = ticks.nth(i);
        const label = await tick.textContent();
        const [h, mm] = label.split(':').map(Number);
        const tickMs = (h * 60 + mm) * 60_000;
        const tb = await tick.boundingBox();
        const x = tb.x + tb.width / 2;
        await page.mouse.move(x, box.y + box.height * 0.4);
        await page.waitForTimeout(40);
        const readout = await fig.locator('.readout').innerText();
        const at = readoutMs(readout);
        assert.ok(Math.abs(at - tickMs) <= 1.5 * msPerPx,
          `${chart} at ${width} px, pointer on the ${label} tick: read-out ${readout.slice(0, 14)} (${at} ms vs ${tickMs} ms)`);
        const cursor = Number(await fig.locator('line.cursor').getAttribute('x1'));
        const tickX = Number(await tick.getAttribute('x'));
        assert.ok(Math.abs(cursor - tickX) <= 1.5 * (540 / box.width), `${chart} at ${width} px: cursor at ${cursor}, tick at ${tickX}`);
      }
      await page.mouse.move(0, 0);
    }
  }
  assertNoProblems(problems);
});

test('spike: process rate within capacity, overload named, latency drawn while nothing is published', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.setViewportSize({ width: 1366, height: 768 });
  await gotoApp(page);
  await playToEnd(page, 'streaming-falls-behind');
  // Process rate ≤ capacity at every sample (SVG y grows downwards: a higher rate is a smaller y).
  const capacity = await points(page, 'throughput', 'capacity');
  assert.equal(capacity.length, 2, 'a capacity line across the chart');
  const capY = capacity[0][1];
  const streaming = await points(page, 'throughput', 'streaming');
  assert.ok(streaming.length > 100, 'a process-rate point per sample');
  for (const [x, y] of streaming) assert.ok(y >= capY - 0.05, `process rate above capacity at x = ${x} (y ${y} < ${capY})`);
  // It does reach capacity while behind, and the input passes it.
  assert.ok(streaming.some(([, y]) => Math.abs(y - capY) < 3), 'runs at capacity during the spike');
  const input = await points(page, 'throughput', 'input');
  assert.ok(input.some(([, y]) => y < capY - 5), 'the input rate is drawn above capacity during the spike');
  // The crossing is shaded and named.
  const throughput = page.getByTestId('chart-throughput');
  assert.equal(await throughput.locator('g.overload rect').count(), 1);
  assert.match(await throughput.locator('g.overload text').textContent(), /falling behind/);
  assert.match(await page.getByTestId('chart-throughput-overload').innerText(),
    /Input above the streaming capacity \(00:30:00 – 00:45:0\d\).*falling behind.*backpressure/);
  // Latency: the oldest waiting event is drawn where nothing is published, during the overload.
  const band = await throughput.locator('g.overload rect');
  const bandX = Number(await band.getAttribute('x'));
  const bandW = Number(await band.getAttribute('width'));
  const waiting = await points(page, 'latency', 'streaming-oldest-waiting');
  const inBand = waiting.filter(([x]) => x >= bandX && x <= bandX + bandW);
  assert.ok(inBand.length >= 10, `oldest waiting drawn during the overload (${inBand.length} points)`);
  assert.match(await page.getByTestId('chart-latency').locator('.legend').innerText(),
    /Streaming: oldest waiting event \(nothing published\)/);
  assertNoProblems(problems);
});

test('queueing panel: ρ, theory and measurement equal what bslab run prints', async () => {
  const cli = spawnSync('cargo', ['run', '--release', '-q', '-p', 'bslab-cli', '--', 'run', '--preset', 'queue-mm1'], {
    cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  assert.equal(cli.status, 0, cli.stderr);
  const q = JSON.parse(cli.stdout).queueing;
  assert.ok(q, 'the CLI reports the queueing part');
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await playToEnd(page, 'queue-mm1');
  const panel = page.getByTestId('queueing');
  assert.equal(await panel.getByTestId('queue-model').innerText(), q.model);
  assert.equal(Number(await panel.getByTestId('queue-rates').getAttribute('data-utilisation')), q.utilisation);
  assert.match(await panel.getByTestId('queue-rates').innerText(), /ρ = λ \/ \(c·μ\) = 80\.0 %/);
  const rows = {
    wait: 'wait_ms', 'time-in-system': 'time_in_system_ms', 'in-system': 'in_system', 'littles-law': 'littles_law_in_system',
  };
  for (const [id, field] of Object.entries(rows)) {
    const cells = panel.getByTestId(`queue-${id}`).locator('td');
    assert.equal(Number(await cells.nth(0).getAttribute('data-value')), q.predicted[field], `${id}: theory`);
    assert.equal(Number(await cells.nth(1).getAttribute('data-value')), q.measured[field], `${id}: measured`);
  }
  // M/M/1 at λ = 8, μ = 10: W = 1/(μ − λ) = 500 ms, shown as such.
  assert.match(await panel.getByTestId('queue-time-in-system').innerText(), /500\.0 ms/);
  assertNoProblems(problems);
});
