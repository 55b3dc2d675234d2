// Peak memory of the app's tab (its Chromium renderer process, VmHWM; Linux) while the
// app simulates a config to its end from a share link (`#c=…&t=<duration>`), one fresh
// browser per config. Prints one JSON line per config: whether it ran to the end or was
// refused (the notice's text), the time it took and the renderer's peak in MB.
// Usage: serve a release build (scripts/test.sh build-release: target/e2e-dist/), then
//   BSLAB_BASE_URL=http://127.0.0.1:PORT/ node scripts/measure-tab-memory.mjs NAME=config.json...
// BSLAB_MEASURE_TIMEOUT_S (default 600) bounds each run; `largest_configs` (an engine
// example) writes each preset at the largest rate validation accepts.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.BSLAB_BASE_URL;
// How long one config may run before its peak so far is reported (state: timeout).
const timeoutMs = 1000 * Number(process.env.BSLAB_MEASURE_TIMEOUT_S ?? 600);
const args = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

function b64url(text) {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function descendants(pid) {
  const children = new Map();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch {}
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    for (const c of children.get(p) ?? []) { out.push(c); stack.push(c); }
  }
  return out;
}

function rendererPeakKb(pid) {
  let peak = 0;
  for (const p of descendants(pid)) {
    try {
      if (!readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const hwm = readFileSync(`/proc/${p}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
      if (hwm) peak = Math.max(peak, Number(hwm[1]));
    } catch {}
  }
  return peak;
}

for (const arg of process.argv.slice(2)) {
  const [name, file] = arg.split('=');
  const json = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
  const duration = JSON.parse(json).duration_ms;
  const profile = mkdtempSync(join(tmpdir(), `bslab-memory-${name}-`));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args, viewport: { width: 1366, height: 768 } });
  const page = await browser.newPage();
  const main = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).find((p) => {
    try { const c = readFileSync(`/proc/${p}/cmdline`, 'utf8'); return c.includes(profile) && !c.includes('--type='); } catch { return false; }
  });
  const started = Date.now();
  await page.goto(`${base}#c=${b64url(json)}&t=${duration}`, { waitUntil: 'load' });
  let state = 'timeout';
  try {
    await page.waitForFunction(
      () => document.querySelector('[data-testid=run-state]')?.dataset.settled === 'true'
        || document.querySelector('[data-testid=notice]'),
      null, { timeout: timeoutMs });
    state = (await page.locator('[data-testid=notice]').count()) ? 'notice: ' + (await page.locator('[data-testid=notice]').first().innerText()).slice(0, 200) : 'settled';
  } catch (e) { state = String(e).slice(0, 100); }
  const clock = await page.locator('[data-testid=run-state]').getAttribute('data-state').catch(() => '?');
  const t = await page.locator('[data-testid=run-state]').getAttribute('data-t').catch(() => '?');
  const kb = rendererPeakKb(main);
  console.log(JSON.stringify({ name, state, run_state: clock, simulated_ms: t, duration_ms: duration, seconds: (Date.now() - started) / 1000, renderer_peak_mb: Math.round(kb / 1024) }));
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
